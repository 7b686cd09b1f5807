// One attempt to deliver a webhook: check the URL again, connect to the address checked, POST, read a little.

import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { signWebhook } from './signature';
import { checkWebhookUrl, type ResolvedAddress, type WebhookUrlPolicy } from './ssrf';

export interface WebhookDelivery {
  readonly url: string;
  /** `webhook-id`, the same on every attempt. */
  readonly id: string;
  /** The stored body, sent byte for byte on every attempt. */
  readonly body: string;
  /** The endpoint's `whsec_` secret. */
  readonly secret: string;
}

export interface DeliveryOptions extends WebhookUrlPolicy {
  /** For the whole attempt, resolution included. @default 5000 */
  readonly timeoutMs?: number;
  /** At most this much of the answer is read (kept for the delivery log). @default 4096 */
  readonly maxResponseBytes?: number;
  /** The attempt's time, signed into `webhook-timestamp`. @default () => new Date() */
  readonly now?: () => Date;
}

export interface DeliveryResult {
  /** A 2xx answer; anything else is retried on the schedule. */
  readonly ok: boolean;
  readonly status?: number;
  /** `refused:<reason>` (the URL failed its check), `timeout`, or the connection's error code. */
  readonly error?: string;
  readonly durationMs: number;
  /** The start of the answer's body, at most `maxResponseBytes`. */
  readonly responseExcerpt?: string;
}

const USER_AGENT = 'motcua-webhooks/1 (+Standard Webhooks)';

/**
 * A `lookup` that answers every host name with the one address given: the socket connects to what was
 * checked, whatever DNS says by then. Node asks for a list (`all: true`) when it races address families.
 */
export function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options?.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
}

export interface PinnedPost {
  readonly url: URL;
  readonly address: ResolvedAddress;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
}

/**
 * POSTs to `url` over a fresh connection to `address` (TLS still checks the certificate against the URL's
 * host name). Redirects are not followed: a 3xx is just not a 2xx.
 */
export function postToPinnedAddress(post: PinnedPost): Promise<Omit<DeliveryResult, 'durationMs'>> {
  const { url } = post;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<DeliveryResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = request({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: {
        ...post.headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(post.body)),
        'user-agent': USER_AGENT,
      },
      lookup: pinnedLookup(post.address),
      // No pooled socket: one made for another address must never carry this request.
      agent: false,
    });
    const timer = setTimeout(() => {
      finish({ ok: false, error: 'timeout' });
      req.destroy();
    }, post.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) =>
      finish({ ok: false, error: error.code ?? error.message }),
    );
    req.on('response', (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const excerpt = Buffer.concat(chunks).subarray(0, post.maxResponseBytes).toString('utf8');
        finish({ ok: status >= 200 && status < 300, status, responseExcerpt: excerpt });
        res.destroy();
      };
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= post.maxResponseBytes) done();
      });
      res.on('end', done);
      res.on('error', done);
    });
    req.end(post.body);
  });
}

/**
 * One delivery attempt, signed at the attempt's time. The URL is checked again now (its host resolved
 * anew, every address judged) and the connection pinned to a checked address, so DNS rebinding between
 * registration, this check and the connect cannot reach an inside address.
 */
export async function deliverWebhook(
  delivery: WebhookDelivery,
  options: DeliveryOptions = {},
): Promise<DeliveryResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 5000;
  const elapsed = () => Math.round(performance.now() - started);
  const check = await checkWebhookUrl(delivery.url, { ...options, resolveTimeoutMs: timeoutMs });
  if (!check.ok) return { ok: false, error: `refused:${check.reason}`, durationMs: elapsed() };
  const headers = signWebhook(
    { id: delivery.id, timestamp: (options.now ?? (() => new Date()))(), body: delivery.body },
    delivery.secret,
  );
  const result = await postToPinnedAddress({
    url: check.url,
    // IPv4 first: Lambda outside a dual-stack VPC has no IPv6 route out, and every address passed the check.
    address: check.addresses.find((a) => a.family === 4) ?? check.addresses[0]!,
    headers: { ...headers },
    body: delivery.body,
    timeoutMs: Math.max(1, timeoutMs - elapsed()),
    maxResponseBytes: options.maxResponseBytes ?? 4096,
  });
  return { ...result, durationMs: elapsed() };
}
