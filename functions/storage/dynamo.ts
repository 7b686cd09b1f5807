// The single table's shared plumbing: its name, transactions, paged queries and their cursors, key stripping.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { requiredEnv } from '../commons/config';
import { ENV } from '../commons/environment';
import { ValidationFailedError } from '../domain/errors';
import { KEY_ATTRIBUTES, TABLE } from './table';

export const TableName = requiredEnv(ENV.tableName, 'the table every record lives in');

/** One write of a `TransactWriteItems`: entity modules build them, services put them in one transaction. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A stored item without the table's key attributes: the record itself. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const rest = { ...item };
  for (const name of KEY_ATTRIBUTES) delete rest[name];
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

/** Any answer from the table, even "no such item", shows storage is up. */
export async function pingTable(): Promise<void> {
  await dynamo.send(new GetCommand({ TableName, Key: { pk: 'HEALTH', sk: 'HEALTH' } }));
}

// ---- Pages of a secondary index, with cursors opaque to clients ----

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** A secondary index, or the table's own key (`TABLE_KEY`, no index name). */
type Index =
  | (typeof TABLE.indexes)[keyof typeof TABLE.indexes]
  | { readonly name?: undefined; readonly partitionKey: string; readonly sortKey: string };

/** The table's own key, to page through one partition of the table itself (a case's audit trail). */
export const TABLE_KEY = { partitionKey: TABLE.partitionKey, sortKey: TABLE.sortKey } as const;

/** The attributes a page's last key holds on an index: the table's key and the index's key. */
const keyAttributes = (index: Index) =>
  [...new Set([TABLE.partitionKey, TABLE.sortKey, index.partitionKey, index.sortKey])].sort();

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

/**
 * One page of an index's partition, in sort-key order or reversed; `sortKey` narrows it to the sort keys that
 * start with a prefix or lie between two values (both included).
 */
export async function queryIndexPage<T>(
  index: Index,
  partition: string,
  page: {
    limit: number;
    cursor?: string;
    newestFirst: boolean;
    sortKey?: { beginsWith: string } | { between: readonly [string, string] };
  },
): Promise<Page<T>> {
  const range = page.sortKey;
  const result = await dynamo.send(
    new QueryCommand({
      TableName,
      IndexName: index.name,
      KeyConditionExpression: `${index.partitionKey} = :pk${
        !range
          ? ''
          : 'beginsWith' in range
            ? ` AND begins_with(${index.sortKey}, :from)`
            : ` AND ${index.sortKey} BETWEEN :from AND :to`
      }`,
      ExpressionAttributeValues: {
        ':pk': partition,
        ...(!range
          ? {}
          : 'beginsWith' in range
            ? { ':from': range.beginsWith }
            : { ':from': range.between[0], ':to': range.between[1] }),
      },
      ScanIndexForward: !page.newestFirst,
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, index, partition),
    }),
  );
  return {
    items: (result.Items ?? []).map((item) => stripKeys<T>(item)),
    nextCursor: encodeCursor(result.LastEvaluatedKey),
  };
}
