// The HTTP side of every handler: middy, language, caller, body and query parsing, problem details.
import middy from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type * as z from 'zod';
import { toFieldProblems } from '../../schemas/messages';
import { ForbiddenError, ValidationFailedError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { type Language, ROLES, type Role } from '../domain/types';
import { config, limits } from './config';
import { logger } from './observability';
import { HttpProblem, httpProblems, internalError, toProblem } from './problem';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResponse = APIGatewayProxyStructuredResultV2;

export interface HttpRequest<Body, Query> {
  readonly event: HttpEvent;
  readonly lang: Language;
  readonly principal: Principal | undefined;
  readonly body: Body;
  readonly query: Query;
  readonly params: Readonly<Record<string, string>>;
  readonly sourceIp: string;
  header(name: string): string | undefined;
}

export interface HttpResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface RouteOptions<Body, Query> {
  /** Roles allowed; omitted for public routes. */
  readonly roles?: readonly Role[];
  readonly body?: z.ZodType<Body>;
  readonly query?: z.ZodType<Query>;
}

export function languageOf(event: Pick<HttpEvent, 'headers'>): Language {
  const accept = event.headers?.['accept-language'] ?? '';
  const first = accept.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

function principalOf(event: HttpEvent): Principal | undefined {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  if (!claims?.sub) return undefined;
  const role = String(claims['custom:role'] ?? '');
  if (!(ROLES as readonly string[]).includes(role)) return undefined;
  const text = (key: string) => (claims[key] === undefined ? undefined : String(claims[key]));
  return {
    id: String(claims.sub),
    role: role as Role,
    name: (text('name') ?? '').normalize('NFC'),
    email: text('email'),
    phone: text('phone_number'),
    agencyId: text('custom:agency'),
    taxCode: text('custom:tax_code'),
  };
}

/**
 * The caller's network address, for per-client rate limits. A direct caller could forge the CDN's header,
 * but gains only a fresh per-client budget: the per-code limit still holds.
 */
function clientAddress(event: HttpEvent): string {
  const stamped = config.clientIpHeader ? event.headers?.[config.clientIpHeader] : undefined;
  return stamped?.split(',')[0]?.trim() || event.requestContext.http.sourceIp;
}

function rawBody(event: HttpEvent): Buffer {
  if (!event.body) return Buffer.alloc(0);
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

function parseJsonBody(event: HttpEvent): unknown {
  const bytes = rawBody(event);
  if (bytes.length > limits.maxBodyBytes) throw httpProblems.payloadTooLarge();
  if (bytes.length === 0) return {};
  const contentType = (event.headers?.['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (contentType !== 'application/json' && !contentType.endsWith('+json')) {
    throw httpProblems.unsupportedMediaType();
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw httpProblems.malformedJson();
  }
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown, lang: Language, prefix: string): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationFailedError(toFieldProblems(result.error.issues, lang, prefix));
  return result.data;
}

function json(result: HttpResult, lang: Language): HttpResponse {
  return {
    statusCode: result.status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-language': lang,
      'cache-control': 'no-store',
      ...result.headers,
    },
    body: result.body === undefined ? '' : JSON.stringify(result.body),
  };
}

/** Wraps a route's work in middy: everything but the domain call happens here. */
export function route<Body = undefined, Query = undefined>(
  options: RouteOptions<Body, Query>,
  work: (request: HttpRequest<Body, Query>) => Promise<HttpResult>,
) {
  return middy<HttpEvent, HttpResponse, Error, Context>()
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
      const principal = principalOf(event);
      if (options.roles) {
        if (!principal) throw httpProblems.unauthorized();
        if (!options.roles.includes(principal.role)) throw new ForbiddenError();
      }
      const body = options.body
        ? parseWith(options.body, parseJsonBody(event), lang, '')
        : (undefined as Body);
      const query = options.query
        ? parseWith(options.query, event.queryStringParameters ?? {}, lang, 'query.')
        : (undefined as Query);
      const result = await work({
        event,
        lang,
        principal,
        body,
        query,
        params: (event.pathParameters ?? {}) as Record<string, string>,
        sourceIp: clientAddress(event),
        header: (name) => event.headers?.[name.toLowerCase()],
      });
      return json(result, lang);
    });
}

export { HttpProblem };
