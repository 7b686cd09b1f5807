import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { HttpEvent, HttpResponse, route as routeFn } from '../../functions/commons/http';
import { NotFoundError, VersionConflictError } from '../../functions/domain/errors';

let route: typeof routeFn;
beforeAll(async () => {
  // The module reads its configuration at import time, as a Lambda does at cold start.
  process.env.TABLE_NAME ??= 'unit-test';
  process.env.CLIENT_IP_HEADER = 'X-Motcua-Client-Ip';
  // The 500 case logs its error on purpose; keep the test output for real failures.
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  ({ route } = await import('../../functions/commons/http'));
});

function event(overrides: Partial<HttpEvent> & { role?: string } = {}): HttpEvent {
  const { role, ...rest } = overrides;
  return {
    version: '2.0',
    routeKey: 'POST /api/things',
    rawPath: '/api/things',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    isBase64Encoded: false,
    requestContext: {
      http: {
        method: 'POST',
        path: '/api/things',
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

const call = async (handler: ReturnType<typeof routeFn>, e: HttpEvent) => {
  const response = (await handler(e, {} as Context)) as HttpResponse;
  return { ...response, json: response.body ? JSON.parse(response.body) : undefined };
};

describe('route(): the HTTP side of every handler', () => {
  const body = z.strictObject({ name: z.string().min(1), count: z.number().int() });

  it('parses and validates the body, listing every invalid field, in Vietnamese by default', async () => {
    const handler = route({ body }, async (req) => ({ status: 200, body: req.body }));
    const ok = await call(handler, event({ body: JSON.stringify({ name: 'a', count: 1 }) }));
    expect(ok.statusCode).toBe(200);
    expect(ok.json).toEqual({ name: 'a', count: 1 });

    const bad = await call(handler, event({ body: JSON.stringify({ name: '', count: 1.5, extra: 1 }) }));
    expect(bad.statusCode).toBe(400);
    expect(bad.headers?.['content-type']).toBe('application/problem+json');
    expect(bad.headers?.['content-language']).toBe('vi');
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['count', 'extra', 'name']);
  });

  it('answers 413 over 1 MB, 415 for a non-JSON type, 400 for malformed JSON', async () => {
    const handler = route({ body }, async () => ({ status: 200 }));
    const big = await call(
      handler,
      event({ body: JSON.stringify({ name: 'x'.repeat(1024 * 1024), count: 1 }) }),
    );
    expect(big.statusCode).toBe(413);
    const text = await call(handler, event({ headers: { 'content-type': 'text/plain' }, body: '{}' }));
    expect(text.statusCode).toBe(415);
    const broken = await call(handler, event({ body: '{"name":' }));
    expect(broken.statusCode).toBe(400);
    expect(broken.json.type).toMatch(/malformed-json$/);
  });

  it("takes the caller's address from the CDN's header when configured, else from the connection", async () => {
    const handler = route({}, async (req) => ({ status: 200, body: { ip: req.sourceIp } }));
    expect((await call(handler, event())).json.ip).toBe('127.0.0.1');
    const stamped = event({ headers: { 'x-motcua-client-ip': '203.0.113.9' } });
    expect((await call(handler, stamped)).json.ip).toBe('203.0.113.9');
  });

  it('checks the role: no caller 401, a wrong role 403', async () => {
    const handler = route({ roles: ['official'] }, async (req) => ({ status: 200, body: req.principal }));
    expect((await call(handler, event())).statusCode).toBe(401);
    expect((await call(handler, event({ role: 'citizen' }))).statusCode).toBe(403);
    const ok = await call(handler, event({ role: 'official' }));
    expect(ok.json).toMatchObject({ id: 'u1', role: 'official', name: 'Nguyễn Văn An' });
  });

  it('maps domain errors to their problem details in the language asked for, and hides the rest as 500', async () => {
    const notFound = route({}, async () => {
      throw new NotFoundError('case');
    });
    const en = await call(notFound, event({ headers: { 'accept-language': 'en-US,en;q=0.9' } }));
    expect(en.statusCode).toBe(404);
    expect(en.json).toEqual({ type: '/problems/not-found', title: 'Not found', status: 404 });
    const conflict = route({}, async () => {
      throw new VersionConflictError(3);
    });
    expect((await call(conflict, event())).json.type).toBe('/problems/version-conflict');

    const crash = route({}, async () => {
      throw new Error('secret internals');
    });
    const answer = await call(crash, event());
    expect(answer.statusCode).toBe(500);
    expect(answer.body).not.toContain('secret internals');
  });
});
