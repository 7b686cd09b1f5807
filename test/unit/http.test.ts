// The HTTP wrapper: framing, roles, every request part parsed from the route's entry, problems, checked answers.
import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { HttpEvent, HttpResponse, ok as okFn, route as routeFn } from '../../functions/commons/http';
import { NotFoundError, VersionConflictError } from '../../functions/domain/errors';
import { defineRoutes } from '../../functions/routes/define';

let route: typeof routeFn;
let ok: typeof okFn;
beforeAll(async () => {
  // The module reads its configuration at import time, as a Lambda does at cold start.
  process.env.TABLE_NAME ??= 'unit-test';
  process.env.CLIENT_IP_HEADER = 'X-Motcua-Client-Ip';
  // As in the local runtime: every answer is held to its documented schema.
  process.env.MOTCUA_RUNTIME = 'local';
  // The 500 cases log their error on purpose; keep the test output for real failures.
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  ({ route, ok } = await import('../../functions/commons/http'));
});

const thing = z.strictObject({ name: z.string().min(1), count: z.number().int() });
const anything = () => z.unknown();

const things = defineRoutes('test/unit/http.test.ts', {
  postThing: {
    method: 'POST',
    path: '/api/things/{id}',
    group: 'public',
    request: {
      params: () => z.object({ id: z.string().max(8) }),
      query: () => z.object({ limit: z.coerce.number().int().max(10).optional() }),
      headers: () => z.object({ 'Idempotency-Key': z.string().regex(/^[\x21-\x7e]{1,16}$/) }),
      body: () => thing,
    },
    responses: { 200: { description: 'What was parsed', body: anything } },
    openapi: { summary: 'test', tag: 'Operations' },
  },
  getThing: {
    method: 'GET',
    path: '/api/things',
    group: 'public',
    request: {},
    responses: { 200: { description: 'A thing', body: () => thing } },
    openapi: { summary: 'test', tag: 'Operations' },
  },
  officialsOnly: {
    method: 'GET',
    path: '/api/officials-only',
    group: 'official',
    roles: ['official'],
    request: {},
    responses: { 200: { description: 'The caller', body: anything } },
    openapi: { summary: 'test', tag: 'Operations' },
  },
});

function event(overrides: Partial<HttpEvent> & { role?: string } = {}): HttpEvent {
  const { role, ...rest } = overrides;
  return {
    version: '2.0',
    routeKey: 'POST /api/things/{id}',
    rawPath: '/api/things/1',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'key-1' },
    pathParameters: { id: '1' },
    isBase64Encoded: false,
    requestContext: {
      http: {
        method: 'POST',
        path: '/api/things/1',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
      },
      authorizer: role
        ? { jwt: { claims: { sub: 'u1', name: 'Nguyễn Văn An', 'custom:role': role }, scopes: [] } }
        : undefined,
    },
    ...rest,
  } as unknown as HttpEvent;
}

const call = async (handler: (e: HttpEvent, c: Context) => Promise<unknown>, e: HttpEvent) => {
  const response = (await handler(e, {} as Context)) as HttpResponse;
  return { ...response, json: response.body ? JSON.parse(response.body) : undefined };
};

