// Idempotency records: the first answer to one caller's Idempotency-Key, stored with the case it made.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { stripKeys, TableName, type TransactItem } from './dynamo';
import type { IdempotencyRecord } from './records';

const idempotencyKey = (callerId: string, key: string) => ({
  pk: `IDEMPOTENCY#${callerId}#${key}`,
  sk: 'IDEMPOTENCY',
});

/** The record a stored item holds, unless it expired (TTL deletion lags behind). */
export function liveIdempotencyRecord(
  item: Record<string, unknown> | undefined,
): IdempotencyRecord | undefined {
  if (!item) return undefined;
  const record = stripKeys<IdempotencyRecord>(item);
  return record.expiresAt * 1000 > Date.now() ? record : undefined;
}

/** The caller's record for this key, unless it expired. */
export async function getIdempotencyRecord(
  callerId: string,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName, Key: idempotencyKey(callerId, key), ConsistentRead: true }),
  );
  return liveIdempotencyRecord(Item);
}

/**
 * Transaction item: the record, only if the key is new to this caller or its record expired. When the condition
 * fails, the transaction's cancellation carries the stored record (no read needed to answer it again).
 */
export function putIdempotencyItem(callerId: string, key: string, record: IdempotencyRecord): TransactItem {
  return {
    Put: {
      TableName,
      Item: { ...idempotencyKey(callerId, key), ...record },
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
      ExpressionAttributeValues: { ':now': Math.floor(Date.now() / 1000) },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}
