// Business webhooks: registration (the secret shown once, SSRF refusals), delivery of every status change signed as
// Standard Webhooks says (checked with the `standardwebhooks` library), retries with the same id, failure after the
// schedule, the URL checked again at delivery, and polling with ?status=&updatedSince=.
// The test runtime runs the retry schedule 10 000 times faster (WEBHOOK_RETRY_SCALE, test/support/global-setup.ts).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { type Account, newBusiness, newCitizen, newOfficial } from '../support/accounts';
import {
  act,
  client,
  DISTRICT,
  EVENTUALLY_MS,
  eventually,
  payThroughIpn,
  submitHouseholdBusiness,
} from '../support/flows';
import { repointWebhook } from '../support/table';

const c = client();

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A receiver on this machine that answers each POST with the next status of `answers` (the last one repeats). */
async function receiver(answers: readonly number[] = [204]) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answers[Math.min(received.length - 1, answers.length - 1)]!).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/motcua`, port, received };
}
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

async function register(business: Account, url: string) {
  const answer = await c.post('/api/webhooks', { token: business.token, body: { url } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { id: string; url: string; events: string[]; secret: string; createdAt: string };
}

const deliveries = async (code: string) =>
  (await c.get(`/api/local/outbox?caseCode=${encodeURIComponent(code)}`)).body.items.filter(
    (item: { channel: string }) => item.channel === 'webhook',
  ) as { id: string; to: string; status: string; attempts: number; body: string }[];

describe('POST, GET, DELETE /api/webhooks', () => {
  it('shows the secret once, lists without it, deletes only the owner’s own', async () => {
    const business = await newBusiness();
    const { url } = await receiver();
    const created = await register(business, url);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(created.events).toEqual(['case.status_changed']);
    const listed = await c.get('/api/webhooks', { token: business.token });
    expect(listed.body.items).toEqual([
      { id: created.id, url, events: created.events, createdAt: created.createdAt },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(created.secret.slice(6));

    const other = await newBusiness();
    expect((await c.request('DELETE', `/api/webhooks/${created.id}`, { token: other.token })).status).toBe(
      404,
    );
    expect((await c.get('/api/webhooks', { token: (await newCitizen()).token })).status).toBe(403);
    expect((await c.request('DELETE', `/api/webhooks/${created.id}`, { token: business.token })).status).toBe(
      204,
    );
    expect((await c.request('DELETE', `/api/webhooks/${created.id}`, { token: business.token })).status).toBe(
      404,
    );
    expect((await c.get('/api/webhooks', { token: business.token })).body.items).toEqual([]);
  });

  it.each([
    ['http://example.com/hook', 'https'],
    ['https://10.20.30.40/hook', 'private'],
    ['https://169.254.169.254/latest/meta-data', 'private'],
    ['https://[::1]/hook', 'private'],
    ['https://[::ffff:192.168.1.1]/hook', 'private'],
    ['https://localhost/hook', 'private'],
    ['https://user:secret@example.com/hook', 'password'],
    ['not a url', 'không hợp lệ'],
  ])('refuses %s at registration (400 on url)', async (url, words) => {
    const business = await newBusiness();
    const answer = await c.post('/api/webhooks', {
      token: business.token,
      body: { url },
      headers: { 'accept-language': words === 'không hợp lệ' ? 'vi' : 'en' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ path: 'url', message: expect.stringContaining(words) }]);
    expect((await c.get('/api/webhooks', { token: business.token })).body.items).toEqual([]);
  });
});

describe('delivery', () => {
  it('posts every status change of the business’s cases, signed (checked by standardwebhooks), in order', {
    timeout: EVENTUALLY_MS + 30_000,
  }, async () => {
    const business = await newBusiness();
    const hook = await receiver();
    const { secret } = await register(business, hook.url);
    const { code } = await submitHouseholdBusiness(c, business);
    // Paid through the IPN (signed by the test's own VNPay signer), then received by the district's official.
    expect(await payThroughIpn(c, business, code, '16000001')).toBe('00');
    expect(
      (await act(c, await newOfficial(DISTRICT), code, { action: 'receive', expectedVersion: 2 })).status,
    ).toBe(200);

    await eventually(
      async () => hook.received.length,
      (count) => count >= 3,
    );
    const verifier = new Webhook(secret);
    const events = hook.received.map(
      ({ headers, body }) =>
        verifier.verify(body, {
          'webhook-id': String(headers['webhook-id']),
          'webhook-timestamp': String(headers['webhook-timestamp']),
          'webhook-signature': String(headers['webhook-signature']),
        }) as { type: string; data: { code: string; status: string; version: number; procedureId: string } },
    );
    expect(events.map((e) => [e.type, e.data.code, e.data.status, e.data.version])).toEqual([
      ['case.status_changed', code, 'awaiting_payment', 1],
      ['case.status_changed', code, 'submitted', 2],
      ['case.status_changed', code, 'processing', 3],
    ]);
    expect(new Set(hook.received.map((r) => r.headers['webhook-id'])).size).toBe(3);
    expect(hook.received.every((r) => r.headers['content-type'] === 'application/json')).toBe(true);
    // A signature with another secret does not pass: the check above is not vacuous.
    expect(() =>
      new Webhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw').verify(hook.received[0]!.body, {
        'webhook-id': String(hook.received[0]!.headers['webhook-id']),
        'webhook-timestamp': String(hook.received[0]!.headers['webhook-timestamp']),
        'webhook-signature': String(hook.received[0]!.headers['webhook-signature']),
      }),
    ).toThrow();
    const listed = await eventually(
      () => deliveries(code),
      (items) => items.length === 3 && items.every((item) => item.status === 'delivered'),
    );
    expect(listed.map((item) => item.to)).toEqual([hook.url, hook.url, hook.url]);
    expect(listed.map((item) => item.id).sort()).toEqual(
      hook.received.map((r) => String(r.headers['webhook-id'])).sort(),
    );
  });

  it('retries a receiver that fails twice with the same webhook-id and body, then records it delivered', {
    timeout: EVENTUALLY_MS + 30_000,
  }, async () => {
    const business = await newBusiness();
    const hook = await receiver([500, 503, 200]);
    const { secret } = await register(business, hook.url);
    const { code } = await submitHouseholdBusiness(c, business);
    const [delivery] = await eventually(
      () => deliveries(code),
      (items) => items[0]?.status === 'delivered',
    );
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(hook.received).toHaveLength(3);
    expect(new Set(hook.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([delivery!.id]));
    expect(new Set(hook.received.map((r) => r.body))).toEqual(new Set([delivery!.body]));
    // Each attempt is signed at its own time, and every one of them verifies.
    const verifier = new Webhook(secret);
    for (const { headers, body } of hook.received) {
      expect(() =>
        verifier.verify(body, {
          'webhook-id': String(headers['webhook-id']),
          'webhook-timestamp': String(headers['webhook-timestamp']),
          'webhook-signature': String(headers['webhook-signature']),
        }),
      ).not.toThrow();
    }
  });

  it('records a delivery failed once the schedule’s 24 hours are spent, after its eight attempts', {
    timeout: EVENTUALLY_MS + 30_000,
  }, async () => {
    const business = await newBusiness();
    const hook = await receiver([500]);
    await register(business, hook.url);
    const { code } = await submitHouseholdBusiness(c, business);
    const [delivery] = await eventually(
      () => deliveries(code),
      (items) => items[0]?.status === 'failed',
    );
    // Immediately, then 5 s, 5 min, 30 min, 2 h, 5 h and 10 h later, and a last one when the 24 hours end.
    expect(delivery).toMatchObject({ status: 'failed', attempts: 8 });
    expect(hook.received).toHaveLength(8);
  });

  it('checks the URL again at delivery: a host that now resolves to this machine is refused, never called', {
    timeout: EVENTUALLY_MS + 30_000,
  }, async () => {
    const business = await newBusiness();
    const hook = await receiver();
    const { id } = await register(business, hook.url);
    // As if the name's DNS record changed after registration (rebinding): https, but to a loopback address.
    await repointWebhook(business.sub, id, `https://localhost:${hook.port}/hooks/motcua`);
    const { code } = await submitHouseholdBusiness(c, business);
    const [delivery] = await eventually(
      () => deliveries(code),
      (items) => items[0]?.status === 'failed',
    );
    expect(delivery?.status).toBe('failed');
    expect(hook.received).toHaveLength(0);
  });
});

