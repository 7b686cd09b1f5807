// Idempotency records: the first answer to one caller's Idempotency-Key, stored with the case it made.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { stripKeys, TableName, type TransactItem } from './dynamo';
import type { IdempotencyRecord } from './records';

const idempotencyKey = (callerId: string, key: string) => ({
  pk: `IDEMPOTENCY#${callerId}#${key}`,
  sk: 'IDEMPOTENCY',
});

/** The caller's record for this key, unless it expired (TTL deletion lags behind). */
export async function getIdempotencyRecord(
  callerId: string,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName, Key: idempotencyKey(callerId, key), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const record = stripKeys<IdempotencyRecord>(Item);
  return record.expiresAt * 1000 > Date.now() ? record : undefined;
}

/** Transaction item: the record, only if the key is new to this caller or its record expired. */
export function putIdempotencyItem(callerId: string, key: string, record: IdempotencyRecord): TransactItem {
  return {
    Put: {
      TableName,
      Item: { ...idempotencyKey(callerId, key), ...record },
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
      ExpressionAttributeValues: { ':now': Math.floor(Date.now() / 1000) },
    },
  };
}
