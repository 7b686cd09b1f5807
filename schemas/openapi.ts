// The OpenAPI 3.1 document of CONTRACT.md, built from the route entries (their schemas are api.ts's) and the forms.
import * as z from 'zod';
import {
  type CreateDocumentOptions,
  createDocument,
  type oas31,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { CLAIMS } from '../functions/commons/claims';
import { type RouteDeclaration, type RouteEntry, routes } from '../functions/routes';
import * as api from './api';
import { procedures } from './catalogue';

// ---------------------------------------------------------------------------------------------------------
// Operations, from the route entries

type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429;

const PROBLEM_RESPONSES: Record<
  ProblemStatus,
  { id: string; description: string; headers?: oas31.HeadersObject }
> = {
  400: {
    id: 'BadRequest',
    description: 'Invalid request: `errors` lists every invalid field with its path in the body',
  },
  401: { id: 'Unauthorized', description: 'Missing, expired or invalid bearer token' },
  403: { id: 'Forbidden', description: "The caller's role may not use this route" },
  404: {
    id: 'NotFound',
    description: 'Unknown (or malformed) id, or not visible to the caller: the same answer for all',
  },
  409: {
    id: 'Conflict',
    description:
      'Conflict: `/problems/version-conflict`, `/problems/invalid-transition` or `/problems/idempotency-conflict`',
  },
  413: { id: 'PayloadTooLarge', description: 'Body over the size limit' },
  415: {
    id: 'UnsupportedMediaType',
    description:
      'Body is not of the media type the route takes (`application/json` unless it says otherwise)',
  },
  429: {
    id: 'TooManyRequests',
    description: 'Too many attempts; retry after the delay given',
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  },
};

const routeKey = (r: RouteDeclaration) => `${r.method} ${r.path}`;

/** The problems a route can answer: those its shape implies (roles, path, body, query, headers), and its own. */
export function problemsOf(r: RouteEntry): ProblemStatus[] {
  const { request } = r;
  const statuses = new Set<ProblemStatus>(r.openapi.problems);
  if (request.body || request.query || request.headers) statuses.add(400);
  if (request.body || request.rawBody) {
    statuses.add(413);
    statuses.add(415);
  }
  if (r.roles) {
    statuses.add(401);
    statuses.add(403);
  }
  if (request.params) statuses.add(404);
  return [...statuses].sort((a, b) => a - b);
}

// zod-openapi's parameter objects must be zod objects; the entries' are.
const asObject = (schema: (() => z.core.$ZodType) | undefined) => schema?.() as z.ZodObject | undefined;

function operationOf(r: RouteEntry): ZodOpenApiOperationObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, spec] of Object.entries(r.responses)) {
    if (!spec) continue;
    responses[status as `${1 | 2 | 3 | 4 | 5}${string}`] = {
      description: spec.description,
      ...(spec.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(spec.headers).map(([name, description]) => [
                name,
                { description, schema: { type: 'string' } },
              ]),
            ),
          }
        : {}),
      ...('body' in spec
        ? {
            content: Object.fromEntries(
              (spec.contentTypes ?? ['application/json']).map((type) => [type, { schema: spec.body() }]),
            ),
          }
        : {}),
    };
  }
  for (const status of problemsOf(r)) {
    responses[`${status}`] = { $ref: `#/components/responses/${PROBLEM_RESPONSES[status].id}` };
  }
  const { params, query, headers, body } = r.request;
  const roles = r.roles ? ` Roles: ${r.roles.join(', ')}.` : '';
  return {
    operationId: r.exportName,
    summary: r.openapi.summary,
    description: `${r.openapi.description ?? ''}${roles}`.trim() || undefined,
    tags: [r.openapi.tag],
    security: r.auth === 'jwt' ? [{ bearerAuth: [] }] : [],
    parameters: [{ $ref: '#/components/parameters/AcceptLanguage' }],
    requestParams: {
      ...(params ? { path: asObject(params) } : {}),
      ...(query ? { query: asObject(query) } : {}),
      ...(headers ? { header: asObject(headers) } : {}),
    },
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body() } } } } : {}),
    ...(r.request.rawBody
      ? {
          requestBody: {
            required: true,
            description: r.request.rawBody.description,
            content: Object.fromEntries(
              r.request.rawBody.contentTypes.map((type) => [
                type,
                { schema: { type: 'string', format: 'binary', maxLength: r.request.rawBody?.maxBytes } },
              ]),
            ),
          },
        }
      : {}),
    responses,
  };
}

function pathsOf(declared: readonly RouteEntry[]): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const r of declared) {
    const method = r.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    paths[r.path] = { ...paths[r.path], [method]: operationOf(r) };
  }
  return paths;
}

// ---------------------------------------------------------------------------------------------------------
// The document

