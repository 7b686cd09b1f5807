// Standard Webhooks signatures: the endpoint's `whsec_` secret, the message id, and the three headers of each attempt.

import { createHash, createHmac, randomBytes } from 'node:crypto';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** Standard Webhooks asks for 24 to 64 random bytes; Svix uses 24, 32 leaves room. */
const SECRET_BYTES = 32;

/**
 * A new endpoint secret, `whsec_` + base64 of 32 random bytes, shown once to the business. HMAC needs the
 * same key to sign, so the platform stores the secret itself (never a hash of it), encrypted at rest.
 */
export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

/** The HMAC key: the base64-decoded bytes after `whsec_`. Throws `RangeError` for anything else. */
export function webhookSigningKey(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : '';
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
    throw new RangeError('a webhook secret is whsec_ followed by base64');
  }
  const key = Buffer.from(encoded, 'base64');
  if (key.length < 24 || key.length > 64) throw new RangeError('a webhook secret holds 24 to 64 bytes');
  return key;
}

export interface WebhookMessage {
  /** `webhook-id`: the same on every attempt to deliver one event to one endpoint. */
  readonly id: string;
  /** When this attempt is made (receivers refuse timestamps far from their clock, so each retry re-signs). */
  readonly timestamp: Date;
  /** The exact body sent, byte for byte. */
  readonly body: string;
}

export interface WebhookHeaders {
  readonly 'webhook-id': string;
  /** Unix seconds. */
  readonly 'webhook-timestamp': string;
  /** `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`. */
  readonly 'webhook-signature': string;
}

export function signWebhook(message: WebhookMessage, secret: string): WebhookHeaders {
  const timestamp = String(Math.floor(message.timestamp.getTime() / 1000));
  const signature = createHmac('sha256', webhookSigningKey(secret))
    .update(`${message.id}.${timestamp}.${message.body}`, 'utf8')
    .digest('base64');
  return { 'webhook-id': message.id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}

/**
 * The `webhook-id` of one event for one endpoint, derived from both, so that enqueueing the same status
 * change twice (a stream record read again) gives the receiver the same id to deduplicate on.
 */
export function webhookMessageId(webhookId: string, caseCode: string, caseVersion: number): string {
  const digest = createHash('sha256').update(`${webhookId}\n${caseCode}\n${caseVersion}`).digest('base64url');
  return `msg_${digest.slice(0, 27)}`;
}
