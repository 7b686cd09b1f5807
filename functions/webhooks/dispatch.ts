// One queued delivery: wait until it is due, attempt it, record the outcome and queue the retry, or give up.
import { optionalEnv, runtime } from '../commons/config';
import { ENV } from '../commons/environment';
import { countEvent, logger } from '../commons/observability';
import { toVietnamIso } from '../domain/vietnam-time';
import { getDelivery, getWebhook, recordAttempt } from '../storage/webhooks';
import { deliverWebhook } from './deliver';
import { type DeliveryMessage, enqueueDelivery } from './queue';
import { webhookSecretOf } from './registration';
import { nextAttemptAt } from './schedule';

/** Early by less than this, a message is attempted anyway: the queue's own delay has that much slack. */
const EARLY_SLACK_MS = 1000;

/**
 * The retry schedule runs at this fraction of its real pace (1 unless set): 0.0001 fits the 24 hours into nine
 * seconds, for the integration tests and demos. Never set on AWS.
 */
function retryScale(): number {
  const scale = Number(optionalEnv(ENV.webhookRetryScale) ?? 1);
  return Number.isFinite(scale) && scale > 0 && scale <= 1 ? scale : 1;
}

/** The next attempt's time on the (scaled) schedule, or undefined once the 24 hours are spent. */
function nextAttemptTime(attempt: number, firstAt: Date): Date | undefined {
  const next = nextAttemptAt(attempt, firstAt);
  if (!next) return undefined;
  return new Date(firstAt.getTime() + (next.getTime() - firstAt.getTime()) * retryScale());
}

export type DispatchOutcome = 'delivered' | 'retrying' | 'failed' | 'waiting' | 'skipped';

/**
 * Attempts a delivery when due: checks the URL again and connects to the address checked (DNS rebinding), signs
 * it with the webhook's secret at this attempt's time, with the same `webhook-id` as every other attempt. Any
 * answer but 2xx is retried on the schedule; after 24 hours the delivery is recorded as failed. A message that
 * comes early (SQS delays at most 15 minutes) is sent on again until it is due; a copy of a message whose attempt
 * was made already is dropped. The retry is queued before the attempt is recorded: a crash in between makes at
 * worst a second attempt with the same `webhook-id`, never a lost one.
 */
export async function dispatchDelivery(message: DeliveryMessage, now = new Date()): Promise<DispatchOutcome> {
  const wait = (time: string | undefined) => (time ? Date.parse(time) - now.getTime() : 0);
  if (wait(message.dueAt) > EARLY_SLACK_MS) {
    await enqueueDelivery(message, wait(message.dueAt));
    return 'waiting';
  }
  const delivery = await getDelivery(message.caseCode, message.messageId);
  if (delivery?.status !== 'pending' || delivery.attempts !== message.attempt) return 'skipped';

  const at = toVietnamIso(now);
  const firstAttemptAt = delivery.firstAttemptAt ?? at;
  const webhook = await getWebhook(delivery.ownerId, delivery.webhookId);
  if (!webhook) {
    await recordAttempt(delivery, { status: 'failed', firstAttemptAt, lastError: 'webhook removed' });
    return 'failed';
  }
  const result = await deliverWebhook(
    { url: webhook.url, id: delivery.messageId, body: delivery.body, secret: webhookSecretOf(webhook) },
    { allowLocalHttp: runtime.isLocal, now: () => now },
  );
  const outcome = {
    firstAttemptAt,
    ...(result.status !== undefined ? { lastStatus: result.status } : {}),
    ...(result.error ? { lastError: result.error } : {}),
  };
  if (result.ok) {
    if (await recordAttempt(delivery, { ...outcome, status: 'delivered', deliveredAt: at })) {
      countEvent('WebhookDelivered');
    }
    return 'delivered';
  }
  const next = nextAttemptTime(delivery.attempts + 1, new Date(Date.parse(firstAttemptAt)));
  if (!next) {
    if (await recordAttempt(delivery, { ...outcome, status: 'failed' })) {
      logger.warn('webhook delivery failed for 24 hours', { messageId: delivery.messageId });
      countEvent('WebhookFailed');
    }
    return 'failed';
  }
  const dueAt = toVietnamIso(next);
  await enqueueDelivery(
    { caseCode: delivery.caseCode, messageId: delivery.messageId, attempt: delivery.attempts + 1, dueAt },
    wait(dueAt),
  );
  await recordAttempt(delivery, { ...outcome, nextAttemptAt: dueAt });
  return 'retrying';
}
