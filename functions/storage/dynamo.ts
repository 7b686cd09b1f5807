// The single table's shared plumbing: its name, transactions, paged queries and their cursors, key stripping.
import { type AttributeValue, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
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
  constructor(
    readonly reasons: readonly (string | undefined)[],
    /** Per item, the item as stored when its condition failed, if the item asked for it (`ReturnValuesOnConditionCheckFailure`). */
    readonly items: readonly (Record<string, unknown> | undefined)[] = [],
  ) {
    super(`transaction cancelled: ${reasons.join(',')}`);
  }
}

/** Writes every item or none. A failed condition or a concurrent transaction is a `TransactionConflict`. */
export async function transact(items: TransactItem[]): Promise<void> {
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      throw new TransactionConflict(
        reasons.map((reason) => reason.Code),
        reasons.map((reason) =>
          reason.Item ? unmarshall(reason.Item as Record<string, AttributeValue>) : undefined,
        ),
      );
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

type Index = (typeof TABLE.indexes)[keyof typeof TABLE.indexes];

/** A cursor names the partition it was issued for and the sort key of the last item given. */
interface Cursor {
  readonly p: string;
  readonly k: string;
}

function encodeCursor(partition: string, sortKey: string): string {
  return Buffer.from(JSON.stringify({ p: partition, k: sortKey } satisfies Cursor)).toString('base64url');
}

/**
 * A cursor is taken back only as it was issued: for this partition, with a sort key that is a non-empty string.
 * Anything else is the client's mistake, answered 400.
 */
function decodeCursor(cursor: string | undefined, partition: string): string | undefined {
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
  const { p, k, ...rest } = parsed as Partial<Cursor>;
  if (Object.keys(rest).length > 0 || p !== partition) throw invalid();
  if (typeof k !== 'string' || k === '' || k.length > 1024) throw invalid();
  return k;
}

/**
 * One page of an index's partition, in sort-key order or reversed. The cursor continues after the last sort key
 * given, as a key condition rather than an ExclusiveStartKey: the same seek on DynamoDB, and a flat cost on
 * DynamoDB Local however deep the page (bench/queue-scale.ts). The index's sort keys are unique (a time, then the
 * case code), so nothing is skipped. One item more than asked tells whether another page exists, so the last
 * page carries no cursor.
 */
export async function queryIndexPage<T>(
  index: Index,
  partition: string,
  page: { limit: number; cursor?: string; newestFirst: boolean },
): Promise<Page<T>> {
  const after = decodeCursor(page.cursor, partition);
  const result = await dynamo.send(
    new QueryCommand({
      TableName,
      IndexName: index.name,
      KeyConditionExpression:
        after === undefined ? '#pk = :pk' : `#pk = :pk AND #sk ${page.newestFirst ? '<' : '>'} :after`,
      ExpressionAttributeNames: {
        '#pk': index.partitionKey,
        ...(after === undefined ? {} : { '#sk': index.sortKey }),
      },
      ExpressionAttributeValues: { ':pk': partition, ...(after === undefined ? {} : { ':after': after }) },
      ScanIndexForward: !page.newestFirst,
      Limit: page.limit + 1,
    }),
  );
  const found = result.Items ?? [];
  const items = found.slice(0, page.limit);
  // More exist when the extra item came back, or when DynamoDB stopped early at its 1 MB page size.
  const more = found.length > page.limit || (result.LastEvaluatedKey !== undefined && items.length > 0);
  const last = items.at(-1);
  return {
    items: items.map((item) => stripKeys<T>(item)),
    ...(more && last ? { nextCursor: encodeCursor(partition, String(last[index.sortKey])) } : {}),
  };
}
