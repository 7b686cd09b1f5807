// The single table's shared plumbing: its name, transactions, paged queries and their cursors, key stripping.
import { type AttributeValue, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
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
  constructor(
    readonly reasons: readonly (string | undefined)[],
    /** Per item, the item as stored when its condition failed, if the item asked for it (`ReturnValuesOnConditionCheckFailure`). */
    readonly items: readonly (Record<string, unknown> | undefined)[] = [],
  ) {
    super(`transaction cancelled: ${reasons.join(',')}`);
  }
}

/** Whether a single write failed its condition (a transaction's failure is a `TransactionConflict` instead). */
export const isConditionFailure = (error: unknown): boolean =>
  (error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException';

/** Whether a single write was refused because a transaction was changing the same item (it may be tried again). */
export const isTransactionConflict = (error: unknown): boolean =>
  (error as { name?: string } | undefined)?.name === 'TransactionConflictException';

/** Whether a conditional write took place: false when its condition failed; any other error is thrown. */
export async function wroteIf(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** DynamoDB's limit of keys in one `BatchGetItem`. */
const BATCH_GET_LIMIT = 100;
/** Rounds of a batch read before keys DynamoDB keeps leaving unprocessed are an error. */
const BATCH_GET_ROUNDS = 5;

/**
 * The items of these keys that exist, read with as few `BatchGetItem` calls as DynamoDB allows (100 keys each;
 * consistent unless told otherwise). Keys left unprocessed (throttling) are asked again after a short, growing
 * pause, up to five rounds; after that the read fails rather than answer with items missing.
 */
export async function batchGetItems(
  keys: readonly Record<string, unknown>[],
  options: { readonly consistent?: boolean } = {},
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += BATCH_GET_LIMIT) {
    let pending: Record<string, unknown>[] = keys.slice(i, i + BATCH_GET_LIMIT);
    for (let round = 0; pending.length > 0; round++) {
      if (round === BATCH_GET_ROUNDS) throw new Error(`batch read: ${pending.length} keys left unprocessed`);
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** round));
      const { Responses, UnprocessedKeys } = await dynamo.send(
        new BatchGetCommand({
          RequestItems: { [TableName]: { Keys: pending, ConsistentRead: options.consistent ?? true } },
        }),
      );
      found.push(...(Responses?.[TableName] ?? []));
      pending = UnprocessedKeys?.[TableName]?.Keys ?? [];
    }
  }
  return found;
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

/** A secondary index, or the table's own key (`TABLE_KEY`, no index name). */
type Index =
  | (typeof TABLE.indexes)[keyof typeof TABLE.indexes]
  | { readonly name?: undefined; readonly partitionKey: string; readonly sortKey: string };

/** The table's own key, to page through one partition of the table itself (a case's audit trail). */
export const TABLE_KEY = { partitionKey: TABLE.partitionKey, sortKey: TABLE.sortKey } as const;

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

/** A filter on the items of a page (read, then dropped: it saves bytes on the wire, not reads). */
export interface ItemFilter {
  readonly expression: string;
  readonly names: Record<string, string>;
  readonly values: Record<string, unknown>;
}

/** A range of sort keys: those that start with a prefix, or lie between two values (both included). */
export type SortKeyRange = { readonly beginsWith: string } | { readonly between: readonly [string, string] };

/** Whether a sort key lies in the range (keys here are ASCII, so JavaScript's order is DynamoDB's). */
function inRange(range: SortKeyRange | undefined, key: unknown): boolean {
  if (!range) return true;
  if (typeof key !== 'string') return false;
  return 'beginsWith' in range
    ? key.startsWith(range.beginsWith)
    : key >= range.between[0] && key <= range.between[1];
}

/** The sort-key part of a page's key condition: after the cursor if there is one, else the range asked for. */
function sortKeyCondition(
  after: string | undefined,
  newestFirst: boolean,
  range: SortKeyRange | undefined,
): { expression: string; values: Record<string, string> } {
  if (after !== undefined)
    return { expression: ` AND #sk ${newestFirst ? '<' : '>'} :after`, values: { ':after': after } };
  if (!range) return { expression: '', values: {} };
  if ('beginsWith' in range) {
    return { expression: ' AND begins_with(#sk, :from)', values: { ':from': range.beginsWith } };
  }
  return {
    expression: ' AND #sk BETWEEN :from AND :to',
    values: { ':from': range.between[0], ':to': range.between[1] },
  };
}

/** Reads a filtered page on until it is full or this many reads were made (a page may then be short). */
const MAX_FILTERED_READS = 10;

/**
 * One page of an index's partition, in sort-key order or reversed. The cursor continues after a sort key, as a
 * key condition rather than an ExclusiveStartKey: the same seek on DynamoDB, and a flat cost on DynamoDB Local
 * however deep the page (bench/queue-scale.ts). The index's sort keys are unique (a time, then the case code), so
 * nothing is skipped. One item more than asked tells whether another page exists, so the last page carries no
 * cursor. With a filter, reads go on from where the last stopped until one item more than `limit` passed it (or
 * the partition or the read budget ends); a page cut short by the budget carries the cursor of where reading
 * stopped, so no item is skipped or given twice. `sortKey` narrows the page to the sort keys that start with a
 * prefix or lie between two values (both included): the first read asks DynamoDB for that range, and a read that
 * continues after a cursor (one sort-key condition only) drops what lies past the range and ends there.
 */
export async function queryIndexPage<T>(
  index: Index,
  partition: string,
  page: {
    limit: number;
    cursor?: string;
    newestFirst: boolean;
    filter?: ItemFilter;
    sortKey?: SortKeyRange;
  },
): Promise<Page<T>> {
  const found: Record<string, unknown>[] = [];
  let after = decodeCursor(page.cursor, partition);
  let ended = false;
  let reads = 0;
  do {
    const condition = sortKeyCondition(after, page.newestFirst, page.sortKey);
    const result = await dynamo.send(
      new QueryCommand({
        TableName,
        IndexName: index.name,
        KeyConditionExpression: `#pk = :pk${condition.expression}`,
        ...(page.filter ? { FilterExpression: page.filter.expression } : {}),
        ExpressionAttributeNames: {
          ...page.filter?.names,
          '#pk': index.partitionKey,
          ...(condition.expression ? { '#sk': index.sortKey } : {}),
        },
        ExpressionAttributeValues: { ...page.filter?.values, ':pk': partition, ...condition.values },
        ScanIndexForward: !page.newestFirst,
        Limit: page.limit + 1 - found.length,
      }),
    );
    const items = result.Items ?? [];
    // Items come in sort-key order, so the first one past the range ends it.
    const outside = items.findIndex((item) => !inRange(page.sortKey, item[index.sortKey]));
    found.push(...(outside === -1 ? items : items.slice(0, outside)));
    reads++;
    // Where DynamoDB stopped reading: at the limit, at its 1 MB page size, or (filtered) past items it dropped.
    const stoppedAt = result.LastEvaluatedKey?.[index.sortKey];
    ended = stoppedAt === undefined || outside !== -1;
    if (!ended) after = String(stoppedAt);
  } while (page.filter && !ended && found.length <= page.limit && reads < MAX_FILTERED_READS);
  const items = found.slice(0, page.limit);
  const last = items.at(-1);
  // After the last item given when the extra one came back (or nothing was dropped); else where reading stopped.
  const resumeAt = found.length > page.limit || !page.filter ? last?.[index.sortKey] : after;
  return {
    items: items.map((item) => stripKeys<T>(item)),
    ...(!ended && resumeAt !== undefined ? { nextCursor: encodeCursor(partition, String(resumeAt)) } : {}),
  };
}