describe('GET /api/applications?status=&updatedSince=', () => {
  it('keeps the cases in a status, and those changed since a time', async () => {
    const business = await newBusiness();
    const first = await submitHouseholdBusiness(c, business);
    const second = await submitHouseholdBusiness(c, business);
    const list = async (query: string) =>
      (await c.get(`/api/applications?${query}`, { token: business.token })).body.items.map(
        (item: { code: string }) => item.code,
      );
    expect(await list('status=awaiting_payment')).toEqual([second.code, first.code]);
    expect(await list('status=submitted')).toEqual([]);
    const between = new Date(Date.parse(second.submittedAt) - 1).toISOString();
    expect(await list(`updatedSince=${encodeURIComponent(between)}`)).toEqual([second.code]);
    // The same instant written with another offset.
    const sameInstant = new Date(second.submittedAt).toISOString();
    expect(await list(`updatedSince=${encodeURIComponent(sameInstant)}&status=awaiting_payment`)).toEqual([
      second.code,
    ]);
    // One per page still reaches every match, following the cursor.
    const paged = await c.get('/api/applications?status=awaiting_payment&limit=1', { token: business.token });
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.nextCursor).toBeDefined();
    const bad = await c.get('/api/applications?updatedSince=yesterday', { token: business.token });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.updatedSince');
  });
});
