// Businesses' webhook endpoints (by owner) and their deliveries (in the case's partition): keys, items, queries.
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { casePartition } from './cases';
import { assignments, queryAll, scanItemsOfType, stripKeys, TableName, wroteIf } from './dynamo';
import type { WebhookDeliveryRecord, WebhookRecord } from './records';

/** A business's webhook: in the owner's partition, listed by one query. */
export const webhookKey = (ownerId: string, id: string) => ({
  pk: `WEBHOOKS#${ownerId}`,
  sk: `WEBHOOK#${id}`,
});
/** `WEBHOOK#` sorts after a case's notifications, outside the range its history is read from. */
const DELIVERY_PREFIX = 'WEBHOOK#';
const deliveryKey = (caseCode: string, messageId: string) => ({
  pk: casePartition(caseCode),
  sk: `${DELIVERY_PREFIX}${messageId}`,
});

export async function putWebhook(webhook: WebhookRecord): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName,
      Item: { ...webhookKey(webhook.ownerId, webhook.id), ...webhook },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/** An owner's webhooks, oldest first (ids sort by time). */
export async function listWebhooks(ownerId: string): Promise<WebhookRecord[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': `WEBHOOKS#${ownerId}`, ':prefix': 'WEBHOOK#' },
    ConsistentRead: true,
  });
  return items.map((item) => stripKeys<WebhookRecord>(item));
}

export async function getWebhook(ownerId: string, id: string): Promise<WebhookRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName, Key: webhookKey(ownerId, id), ConsistentRead: true }),
  );
  return Item ? stripKeys<WebhookRecord>(Item) : undefined;
}

/** Deletes one of the owner's webhooks; false when the owner has none by that id. */
export async function deleteWebhook(ownerId: string, id: string): Promise<boolean> {
  return wroteIf(
    dynamo.send(
      new DeleteCommand({
        TableName,
        Key: webhookKey(ownerId, id),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    ),
  );
}

/** Stores a new delivery; false when it exists (the same change enqueued twice: one delivery). */
export async function createDelivery(delivery: WebhookDeliveryRecord): Promise<boolean> {
  return wroteIf(
    dynamo.send(
      new PutCommand({
        TableName,
        Item: { ...deliveryKey(delivery.caseCode, delivery.messageId), ...delivery },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
}

export async function getDelivery(
  caseCode: string,
  messageId: string,
): Promise<WebhookDeliveryRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName, Key: deliveryKey(caseCode, messageId), ConsistentRead: true }),
  );
  return Item ? stripKeys<WebhookDeliveryRecord>(Item) : undefined;
}

/**
 * Records one attempt's outcome, only if no other worker recorded this attempt first (`attempts` unchanged):
 * a message delivered twice by the queue schedules one retry, not two. False when another got there first.
 */
export async function recordAttempt(
  delivery: Pick<WebhookDeliveryRecord, 'caseCode' | 'messageId' | 'attempts'>,
  change: Partial<
    Pick<
      WebhookDeliveryRecord,
      'status' | 'firstAttemptAt' | 'nextAttemptAt' | 'deliveredAt' | 'lastStatus' | 'lastError'
    >
  >,
): Promise<boolean> {
  const { sets, names, values } = assignments(change);
  return wroteIf(
    dynamo.send(
      new UpdateCommand({
        TableName,
        Key: deliveryKey(delivery.caseCode, delivery.messageId),
        UpdateExpression: `SET ${['#attempts = :next', ...sets].join(', ')}`,
        ConditionExpression: '#attempts = :seen',
        ExpressionAttributeNames: { ...names, '#attempts': 'attempts' },
        ExpressionAttributeValues: { ...values, ':seen': delivery.attempts, ':next': delivery.attempts + 1 },
      }),
    ),
  );
}

/** A case's webhook deliveries, or every one (the local outbox), oldest first. */
export async function listDeliveries(caseCode?: string): Promise<WebhookDeliveryRecord[]> {
  const items = caseCode
    ? await queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': casePartition(caseCode), ':prefix': DELIVERY_PREFIX },
        ConsistentRead: true,
      })
    : await scanItemsOfType('webhook-delivery');
  return items
    .map((item) => stripKeys<WebhookDeliveryRecord>(item))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}
