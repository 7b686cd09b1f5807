// Each status change of a business's case becomes one delivery per webhook, stored then queued (never sent here).
import type { CaseStatus } from '../domain/types';
import { toVietnamIso } from '../domain/vietnam-time';
import { createDelivery, getDelivery, listWebhooks } from '../storage/webhooks';
import { CASE_STATUS_CHANGED, caseStatusChangedEvent } from './event';
import { enqueueDelivery } from './queue';
import { webhookMessageId } from './signature';

/** What a status change's webhook needs of the case: its code and state, and who owns it. */
export interface CaseStatusChange {
  readonly code: string;
  readonly procedureId: string;
  readonly status: CaseStatus;
  readonly version: number;
  readonly updatedAt: string;
  readonly applicant: { readonly id: string; readonly role: string };
}

/**
 * For a case as changed (`previousStatus` undefined for a new case): when its status changed and a business owns
 * it, one delivery per webhook subscribed to `case.status_changed`, its body fixed now. The delivery's id derives
 * from the webhook, the case and its version, so a stream record read twice makes no second delivery; a delivery
 * stored whose message was lost (a crash in between) is queued again.
 */
export async function fanOutStatusChange(
  record: CaseStatusChange,
  previousStatus: string | undefined,
  now = new Date(),
): Promise<number> {
  if (previousStatus === record.status || record.applicant.role !== 'business') return 0;
  const webhooks = (await listWebhooks(record.applicant.id)).filter((webhook) =>
    webhook.events.includes(CASE_STATUS_CHANGED),
  );
  for (const webhook of webhooks) {
    const messageId = webhookMessageId(webhook.id, record.code, record.version);
    const event = caseStatusChangedEvent(
      {
        code: record.code,
        procedureId: record.procedureId,
        status: record.status,
        version: record.version,
        at: record.updatedAt,
      },
      now,
    );
    const created = await createDelivery({
      type: 'webhook-delivery',
      messageId,
      webhookId: webhook.id,
      ownerId: webhook.ownerId,
      caseCode: record.code,
      url: webhook.url,
      eventType: CASE_STATUS_CHANGED,
      body: JSON.stringify(event),
      status: 'pending',
      attempts: 0,
      createdAt: toVietnamIso(now),
    });
    if (!created) {
      const existing = await getDelivery(record.code, messageId);
      if (existing?.status !== 'pending' || existing.attempts > 0) continue;
    }
    await enqueueDelivery({ caseCode: record.code, messageId, attempt: 0 });
  }
  return webhooks.length;
}
