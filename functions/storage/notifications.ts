// A case's notifications, kept in the case's partition: their keys, the outbox query and delivery marks.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { casePartition } from './cases';
import {
  assignments,
  batchGetItems,
  putNew,
  queryAll,
  scanItemsOfType,
  stripKeys,
  TableName,
  type TransactItem,
} from './dynamo';
import type { NotificationRecord } from './records';

const NOTIFICATION_PREFIX = 'NOTIF#';

const notificationKey = (caseCode: string, id: string) => ({
  pk: casePartition(caseCode),
  sk: `${NOTIFICATION_PREFIX}${id}`,
});

/** Transaction item: a notification to send, written with the change it announces. */
export function createNotificationItem(n: NotificationRecord): TransactItem {
  return putNew({ ...notificationKey(n.caseCode, n.id), ...n });
}

/** Notifications as they stand now (consistent reads, one batch), by `notificationId()`; those gone are absent. */
export async function getNotifications(
  wanted: readonly Pick<NotificationRecord, 'caseCode' | 'id'>[],
): Promise<Map<string, NotificationRecord>> {
  const unique = new Map(wanted.map((n) => [notificationId(n), notificationKey(n.caseCode, n.id)]));
  const items = await batchGetItems([...unique.values()]);
  return new Map(
    items.map((item) => {
      const record = stripKeys<NotificationRecord>(item);
      return [notificationId(record), record];
    }),
  );
}

/** A notification's identity across cases: ids are numbered within their case. */
export const notificationId = (n: Pick<NotificationRecord, 'caseCode' | 'id'>) => `${n.caseCode}#${n.id}`;

/** A case's notifications, or every one (the local outbox), oldest first. */
export async function listNotifications(caseCode?: string): Promise<NotificationRecord[]> {
  const items = caseCode
    ? await queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': casePartition(caseCode), ':prefix': NOTIFICATION_PREFIX },
        ConsistentRead: true,
      })
    : await scanItemsOfType('notification');
  return items
    .map((item) => stripKeys<NotificationRecord>(item))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Records a delivery or a failure; once delivered, a retry or a duplicate stream record never marks it again. */
export async function markNotification(
  n: Pick<NotificationRecord, 'caseCode' | 'id'>,
  change:
    | { status: 'delivered'; subject: string; body: string; deliveredAt: string }
    | { status: 'failed'; lastError: string },
): Promise<void> {
  const { sets, names, values } = assignments(change);
  await dynamo.send(
    new UpdateCommand({
      TableName,
      Key: notificationKey(n.caseCode, n.id),
      UpdateExpression: `SET ${sets.join(', ')} ADD attempts :one`,
      ConditionExpression: 'attribute_exists(pk) AND #status <> :delivered',
      ExpressionAttributeNames: { ...names, '#status': 'status' },
      ExpressionAttributeValues: { ...values, ':delivered': 'delivered', ':one': 1 },
    }),
  );
}