describe('route(): the HTTP side of every handler', () => {
  const echo = () =>
    route(things.postThing, async (req) =>
      ok({ params: req.params, query: req.query, headers: req.headers, body: req.body }),
    );

  it('parses every part the entry declares: path, query, headers (any case) and body', async () => {
    const answer = await call(
      echo(),
      event({
        body: JSON.stringify({ name: 'a', count: 1 }),
        queryStringParameters: { limit: '3' },
        headers: { 'content-type': 'application/json', 'Idempotency-Key': 'ignored', 'idempotency-key': 'k' },
      }),
    );
    expect(answer.statusCode).toBe(200);
    expect(answer.json).toEqual({
      params: { id: '1' },
      query: { limit: 3 },
      headers: { 'Idempotency-Key': 'k' },
      body: { name: 'a', count: 1 },
    });
  });

  it('lists every invalid field of the body, in Vietnamese by default', async () => {
    const bad = await call(echo(), event({ body: JSON.stringify({ name: '', count: 1.5, extra: 1 }) }));
    expect(bad.statusCode).toBe(400);
    expect(bad.headers?.['content-type']).toBe('application/problem+json');
    expect(bad.headers?.['content-language']).toBe('vi');
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['count', 'extra', 'name']);
  });

  it('answers a path parameter outside its schema as an unknown id: 404', async () => {
    const answer = await call(
      echo(),
      event({ pathParameters: { id: 'x'.repeat(10_000) }, body: JSON.stringify({ name: 'a', count: 1 }) }),
    );
    expect(answer.statusCode).toBe(404);
    expect(answer.json.type).toBe('/problems/not-found');
  });

  it('answers a bad query with its fields under query., and a bad header as bad-header naming it', async () => {
    const body = JSON.stringify({ name: 'a', count: 1 });
    const query = await call(echo(), event({ body, queryStringParameters: { limit: '11' } }));
    expect(query.statusCode).toBe(400);
    expect(query.json.errors.map((e: { path: string }) => e.path)).toEqual(['query.limit']);
    const header = await call(
      echo(),
      event({ body, headers: { 'content-type': 'application/json', 'idempotency-key': 'with space' } }),
    );
    expect(header.statusCode).toBe(400);
    expect(header.json.type).toBe('/problems/bad-header');
    expect(header.json.detail).toContain('Idempotency-Key');
    const missing = await call(echo(), event({ body, headers: { 'content-type': 'application/json' } }));
    expect(missing.json.type).toBe('/problems/bad-header');
  });

  it('answers 413 over 1 MB, 415 for a non-JSON type, 400 for malformed JSON', async () => {
    const big = await call(
      echo(),
      event({ body: JSON.stringify({ name: 'x'.repeat(1024 * 1024), count: 1 }) }),
    );
    expect(big.statusCode).toBe(413);
    const text = await call(
      echo(),
      event({ headers: { 'content-type': 'text/plain', 'idempotency-key': 'k' }, body: '{}' }),
    );
    expect(text.statusCode).toBe(415);
    const broken = await call(echo(), event({ body: '{"name":' }));
    expect(broken.statusCode).toBe(400);
    expect(broken.json.type).toMatch(/malformed-json$/);
  });

  it("takes the caller's address from the CDN's header when it holds an IP address, else from the connection", async () => {
    const handler = route(things.officialsOnly, async (req) => ok({ ip: req.sourceIp }));
    expect((await call(handler, event({ role: 'official' }))).json.ip).toBe('127.0.0.1');
    const stamped = event({ role: 'official', headers: { 'x-motcua-client-ip': '203.0.113.9' } });
    expect((await call(handler, stamped)).json.ip).toBe('203.0.113.9');
    const forged = event({
      role: 'official',
      headers: { 'x-motcua-client-ip': `${'x'.repeat(10_000)}, 1.2.3.4` },
    });
    expect((await call(handler, forged)).json.ip).toBe('127.0.0.1');
  });

  it("checks the entry's roles: no caller 401, a wrong role 403", async () => {
    const handler = route(things.officialsOnly, async (req) => ok(req.principal));
    expect((await call(handler, event())).statusCode).toBe(401);
    expect((await call(handler, event({ role: 'citizen' }))).statusCode).toBe(403);
    const allowed = await call(handler, event({ role: 'official' }));
    expect(allowed.json).toMatchObject({ id: 'u1', role: 'official', name: 'Nguyễn Văn An' });
  });

  it('maps domain errors to their problem details in the language asked for, and hides the rest as 500', async () => {
    const notFound = route(things.getThing, async () => {
      throw new NotFoundError('case');
    });
    const en = await call(notFound, event({ headers: { 'accept-language': 'en-US,en;q=0.9' } }));
    expect(en.statusCode).toBe(404);
    expect(en.json).toEqual({ type: '/problems/not-found', title: 'Not found', status: 404 });
    const conflict = route(things.getThing, async () => {
      throw new VersionConflictError(3);
    });
    expect((await call(conflict, event())).json.type).toBe('/problems/version-conflict');

    const crash = route(things.getThing, async () => {
      throw new Error('secret internals');
    });
    const answer = await call(crash, event());
    expect(answer.statusCode).toBe(500);
    expect(answer.body).not.toContain('secret internals');
  });

  it('in the local runtime, refuses to send an answer its documented schema does not describe', async () => {
    const good = route(things.getThing, async () => ok({ name: 'a', count: 1 }));
    expect((await call(good, event())).statusCode).toBe(200);
    // The types forbid this answer; a cast stands for a view that drifted from the contract.
    const drifted = route(things.getThing, async () => ok({ name: 'a' } as { name: string; count: number }));
    expect((await call(drifted, event())).statusCode).toBe(500);
  });

  it('keeps the entry on the handler, so that a test can tell which route it serves', () => {
    expect(route(things.getThing, async () => ok({ name: 'a', count: 1 })).route).toBe(things.getThing);
  });
});
