// DynamoDB access for cases, events, uploads, idempotency, counters, rate limits and notifications.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { config } from '../commons/config';
import { queueSortTime } from '../domain/deadline';
import { ValidationFailedError } from '../domain/errors';
import { agencyQueueKey, applicantCasesKey, EVENT_PREFIX, keys, NOTIFICATION_PREFIX } from './keys';
import type { CaseRecord, EventRecord, IdempotencyRecord, NotificationRecord, UploadRecord } from './records';
import { TABLE } from './table';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const TableName = config.tableName;
const stripKeys = <T>(item: Record<string, unknown>): T => {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...rest } = item;
  return rest as T;
};

export function caseItem(record: CaseRecord) {
  return {
    ...keys.case(record.code),
    ...agencyQueueKey(record.agencyId, record.status, queueSortTime(record), record.code),
    ...applicantCasesKey(record.applicant.id, record.submittedAt, record.code),
    ...record,
  };
}

export const eventItem = (event: EventRecord) => ({ ...keys.caseEvent(event.caseCode, event.seq), ...event });
export const notificationItem = (n: NotificationRecord) => ({ ...keys.notification(n.caseCode, n.id), ...n });

// ---- Cursors: opaque to clients, checked to stay in the partition they were issued for ----

function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : undefined;
}

function decodeCursor(
  cursor: string | undefined,
  partition: { name: string; value: string },
): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  const invalid = () =>
    new ValidationFailedError([
      { path: 'query.cursor', message: { vi: 'Con trỏ phân trang không hợp lệ', en: 'Invalid page cursor' } },
    ]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid();
  const key = parsed as Record<string, unknown>;
  if (key[partition.name] !== partition.value) throw invalid();
  for (const value of Object.values(key)) if (typeof value !== 'string') throw invalid();
  return key;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

// ---- Cases ----

export async function getCase(code: string): Promise<CaseRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName, Key: keys.case(code), ConsistentRead: true }),
  );
  return Item ? stripKeys<CaseRecord>(Item) : undefined;
}

/** A case with its history, in one query of its partition. */
export async function getCaseWithHistory(
  code: string,
): Promise<{ record: CaseRecord; events: EventRecord[] } | undefined> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': keys.case(code).pk, ':from': 'CASE', ':to': `${EVENT_PREFIX}~` },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const caseItem = items.find((item) => item.sk === 'CASE');
  if (!caseItem) return undefined;
  const events = items
    .filter((item) => String(item.sk).startsWith(EVENT_PREFIX))
    .map((item) => stripKeys<EventRecord>(item));
  return { record: stripKeys<CaseRecord>(caseItem), events };
}

/** One page of cases from a secondary index's partition, in sort-key order or reversed. */
async function queryCasesPage(
  index: { readonly name: string; readonly partitionKey: string },
  pkValue: string,
  page: { limit: number; cursor?: string; newestFirst: boolean },
): Promise<Page<CaseRecord>> {
  const result = await dynamo.send(
    new QueryCommand({
      TableName,
      IndexName: index.name,
      KeyConditionExpression: `${index.partitionKey} = :pk`,
      ExpressionAttributeValues: { ':pk': pkValue },
      ScanIndexForward: !page.newestFirst,
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, { name: index.partitionKey, value: pkValue }),
    }),
  );
  return {
    items: (result.Items ?? []).map((item) => stripKeys<CaseRecord>(item)),
    nextCursor: encodeCursor(result.LastEvaluatedKey),
  };
}

export function listApplicantCases(
  applicantId: string,
  limit: number,
  cursor?: string,
): Promise<Page<CaseRecord>> {
  const pkValue = applicantCasesKey(applicantId, '', '').gsi2pk;
  return queryCasesPage(TABLE.indexes.applicantCases, pkValue, { limit, cursor, newestFirst: true });
}

export function listAgencyQueue(
  agencyId: string,
  status: string,
  limit: number,
  cursor?: string,
): Promise<Page<CaseRecord>> {
  const pkValue = agencyQueueKey(agencyId, status, '', '').gsi1pk;
  return queryCasesPage(TABLE.indexes.agencyQueue, pkValue, { limit, cursor, newestFirst: false });
}

// ---- Counters, idempotency, rate limits ----

