// The single table's shared plumbing: its name, transactions, paged queries and their cursors, key stripping.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { requiredEnv } from '../commons/config';
import { ENV } from '../commons/environment';
import { ValidationFailedError } from '../domain/errors';
import { TABLE } from './table';

export const TableName = requiredEnv(ENV.tableName, 'the table every record lives in');

/** One write of a `TransactWriteItems`: entity modules build them, services put them in one transaction. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A stored item without the table's key attributes: the record itself. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...rest } = item;
  return rest as T;
}

/** A put that fails the transaction if the item already exists. */
export function putNew(item: Record<string, unknown>): TransactItem {
  return {
    Put: { TableName, Item: item, ConditionExpression: `attribute_not_exists(${TABLE.partitionKey})` },
  };
}

export class TransactionConflict extends Error {
  constructor(readonly reasons: readonly (string | undefined)[]) {
    super(`transaction cancelled: ${reasons.join(',')}`);
  }
}

/** Writes every item or none. A failed condition or a concurrent transaction is a `TransactionConflict`. */
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

/** Every item of a query, page after page. */
export async function queryAll(
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(new QueryCommand({ ...input, TableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * `#field = :field` for each field given a value, with the names and values an UpdateExpression needs (an
 * `undefined` field is left as it is).
 */
export function assignments(fields: Readonly<Record<string, unknown>>): {
  readonly sets: string[];
  readonly names: Record<string, string>;
  readonly values: Record<string, unknown>;
} {
  const sets: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    sets.push(`#${field} = :${field}`);
  }
  return { sets, names, values };
}

/** Every item of one `type`, by a scan: only for the local runtime's demo routes (the outbox), never on AWS. */
export async function scanItemsOfType(type: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new ScanCommand({
        TableName,
        FilterExpression: '#type = :type',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': type },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Any answer from the table, even "no such item", shows storage is up. */
export async function pingTable(): Promise<void> {
  await dynamo.send(new GetCommand({ TableName, Key: { pk: 'HEALTH', sk: 'HEALTH' } }));
}

// ---- Pages of a secondary index, with cursors opaque to clients ----

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

type Index = (typeof TABLE.indexes)[keyof typeof TABLE.indexes];

/** The attributes a page's last key holds on an index: the table's key and the index's key. */
const keyAttributes = (index: Index) =>
  [TABLE.partitionKey, TABLE.sortKey, index.partitionKey, index.sortKey].sort();

function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : undefined;
}

/**
 * A cursor is taken back only as it was issued: the key attributes of that index, every one a string, in the
 * partition it was issued for. Anything else would reach DynamoDB as an invalid start key.
 */
function decodeCursor(
  cursor: string | undefined,
  index: Index,
  partition: string,
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
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid();
  const key = parsed as Record<string, unknown>;
  if (Object.keys(key).sort().join() !== keyAttributes(index).join()) throw invalid();
  if (key[index.partitionKey] !== partition) throw invalid();
  for (const value of Object.values(key)) if (typeof value !== 'string' || value === '') throw invalid();
  return key;
}

/** A filter on the items of a page (read, then dropped: it saves bytes on the wire, not reads). */
export interface ItemFilter {
  readonly expression: string;
  readonly names: Record<string, string>;
  readonly values: Record<string, unknown>;
}

/** Reads a filtered page on until it is full or this many reads were made (a page may then be short). */
const MAX_FILTERED_READS = 10;

/**
 * One page of an index's partition, in sort-key order or reversed. With a filter, reads go on from where the
 * last stopped until `limit` items passed it (or the partition or the read budget ends): the cursor is where
 * reading stopped, so no item is skipped or given twice.
 */
export async function queryIndexPage<T>(
  index: Index,
  partition: string,
  page: { limit: number; cursor?: string; newestFirst: boolean; filter?: ItemFilter },
): Promise<Page<T>> {
  const items: T[] = [];
  let start = decodeCursor(page.cursor, index, partition);
  let reads = 0;
  do {
    const result = await dynamo.send(
      new QueryCommand({
        TableName,
        IndexName: index.name,
        KeyConditionExpression: `${index.partitionKey} = :pk`,
        ...(page.filter
          ? { FilterExpression: page.filter.expression, ExpressionAttributeNames: page.filter.names }
          : {}),
        ExpressionAttributeValues: { ':pk': partition, ...page.filter?.values },
        ScanIndexForward: !page.newestFirst,
        Limit: page.limit - items.length,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(result.Items ?? []).map((item) => stripKeys<T>(item)));
    start = result.LastEvaluatedKey;
    reads++;
  } while (page.filter && start && items.length < page.limit && reads < MAX_FILTERED_READS);
  return { items, nextCursor: encodeCursor(start) };
}
