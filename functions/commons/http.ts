// The HTTP side of every handler: middy, language, caller and roles, every request part parsed, problem details.
import { isIP } from 'node:net';
import middy from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import * as z from 'zod/mini';
import { API_MESSAGES } from '../../schemas/api';
import { issuesAsProblems } from '../../schemas/issues';
import { BadHeaderError, ForbiddenError, NotFoundError, ValidationFailedError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import type { Language, Role } from '../domain/types';
import type { LazySchema, RawBodySpec, RouteEntry } from '../routes/define';
import { principalFromClaims } from './claims';
import { limits, runtime } from './config';
import type { FileResponse } from './file-answer';
import { logger } from './observability';
import { HttpProblem, httpProblems, internalError, toProblem } from './problem';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResponse = APIGatewayProxyStructuredResultV2;

/** What a request part is once its schema parsed it; `undefined` for a part the route does not take. */
type Parsed<Part> = Part extends LazySchema ? z.output<ReturnType<Part>> : undefined;

/** The request as the route's work sees it: every part parsed by the entry's schemas, the caller checked. */
export interface HttpRequest<Entry extends RouteEntry> {
  readonly event: HttpEvent;
  readonly lang: Language;
  /** Present whenever the entry has roles (the wrapper answered 401 otherwise). */
  readonly principal: Entry['roles'] extends readonly Role[] ? Principal : undefined;
  readonly params: Parsed<Entry['request']['params']>;
  readonly query: Parsed<Entry['request']['query']>;
  readonly headers: Parsed<Entry['request']['headers']>;
  readonly body: Parsed<Entry['request']['body']>;
  /** The body as bytes, for a route that takes one that is not JSON (`rawBody`); checked for type and size. */
  readonly rawBody: Entry['request']['rawBody'] extends object ? Buffer : undefined;
  /** The caller's network address, for per-client rate limits. */
  readonly sourceIp: string;
  /** The moment the request is handled at (the local runtime lets a test set it: see `requestTime`). */
  readonly now: Date;
}

/** An answer the entry documents: one of its statuses, with the body its schema describes (none for 204). */
export type HttpResult<Entry extends RouteEntry> = {
  [Status in keyof Entry['responses'] & number]: Entry['responses'][Status] extends { body: LazySchema }
    ? {
        readonly status: Status;
        readonly body: z.output<ReturnType<Entry['responses'][Status]['body']>>;
        readonly headers?: Record<string, string>;
      }
    : { readonly status: Status; readonly body?: undefined; readonly headers?: Record<string, string> };
}[keyof Entry['responses'] & number];

/** 200 with a body (and headers): what most routes answer. */
export const ok = <Body>(body: Body, headers?: Record<string, string>) =>
  ({ status: 200, body, ...(headers ? { headers } : {}) }) as const;

/** 201: something new was stored. */
export const created = <Body>(body: Body, headers?: Record<string, string>) =>
  ({ status: 201, body, ...(headers ? { headers } : {}) }) as const;

/** 204: done, no body (a deletion). */
export const noContent = () => ({ status: 204 }) as const;

/** 302 to `location`, no body: where a browser is sent back to (a payment gateway's return). */
export const redirect = (location: string) => ({ status: 302, headers: { location } }) as const;

export type RouteHandler<Entry extends RouteEntry> = middy.MiddyfiedHandler<
  HttpEvent,
  HttpResponse,
  Error,
  Context
> & {
  /** The entry the handler was built from, so that a test can tell it serves its own route. */
  readonly route: Entry;
};

export function languageOf(event: Pick<HttpEvent, 'headers'>): Language {
  const accept = event.headers?.['accept-language'] ?? '';
  const first = accept.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

/**
 * The caller's network address, for per-client rate limits. A direct caller could forge the CDN's header,
 * but gains only a fresh per-client budget: the per-code limit still holds. Only an IP address counts, so
 * that no forged value, however long or odd, becomes a storage key.
 */
function clientAddress(event: HttpEvent): string {
  const stamped = runtime.clientIpHeader ? event.headers?.[runtime.clientIpHeader] : undefined;
  const first = stamped?.split(',')[0]?.trim() ?? '';
  return isIP(first) ? first : event.requestContext.http.sourceIp;
}

/**
 * The request's moment. In the local runtime only, a test may set it with the `X-Local-Now` header (ISO 8601), so
 * that deadlines can be crossed without waiting days; on AWS the header means nothing.
 */
export const LOCAL_CLOCK_HEADER = 'x-local-now';

function requestTime(event: HttpEvent): Date {
  const set = runtime.isLocal ? event.headers?.[LOCAL_CLOCK_HEADER] : undefined;
  const at = set ? new Date(set) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at : new Date();
}

function rawBody(event: HttpEvent): Buffer {
  if (!event.body) return Buffer.alloc(0);
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

/** The request's media type, without parameters, lower-cased ('' when none is given). */
function mediaType(event: HttpEvent): string {
  return (event.headers?.['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function parseJsonBody(event: HttpEvent, maxBytes: number): unknown {
  const bytes = rawBody(event);
  if (bytes.length > maxBytes) throw httpProblems.payloadTooLarge(maxBytes);
  if (bytes.length === 0) return {};
  const contentType = mediaType(event);
  if (contentType !== 'application/json' && !contentType.endsWith('+json')) {
    throw httpProblems.unsupportedMediaType();
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw httpProblems.malformedJson();
  }
}

/** A body taken as bytes: one of the route's media types, within its limit (the size is checked first). */
function parseRawBody(event: HttpEvent, spec: RawBodySpec): Buffer {
  const bytes = rawBody(event);
  if (bytes.length > spec.maxBytes) throw httpProblems.payloadTooLarge(spec.maxBytes);
  const contentType = mediaType(event);
  if (!spec.contentTypes.includes(contentType)) throw httpProblems.unsupportedMediaType(spec.contentTypes);
  return bytes;
}

/** The headers a schema names, looked up case-insensitively (API Gateway passes them lower-cased). */
function namedHeaders(schema: z.core.$ZodType, event: HttpEvent): Record<string, string | undefined> {
  const def = schema._zod.def;
  const names = def.type === 'object' ? Object.keys((def as z.core.$ZodObjectDef).shape) : [];
  return Object.fromEntries(names.map((name) => [name, event.headers?.[name.toLowerCase()]]));
}

/**
 * Parses every part the entry declares, in the order the contract's answers rank: a path that names nothing
 * is 404 (as an unknown id is), then the body's framing and fields, the query, the headers.
 */
function parseRequest(entry: RouteEntry, event: HttpEvent, lang: Language) {
  const { params, query, headers, body } = entry.request;
  const fields = (schema: LazySchema, input: unknown, prefix: string) => {
    const result = z.safeParse(schema(), input);
    if (!result.success) {
      throw new ValidationFailedError(issuesAsProblems(result.error.issues, lang, prefix, API_MESSAGES));
    }
    return result.data;
  };
  let parsedParams: unknown;
  if (params) {
    const result = z.safeParse(params(), event.pathParameters ?? {});
    if (!result.success) throw new NotFoundError('resource');
    parsedParams = result.data;
  }
  const maxBytes = Math.min(entry.request.maxBodyBytes ?? limits.maxBodyBytes, limits.maxBodyBytes);
  const parsedBody = body ? fields(body, parseJsonBody(event, maxBytes), '') : undefined;
  const parsedRawBody = entry.request.rawBody ? parseRawBody(event, entry.request.rawBody) : undefined;
  const parsedQuery = query ? fields(query, event.queryStringParameters ?? {}, 'query') : undefined;
  let parsedHeaders: unknown;
  if (headers) {
    const result = z.safeParse(headers(), namedHeaders(headers(), event));
    if (!result.success) throw new BadHeaderError(String(result.error.issues[0]?.path[0] ?? 'header'));
    parsedHeaders = result.data;
  }
  return {
    params: parsedParams,
    body: parsedBody,
    rawBody: parsedRawBody,
    query: parsedQuery,
    headers: parsedHeaders,
  };
}

/**
 * The local runtime holds every answer to the schema its entry publishes, so that the integration tests
 * prove the document true; on AWS the types alone keep them in step (parsing each answer costs time).
 */
function checkAnswer(entry: RouteEntry, status: number, body: unknown): void {
  if (!runtime.isLocal) return;
  const spec = entry.responses[status as keyof RouteEntry['responses']];
  if (spec && !('body' in spec)) {
    if (body === undefined) return;
    throw new Error(`${entry.method} ${entry.path} answered ${status} with a body it does not document`);
  }
  const result = spec && z.safeParse(spec.body(), body);
  if (!spec || !result?.success) {
    throw new Error(
      `${entry.method} ${entry.path} answered ${status} outside its documented schema: ${
        result?.error ? JSON.stringify(result.error.issues.slice(0, 5)) : 'status not documented'
      }`,
    );
  }
}

/**
 * A file answer (`fileAnswer`, ./file-answer.ts, built there so that only the functions that answer files carry
 * that code), in the caller's language; the local runtime holds it to the media types its entry declares.
 */
function fileResult(entry: RouteEntry, status: number, file: FileResponse, lang: Language): HttpResponse {
  const spec = entry.responses[status as keyof RouteEntry['responses']];
  const declared = (spec && 'contentTypes' in spec ? spec.contentTypes : undefined) ?? [];
  if (runtime.isLocal && !declared.includes(file.contentType)) {
    throw new Error(`${entry.method} ${entry.path} answered ${file.contentType}, which it does not declare`);
  }
  return { ...file.response, headers: { ...file.response.headers, 'content-language': lang } };
}

function json(result: { status: number; body?: unknown; headers?: Record<string, string> }, lang: Language) {
  return {
    statusCode: result.status,
    headers: {
      ...(result.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      'content-language': lang,
      'cache-control': 'no-store',
      ...result.headers,
    },
    body: result.body === undefined ? '' : JSON.stringify(result.body),
  };
}

/** Wraps a route's work in middy: the entry's roles and schemas apply here; the work does the rest. */
export function route<const Entry extends RouteEntry>(
  entry: Entry,
  work: (request: HttpRequest<NoInfer<Entry>>) => Promise<HttpResult<NoInfer<Entry>>>,
): RouteHandler<Entry> {
  const handler = middy<HttpEvent, HttpResponse, Error, Context>()
    .use({
      onError: (request) => {
        const lang = languageOf(request.event);
        const mapped = toProblem(request.error, lang);
        if (!mapped) {
          logger.error('unhandled error', {
            routeKey: request.event.routeKey,
            requestId: request.event.requestContext?.requestId,
            error: request.error as Error,
          });
        }
        request.response = mapped ?? internalError(lang);
      },
    })
    .handler(async (event) => {
      const lang = languageOf(event);
      const principal = principalFromClaims(event.requestContext.authorizer?.jwt?.claims);
      if (entry.roles) {
        if (!principal) throw httpProblems.unauthorized();
        if (!entry.roles.includes(principal.role)) throw new ForbiddenError();
      }
      const parsed = parseRequest(entry, event, lang);
      const result = await work({
        event,
        lang,
        principal: (entry.roles ? principal : undefined) as HttpRequest<Entry>['principal'],
        params: parsed.params as HttpRequest<Entry>['params'],
        query: parsed.query as HttpRequest<Entry>['query'],
        headers: parsed.headers as HttpRequest<Entry>['headers'],
        body: parsed.body as HttpRequest<Entry>['body'],
        rawBody: parsed.rawBody as HttpRequest<Entry>['rawBody'],
        sourceIp: clientAddress(event),
        now: requestTime(event),
      });
      const file = (result as { file?: FileResponse }).file;
      if (file) return fileResult(entry, result.status, file, lang);
      checkAnswer(entry, result.status, result.body);
      return json(result, lang);
    });
  return Object.assign(handler, { route: entry });
}

export { HttpProblem };