function description(localRoutes: readonly RouteEntry[]): string {
  const local = localRoutes.map((r) => `- \`${routeKey(r)}\`: ${r.openapi.summary}`).join('\n');
  return [
    'Online public services (levels 3 and 4) of a Vietnamese province: the procedure catalogue, uploads,',
    'applications, public tracking and the officials’ one-stop desk (Circular 01/2018/TT-VPCP).',
    '',
    'Conventions: JSON in and out, UTF-8, Vietnamese text NFC-normalised; times are ISO 8601 with offset;',
    'money is an integer number of VND. `Accept-Language: vi` (default) or `en` picks the language of',
    'messages and labels. Errors are RFC 9457 problem details (`application/problem+json`) whose `errors`',
    'list every invalid field at once with its path in the body (`data.child.fullName`). Lists are paginated',
    'with `limit` (default 20, at most 100) and an opaque `cursor`; `nextCursor` is absent on the last page.',
    '',
    'Each procedure form (the `data` of an application) is in `components.schemas` as `ProcedureForm.<id>`.',
    '',
    'Not in this document: routes of the local runtime only, never deployed on AWS:',
    local,
  ].join('\n');
}

function procedureForms(): Record<string, z.ZodType> {
  return Object.fromEntries(
    procedures.map((p) => [
      `ProcedureForm.${p.id}`,
      // The input side: what the applicant sends, before normalisation (phones with spaces, NFD names). zod drops
      // `examples` from the input side of a schema with transforms (it takes them for outputs), so they go in
      // through zod-openapi's `override`, applied last.
      p.form.meta({
        unusedIO: 'input',
        title: p.name.vi,
        description: p.name.en,
        override: { examples: structuredClone([...p.examples]) },
      }),
    ]),
  );
}

function problemResponses() {
  return Object.fromEntries(
    Object.values(PROBLEM_RESPONSES).map(({ id, description, headers }) => [
      id,
      {
        description,
        ...(headers ? { headers } : {}),
        content: { 'application/problem+json': { schema: api.problem() } },
      },
    ]),
  );
}

/**
 * Response bodies reuse request pieces that normalise text with a transform (`reason` of a supplement item is
 * NFC-normalised); zod-openapi cannot render a transform's output and refuses. Those transforms map a string
 * to a string, so the output is described by the transform's input.
 */
const describeTransformsByTheirInput: CreateDocumentOptions['override'] = ({ jsonSchema, zodSchema, io }) => {
  const def = zodSchema._zod.def;
  if (io !== 'output' || def.type !== 'pipe' || Object.keys(jsonSchema).length > 0) return;
  if (def.out._zod.def.type !== 'transform') return;
  const { $schema: _, ...input } = z.toJSONSchema(def.in, { io: 'output', unrepresentable: 'any' });
  Object.assign(jsonSchema, input);
};

let cached: oas31.OpenAPIObject | undefined;

/** The OpenAPI 3.1 document served at `GET /api/openapi.json`, built once per process. */
export function buildOpenApiDocument(): oas31.OpenAPIObject {
  cached ??= createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'motcua — một cửa điện tử',
        version: '1.0.0',
        description: description(routes.filter((r) => r.localOnly)),
      },
      tags: [
        { name: 'Catalogue', description: 'Procedures and their public pages' },
        { name: 'Tracking', description: 'Public tracking by code and PIN' },
        { name: 'Uploads', description: 'Presigned uploads of documents' },
        { name: 'Applications', description: "Applicants' own cases" },
        { name: 'Payments', description: 'Fees of level-4 procedures paid online (VNPay 2.1.0)' },
        {
          name: 'Verification',
          description: 'Signed electronic results, and whether a document was issued here',
        },
        { name: 'Webhooks', description: "Case status changes pushed to businesses' systems" },
        { name: 'Drafts', description: 'Applications left half done, to resume on any device' },
        { name: 'Officials', description: 'The one-stop desk of an agency' },
        { name: 'Statistics', description: 'Public statistics of cases (Decision 766/QĐ-TTg)' },
        { name: 'Operations', description: 'Health and this document' },
      ],
      paths: pathsOf(routes.filter((r) => !r.localOnly)),
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description:
              'Amazon Cognito access token on AWS (checked by the HTTP API JWT authorizer). Claims used: ' +
              `${Object.values(CLAIMS)
                .map((claim) => `\`${claim}\``)
                .join(', ')}.`,
          },
        },
        parameters: {
          AcceptLanguage: {
            name: 'Accept-Language',
            in: 'header',
            required: false,
            description: 'Language of messages and labels',
            schema: { type: 'string', enum: ['vi', 'en'], default: 'vi' },
          },
        },
        responses: problemResponses(),
        schemas: procedureForms(),
      },
    },
    { override: describeTransformsByTheirInput },
  );
  return cached;
}
