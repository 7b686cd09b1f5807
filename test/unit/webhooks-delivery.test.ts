// Delivers webhooks over real HTTP to receivers on 127.0.0.1: retries on the schedule, pinning, rebinding, limits.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverWebhook, pinnedLookup, postToPinnedAddress } from '../../functions/webhooks/deliver';
import { caseStatusChangedEvent } from '../../functions/webhooks/event';
import { nextAttemptAt } from '../../functions/webhooks/schedule';
import { generateWebhookSecret, webhookMessageId } from '../../functions/webhooks/signature';
import { checkWebhookUrl, type Resolver } from '../../functions/webhooks/ssrf';

interface Received {
  readonly method: string;
  readonly path: string;
  readonly host: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

/** A receiver on 127.0.0.1 that records every request and answers with `answer`. */
async function receiver(answer: (req: Received, n: number, res: ServerResponse) => void) {
  const received: Received[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = {
        method: req.method ?? '',
        path: req.url ?? '',
        host: req.headers.host ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(r);
      answer(r, received.length, res);
    });
  });
  server.on('connection', () => connections++);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { received, port, url: `http://127.0.0.1:${port}`, connections: () => connections };
}

const secret = generateWebhookSecret();
const body = JSON.stringify(
  caseStatusChangedEvent({
    code: 'HS-2025-000123',
    procedureId: 'ho-kinh-doanh',
    status: 'submitted',
    version: 2,
    at: '2025-01-02T09:00:00+07:00',
  }),
);
const id = webhookMessageId('wh_test', 'HS-2025-000123', 2);

describe('deliverWebhook', () => {
  it('retries a receiver that fails twice, on the schedule, with the same webhook-id, until it takes it', async () => {
    const hook = await receiver((_req, n, res) => {
      if (n === 1) res.writeHead(500).end('database down');
      else if (n === 2) res.writeHead(503, { 'retry-after': '1' }).end();
      else res.writeHead(204).end();
    });
    const firstAt = new Date('2025-01-02T02:00:00Z');
    const attempts: { at: Date; ok: boolean; status?: number }[] = [];
    let at: Date | undefined = firstAt;
    for (let attempt = 1; at; attempt++) {
      const result = await deliverWebhook(
        { url: `${hook.url}/hooks/motcua`, id, body, secret },
        { allowLocalHttp: true },
      );
      attempts.push({ at, ok: result.ok, status: result.status });
      expect(result.durationMs).toBeGreaterThanOrEqual(0);
      at = result.ok ? undefined : nextAttemptAt(attempt, firstAt);
    }
    expect(attempts).toEqual([
      { at: firstAt, ok: false, status: 500 },
      { at: new Date('2025-01-02T02:00:05Z'), ok: false, status: 503 },
      { at: new Date('2025-01-02T02:05:05Z'), ok: true, status: 204 },
    ]);
    expect(hook.received).toHaveLength(3);
    const verifier = new Webhook(secret);
    for (const request of hook.received) {
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/hooks/motcua');
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['webhook-id']).toBe(id);
      expect(request.body).toBe(body);
      expect(verifier.verify(request.body, request.headers as Record<string, string>)).toEqual(
        JSON.parse(body),
      );
    }
  });

  it('keeps at most the limit of the answer’s body', async () => {
    const hook = await receiver((_req, _n, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('x'.repeat(1024 * 1024));
    });
    const result = await deliverWebhook(
      { url: hook.url, id, body, secret },
      { allowLocalHttp: true, maxResponseBytes: 100 },
    );
    expect(result.ok).toBe(true);
    expect(result.status).toBe(200);
    expect(result.responseExcerpt).toBe('x'.repeat(100));
  });

  it('does not follow a redirect', async () => {
    const hook = await receiver((req, _n, res) => {
      if (req.path === '/hook') res.writeHead(307, { location: '/elsewhere' }).end();
      else res.writeHead(200).end();
    });
    const result = await deliverWebhook(
      { url: `${hook.url}/hook`, id, body, secret },
      { allowLocalHttp: true },
    );
    expect(result).toMatchObject({ ok: false, status: 307 });
    expect(hook.received.map((r) => r.path)).toEqual(['/hook']);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    // Never answers: whatever the machine's speed, the attempt ends by its timeout.
    const hook = await receiver(() => {});
    const result = await deliverWebhook(
      { url: hook.url, id, body, secret },
      { allowLocalHttp: true, timeoutMs: 300 },
    );
    expect(result).toMatchObject({ ok: false, error: 'timeout' });
    expect(result.status).toBeUndefined();
    expect(hook.received).toHaveLength(1);
  });

  it('reports a refused connection as an error to retry', async () => {
    const hook = await receiver((_r, _n, res) => res.end());
    const url = hook.url;
    await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));
    const result = await deliverWebhook({ url, id, body, secret }, { allowLocalHttp: true });
    expect(result).toMatchObject({ ok: false, error: 'ECONNREFUSED' });
  });

  it('refuses a URL that fails the check, without connecting', async () => {
    const hook = await receiver((_r, _n, res) => res.end());
    const result = await deliverWebhook({ url: hook.url, id, body, secret });
    expect(result).toMatchObject({ ok: false, error: 'refused:not-https' });
    expect(hook.connections()).toBe(0);
  });

  it('refuses a host that resolved to a public address when registered and to a private one when delivering', async () => {
    // The receiver listens where the rebound name points: a connection there would be seen.
    const hook = await receiver((_r, _n, res) => res.end());
    const answers = [['93.184.215.14'], ['127.0.0.1']];
    let calls = 0;
    const rebinding: Resolver = async () =>
      (answers[calls++] ?? ['127.0.0.1']).map((address) => ({ address, family: 4 }));
    const url = `https://rebind.example.com:${hook.port}/hook`;

    expect((await checkWebhookUrl(url, { resolver: rebinding })).ok).toBe(true);
    const result = await deliverWebhook({ url, id, body, secret }, { resolver: rebinding });
    expect(result).toMatchObject({ ok: false, error: 'refused:private-address' });
    expect(calls).toBe(2);
    expect(hook.connections()).toBe(0);
  });
});

describe('postToPinnedAddress', () => {
  it('connects to the address given, not to what the host name would resolve to', async () => {
    const hook = await receiver((_r, _n, res) => res.writeHead(202).end('queued'));
    // `.invalid` never resolves (RFC 6761): the request can only arrive through the pinned address.
    const url = new URL(`http://webhook-receiver.invalid:${hook.port}/hook?x=1`);
    const result = await postToPinnedAddress({
      url,
      address: { address: '127.0.0.1', family: 4 },
      headers: { 'webhook-id': id },
      body,
      timeoutMs: 5000,
      maxResponseBytes: 4096,
    });
    expect(result).toEqual({ ok: true, status: 202, responseExcerpt: 'queued' });
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]!.host).toBe(`webhook-receiver.invalid:${hook.port}`);
    expect(hook.received[0]!.path).toBe('/hook?x=1');
  });
});

describe('pinnedLookup', () => {
  it('answers every name with the pinned address, as one address or as a list', () => {
    const lookup = pinnedLookup({ address: '2606:4700:4700::1111', family: 6 });
    const single: unknown[] = [];
    lookup('anything.example', {}, (...args: unknown[]) => single.push(...args));
    expect(single).toEqual([null, '2606:4700:4700::1111', 6]);
    const listed: unknown[] = [];
    lookup('anything.example', { all: true }, (...args: unknown[]) => listed.push(...args));
    expect(listed).toEqual([null, [{ address: '2606:4700:4700::1111', family: 6 }]]);
  });
});
