// A business registers, lists and removes its webhook endpoints; the secret is shown once and kept sealed.
import { randomBytes } from 'node:crypto';
import { WEBHOOK_EVENTS, type WebhookRequest, type WebhookView } from '../../schemas/api';
import { runtime } from '../commons/config';
import { seal, unseal } from '../commons/seal';
import { NotFoundError, ValidationFailedError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { toVietnamIso } from '../domain/vietnam-time';
import type { WebhookRecord } from '../storage/records';
import { deleteWebhook, listWebhooks, putWebhook } from '../storage/webhooks';
import { generateWebhookSecret } from './signature';
import { checkWebhookUrl, WEBHOOK_URL_REFUSALS } from './ssrf';

/** Enough for a production system, its test twin and a few more; each costs a POST per status change. */
export const MAX_WEBHOOKS_PER_BUSINESS = 10;

/** The secret is sealed with its webhook's id as associated data: a sealed secret moved to another id fails. */
const sealWebhookSecret = (secret: string, webhookId: string) => seal(secret, `webhook:${webhookId}`);
export const webhookSecretOf = (webhook: WebhookRecord) =>
  unseal(webhook.sealedSecret, `webhook:${webhook.id}`);

const view = (webhook: WebhookRecord): WebhookView => ({
  id: webhook.id,
  url: webhook.url,
  events: webhook.events as WebhookView['events'],
  createdAt: webhook.createdAt,
});

/** `wh_` + 24 hex characters, time first, so that an owner's webhooks list in the order they were made. */
function newWebhookId(now: Date): string {
  return `wh_${now.getTime().toString(16).padStart(12, '0')}${randomBytes(6).toString('hex')}`;
}

/**
 * Registers a webhook after checking its URL as delivery will (https to public addresses; the local runtime also
 * takes http://127.0.0.1): a refusal is a 400 on `url`. The answer carries the secret, which is never shown again.
 */
export async function registerWebhook(
  principal: Principal,
  request: WebhookRequest,
  now = new Date(),
): Promise<WebhookView & { secret: string }> {
  const check = await checkWebhookUrl(request.url, { allowLocalHttp: runtime.isLocal });
  if (!check.ok) {
    throw new ValidationFailedError([{ path: 'url', message: WEBHOOK_URL_REFUSALS[check.reason] }]);
  }
  if ((await listWebhooks(principal.id)).length >= MAX_WEBHOOKS_PER_BUSINESS) {
    throw new ValidationFailedError([
      {
        path: '',
        message: {
          vi: `Mỗi doanh nghiệp đăng ký tối đa ${MAX_WEBHOOKS_PER_BUSINESS} webhook; hãy xóa bớt webhook cũ`,
          en: `A business may register at most ${MAX_WEBHOOKS_PER_BUSINESS} webhooks; delete one first`,
        },
      },
    ]);
  }
  const id = newWebhookId(now);
  const secret = generateWebhookSecret();
  const webhook: WebhookRecord = {
    type: 'webhook',
    id,
    ownerId: principal.id,
    url: check.url.href,
    events: request.events ?? [...WEBHOOK_EVENTS],
    sealedSecret: sealWebhookSecret(secret, id),
    createdAt: toVietnamIso(now),
  };
  await putWebhook(webhook);
  return { ...view(webhook), secret };
}

export async function listOwnWebhooks(principal: Principal): Promise<{ items: WebhookView[] }> {
  return { items: (await listWebhooks(principal.id)).map(view) };
}

/** Removes one of the caller's webhooks; anyone else's, or none, is "not found". Pending deliveries then fail. */
export async function removeWebhook(principal: Principal, id: string): Promise<void> {
  if (!(await deleteWebhook(principal.id, id))) throw new NotFoundError('webhook');
}