/** The next number of the agency's day, atomically. Numbers of submissions that then fail are skipped. */
export async function nextCaseSequence(agencyId: string, day: string): Promise<number> {
  const { Attributes } = await dynamo.send(
    new UpdateCommand({
      TableName,
      Key: keys.caseCounter(agencyId, day),
      UpdateExpression: 'ADD #value :one SET #type = :type',
      ExpressionAttributeNames: { '#value': 'value', '#type': 'type' },
      ExpressionAttributeValues: { ':one': 1, ':type': 'counter' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes?.value);
}

export async function getIdempotencyRecord(
  callerId: string,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName, Key: keys.idempotency(callerId, key), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const record = stripKeys<IdempotencyRecord>(Item);
  // TTL deletion lags; an expired record no longer counts.
  return record.expiresAt * 1000 > Date.now() ? record : undefined;
}

/** Adds one failure in the current window and returns the count so far. */
export async function countFailure(
  scope: 'code' | 'client',
  subject: string,
  windowSeconds: number,
): Promise<number> {
  const window = Math.floor(Date.now() / 1000 / windowSeconds);
  const { Attributes } = await dynamo.send(
    new UpdateCommand({
      TableName,
      Key: keys.rateLimit(scope, subject, window),
      UpdateExpression: 'ADD #count :one SET #type = :type, expiresAt = :expires',
      ExpressionAttributeNames: { '#count': 'count', '#type': 'type' },
      ExpressionAttributeValues: {
        ':one': 1,
        ':type': 'rate-limit',
        ':expires': (window + 2) * windowSeconds,
      },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes?.count);
}

export async function failuresSoFar(
  scope: 'code' | 'client',
  subject: string,
  windowSeconds: number,
): Promise<number> {
  const window = Math.floor(Date.now() / 1000 / windowSeconds);
  const { Item } = await dynamo.send(
    new GetCommand({ TableName, Key: keys.rateLimit(scope, subject, window) }),
  );
  return Number(Item?.count ?? 0);
}

// ---- Uploads ----

export async function putUpload(record: UploadRecord): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName,
      Item: { ...keys.upload(record.uploadId), ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getUploads(uploadIds: readonly string[]): Promise<Map<string, UploadRecord>> {
  const found = new Map<string, UploadRecord>();
  const unique = [...new Set(uploadIds)];
  for (let i = 0; i < unique.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
      [TableName]: { Keys: unique.slice(i, i + 100).map((id) => keys.upload(id)), ConsistentRead: true },
    };
    while (request && Object.keys(request).length > 0) {
      const response = await dynamo.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of response.Responses?.[TableName] ?? []) {
        const record = stripKeys<UploadRecord>(item);
        found.set(record.uploadId, record);
      }
      request = response.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

/** Transaction item that claims an upload for a case, only if it is still the caller's and unclaimed. */
export function claimUploadItem(upload: UploadRecord, caseCode: string, ownerId: string): TransactItem {
  return {
    Update: {
      TableName,
      Key: keys.upload(upload.uploadId),
      UpdateExpression: 'SET #status = :claimed, caseCode = :code REMOVE expiresAt',
      ConditionExpression: '#status = :pending AND ownerId = :owner',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':claimed': 'claimed',
        ':pending': 'pending',
        ':code': caseCode,
        ':owner': ownerId,
      },
    },
  };
}

// ---- Writes of a case: one transaction each ----

export class TransactionConflict extends Error {
  constructor(readonly reasons: readonly (string | undefined)[]) {
    super(`transaction cancelled: ${reasons.join(',')}`);
  }
}

export async function transact(items: TransactItem[]): Promise<void> {
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      throw new TransactionConflict((error.CancellationReasons ?? []).map((reason) => reason.Code));
    }
    throw error;
  }
}

export function putNewItem(item: Record<string, unknown>): TransactItem {
  return { Put: { TableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
}

export function putIdempotencyItem(callerId: string, key: string, record: IdempotencyRecord): TransactItem {
  return {
    Put: {
      TableName,
      Item: { ...keys.idempotency(callerId, key), ...record },
      // An expired record (TTL not yet swept) may be replaced.
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
      ExpressionAttributeValues: { ':now': Math.floor(Date.now() / 1000) },
    },
  };
}

/** Replaces a case, only if nobody changed it since `expectedVersion`. */
export function replaceCaseItem(record: CaseRecord, expectedVersion: number): TransactItem {
  return {
    Put: {
      TableName,
      Item: caseItem(record),
      ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': expectedVersion },
    },
  };
}

// ---- Notifications ----

export async function listNotifications(caseCode?: string): Promise<NotificationRecord[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = caseCode
      ? await dynamo.send(
          new QueryCommand({
            TableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': keys.case(caseCode).pk, ':prefix': NOTIFICATION_PREFIX },
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        )
      : // The local outbox without a case code: a scan is fine for a demo route that never runs on AWS.
        await dynamo.send(
          new ScanCommand({
            TableName,
            FilterExpression: '#type = :type',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: { ':type': 'notification' },
            ExclusiveStartKey: start,
          }),
        );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items
    .map((item) => stripKeys<NotificationRecord>(item))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function markNotification(
  n: Pick<NotificationRecord, 'caseCode' | 'id'>,
  change:
    | { status: 'delivered'; subject: string; body: string; deliveredAt: string }
    | { status: 'failed'; lastError: string },
): Promise<void> {
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = { ':delivered': 'delivered', ':one': 1 };
  const sets: string[] = [];
  for (const [field, value] of Object.entries(change)) {
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    sets.push(`#${field} = :${field}`);
  }
  await dynamo.send(
    new UpdateCommand({
      TableName,
      Key: keys.notification(n.caseCode, n.id),
      UpdateExpression: `SET ${sets.join(', ')} ADD attempts :one`,
      // Once delivered, a retry or a duplicate stream record never sends or marks it again.
      ConditionExpression: 'attribute_exists(pk) AND #status <> :delivered',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

export async function getNotification(caseCode: string, id: string): Promise<NotificationRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName, Key: keys.notification(caseCode, id), ConsistentRead: true }),
  );
  return Item ? stripKeys<NotificationRecord>(Item) : undefined;
}
