// The OpenAPI 3.1 document of CONTRACT.md, built from the route table, the zod schemas of api.ts and the forms.
import * as z from 'zod';
import {
  type CreateDocumentOptions,
  createDocument,
  type oas31,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { type RouteDeclaration, routes } from '../functions/routes';
import * as api from './api';
import { procedures } from './catalogue';

const localized = api.procedureSummary.shape.name;

/**
 * What `GET /api/procedures/{id}` really answers: api.ts's ProcedureDetail plus what the catalogue adds for the
 * public page (Decree 43/2011's list). Documented here so that the document does not claim "no other
 * properties" for a body that has them; the unit test checks the two stay in step.
 */
export const documentedProcedureDetail = api.procedureDetail
  .extend({
    documents: z.array(
      z.object({
        type: z.string(),
        name: localized,
        required: z.boolean(),
        accept: z.array(z.string()),
        maxBytes: z.int(),
        maxFiles: z.int(),
        copies: z
          .object({ originals: z.int(), copies: z.int() })
          .optional()
          .meta({ description: 'Originals and copies to present (thành phần hồ sơ)' }),
      }),
    ),
    serviceLevelName: localized.meta({
      description: 'Decree 42/2022/NĐ-CP name of the level: "một phần" (3) or "toàn trình" (4)',
    }),
    applicants: localized.meta({ description: 'Who may apply (đối tượng thực hiện)' }),
    where: z.object({ vi: z.string(), en: z.string(), address: localized }).meta({
      description: 'Where the procedure is done (nơi thực hiện) and the address of the one-stop desk',
    }),
    sampleValues: localized
      .optional()
      .meta({ description: 'Which figures are sample values, not sourced ones' }),
  })
  .meta({ id: 'ProcedureDetail' });

// ---------------------------------------------------------------------------------------------------------
// Operations

type ProblemStatus = '400' | '401' | '403' | '404' | '409' | '413' | '415' | '429';

interface OperationSpec {
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  readonly query?: z.ZodObject;
  readonly header?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly success: {
    readonly status: '200' | '201';
    readonly description: string;
    readonly schema: z.ZodType;
    readonly headers?: oas31.HeadersObject;
  };
  /** Problems beyond those the route's shape implies (auth, body, path parameter). */
  readonly problems?: readonly ProblemStatus[];
}

const caseCode = z.string().meta({
  description: 'Case code, Circular 01/2018/TT-VPCP art. 19: `<agency code>-YYMMDD-NNNN`',
  example: '000.21.38.H42-250115-0001',
});

const pathParameters: Record<string, z.ZodType> = {
  id: z.string().meta({ description: 'Procedure id', example: 'dang-ky-khai-sinh' }),
  code: caseCode,
};

const PROBLEM_RESPONSES: Record<
  ProblemStatus,
  { id: string; description: string; headers?: oas31.HeadersObject }
> = {
  '400': {
    id: 'BadRequest',
    description: 'Invalid request: `errors` lists every invalid field with its path in the body',
  },
  '401': { id: 'Unauthorized', description: 'Missing, expired or invalid bearer token' },
  '403': { id: 'Forbidden', description: "The caller's role may not use this route" },
  '404': { id: 'NotFound', description: 'Unknown, or not visible to the caller (the same answer for both)' },
  '409': {
    id: 'Conflict',
    description:
      'Conflict: `/problems/version-conflict`, `/problems/invalid-transition` or `/problems/idempotency-conflict`',
  },
  '413': { id: 'PayloadTooLarge', description: 'Body over the size limit' },
  '415': { id: 'UnsupportedMediaType', description: 'Body is not `application/json`' },
  '429': {
    id: 'TooManyRequests',
    description: 'Too many attempts; retry after the delay given',
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  },
};

const OPERATIONS: Record<string, OperationSpec> = {
  'GET /api/health': {
    summary: 'Health check',
    description: 'Answers once storage answers.',
    tag: 'Operations',
    success: { status: '200', description: 'Up', schema: z.object({ status: z.literal('ok') }) },
  },
  'GET /api/openapi.json': {
    summary: 'This OpenAPI document',
    tag: 'Operations',
    success: {
      status: '200',
      description: 'OpenAPI 3.1 document of the contract',
      schema: z.record(z.string(), z.unknown()),
    },
  },
  'GET /api/procedures': {
    summary: 'List or search the procedures',
    description: 'Search is insensitive to diacritics and case: "ho kinh doanh" finds "hộ kinh doanh".',
    tag: 'Catalogue',
    query: z.object({
      q: z
        .string()
        .max(200)
        .optional()
        .meta({ description: 'Words to find in the Vietnamese or English name', example: 'ho kinh doanh' }),
    }),
    success: {
      status: '200',
      description: 'Matching procedures',
      schema: z.object({ items: z.array(api.procedureSummary) }),
    },
  },
  'GET /api/procedures/{id}': {
    summary: "A procedure's public page",
    description:
      '`form` is the JSON Schema 2020-12 of the application `data`, with `examples`; the same schemas are in ' +
      '`components.schemas` as `ProcedureForm.<id>`.',
    tag: 'Catalogue',
    success: { status: '200', description: 'The procedure', schema: documentedProcedureDetail },
  },
  'GET /api/track/{code}': {
    summary: 'Track a case without signing in',
    description: 'No personal data. A wrong or missing PIN answers exactly as an unknown code.',
    tag: 'Tracking',
    query: api.trackQuery,
    success: { status: '200', description: 'Where the case stands', schema: api.trackResponse },
    problems: ['429'],
  },
  'POST /api/uploads': {
    summary: 'Get a presigned POST for one document',
    description:
      'Post `multipart/form-data` with `fields`, then `file`, to `url`. The upload counts only once an ' +
      'accepted application names it.',
    tag: 'Uploads',
    body: api.uploadRequest,
    success: { status: '201', description: 'Presigned POST', schema: api.uploadResponse },
  },
  'POST /api/applications': {
    summary: 'Submit an application',
    description:
      '`data` is checked against the procedure form (`ProcedureForm.<procedureId>`), documents against its ' +
      'list. The same `Idempotency-Key` with the same body answers the first response again.',
    tag: 'Applications',
    header: z.object({
      'Idempotency-Key': z
        .string()
        .min(1)
        .max(255)
        .meta({ description: 'Chosen by the client, one per submission' }),
    }),
    body: api.applicationRequest,
    success: {
      status: '201',
      description: 'Accepted: `submitted`, or `awaiting_payment` for a level-4 procedure with a fee',
      schema: api.submitResponse,
      headers: {
        Location: { description: 'URL of the new case', schema: { type: 'string' } },
        'Idempotent-Replayed': {
          description: '`true` when this is the stored answer to an earlier request with the same key',
          schema: { type: 'string' },
        },
      },
    },
    problems: ['409'],
  },
  'GET /api/applications': {
    summary: "The caller's own cases, newest first",
    tag: 'Applications',
    query: api.listQuery,
    success: { status: '200', description: 'One page of cases', schema: api.page(api.caseSummary) },
  },
  'GET /api/applications/{code}': {
    summary: 'One of the caller’s cases',
    tag: 'Applications',
    success: { status: '200', description: 'The case', schema: api.caseView },
  },
  'POST /api/applications/{code}/supplement': {
    summary: 'Answer a supplement request',
    description: 'The case goes back to the status it had before the request. 409 when none was requested.',
    tag: 'Applications',
    body: api.supplementAnswer,
    success: { status: '200', description: 'The case', schema: api.caseView },
    problems: ['409'],
  },
  'POST /api/applications/{code}/withdraw': {
    summary: 'Withdraw an application',
    description: '409 once a decision is made.',
    tag: 'Applications',
    body: api.withdrawRequest,
    success: { status: '200', description: 'The case', schema: api.caseView },
    problems: ['409'],
  },
  'GET /api/queue': {
    summary: "The official's agency queue",
    description: 'Soonest deadline first (for `submitted`, oldest first). `admin` may pass `agencyId`.',
    tag: 'Officials',
    query: api.queueQuery,
    success: { status: '200', description: 'One page of the queue', schema: api.page(api.queueItem) },
  },
  'GET /api/cases/{code}': {
    summary: 'A case of the official’s agency',
    description: 'With the applicant and a short-lived `downloadUrl` per document.',
    tag: 'Officials',
    success: { status: '200', description: 'The case', schema: api.officialCaseView },
  },
  'POST /api/cases/{code}/actions': {
    summary: 'Act on a case',
    description:
      'receive, reject, request_supplement, approve, deny, issue_result. Each accepted action appends one ' +
      'event and bumps `version`.',
    tag: 'Officials',
    body: api.caseActionRequest,
    success: { status: '200', description: 'The case after the action', schema: api.officialCaseView },
    problems: ['409'],
  },
};

/** What the routes that exist only in the local runtime do, for the note in `info.description`. */
const LOCAL_ROUTE_NOTES: Record<string, string> = {
  'GET /api/local/users': 'the seeded demo accounts',
  'POST /api/local/token': 'a bearer token for a demo account `{ username }`',
  'GET /api/local/outbox': 'the notifications the runtime would have sent (`?caseCode=`)',
  'POST /api/local/payments/{code}/confirm': 'stands in for the payment callback of a level-4 procedure',
};

const routeKey = (r: RouteDeclaration) => `${r.method} ${r.path}`;

function problemsOf(r: RouteDeclaration, spec: OperationSpec): ProblemStatus[] {
  const statuses = new Set<ProblemStatus>(spec.problems);
  if (spec.body || spec.query || spec.header) statuses.add('400');
  if (spec.body) {
    statuses.add('413');
    statuses.add('415');
  }
  if (r.auth === 'jwt') {
    statuses.add('401');
    statuses.add('403');
  }
  if (r.path.includes('{')) statuses.add('404');
  return [...statuses].sort();
}

function operationOf(r: RouteDeclaration): ZodOpenApiOperationObject {
  const spec = OPERATIONS[routeKey(r)];
  if (!spec) {
    // A route added to the table without documentation still appears, flagged, rather than vanishing.
    return {
      operationId: r.exportName,
      summary: r.exportName,
      'x-undocumented': true,
      responses: { default: { description: 'Not documented yet' } },
    };
  }
  const names = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const path = names.length
    ? z.object(Object.fromEntries(names.map((n) => [n, pathParameters[n] ?? z.string()])))
    : undefined;
  const responses: ZodOpenApiResponsesObject = {
    [spec.success.status]: {
      description: spec.success.description,
      ...(spec.success.headers ? { headers: spec.success.headers } : {}),
      content: { 'application/json': { schema: spec.success.schema } },
    },
  };
  for (const status of problemsOf(r, spec)) {
    responses[status] = { $ref: `#/components/responses/${PROBLEM_RESPONSES[status].id}` };
  }
  const roles = r.roles ? ` Roles: ${r.roles.join(', ')}.` : '';
  return {
    operationId: r.exportName,
    summary: spec.summary,
    description: `${spec.description ?? ''}${roles}`.trim() || undefined,
    tags: [spec.tag],
    security: r.auth === 'jwt' ? [{ bearerAuth: [] }] : [],
    parameters: [{ $ref: '#/components/parameters/AcceptLanguage' }],
    requestParams: {
      ...(path ? { path } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.header ? { header: spec.header } : {}),
    },
    ...(spec.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: spec.body } } } }
      : {}),
    responses,
  };
}

function pathsOf(declared: readonly RouteDeclaration[]): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const r of declared) {
    const method = r.method.toLowerCase() as 'get' | 'post';
    paths[r.path] = { ...paths[r.path], [method]: operationOf(r) };
  }
  return paths;
}

// ---------------------------------------------------------------------------------------------------------
// The document

function description(localRoutes: readonly RouteDeclaration[]): string {
  const local = localRoutes
    .map((r) => `- \`${routeKey(r)}\`: ${LOCAL_ROUTE_NOTES[routeKey(r)] ?? r.exportName}`)
    .join('\n');
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
        content: { 'application/problem+json': { schema: api.problem } },
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
        { name: 'Officials', description: 'The one-stop desk of an agency' },
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
              'Amazon Cognito access token on AWS (checked by the HTTP API JWT authorizer). Claims used: `sub`, ' +
              '`name`, `email`, `phone_number`, `custom:role`, `custom:agency`, `custom:tax_code`.',
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
