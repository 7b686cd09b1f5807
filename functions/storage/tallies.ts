// The counts kept of cases by the table's stream: the queue's tab counts and the statistics' monthly counters.
import { setTimeout as sleep } from 'node:timers/promises';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { ANY, type MonthField, type Tally, type TallyChange } from '../domain/case-tallies';
import { CASE_STATUSES, type CaseStatus } from '../domain/types';
import { casePartition } from './cases';
import {
  batchGetItems,
  isConditionFailure,
  queryAll,
  stripKeys,
  TableName,
  type TransactItem,
  TransactionConflict,
  transact,
} from './dynamo';

// ---- Keys ----

/** An agency's queue counts: one item per status and filter (procedure or any, assignee, none or any). */
const queueCountsPartition = (agencyId: string) => `TALLY#QUEUE#${agencyId}`;
const queueCountKey = (status: string, procedureId: string, assignee: string) =>
  `STATUS#${status}#PROCEDURE#${procedureId}#ASSIGNEE#${assignee}`;
/** An agency's statistics: monthly counters per procedure, and pending cases by month received and due day. */
const statisticsPartition = (agencyId: string) => `TALLY#STATS#${agencyId}`;
const monthKey = (month: string, procedureId: string) => `MONTH#${month}#PROCEDURE#${procedureId}`;
const pendingKey = (month: string, procedureId: string, due: string) =>
  `PENDING#${month}#PROCEDURE#${procedureId}#DUE#${due}`;
/** Beside the case: the last version of it that was counted, so that a record delivered twice counts once. */
const markerKey = (code: string) => ({ pk: casePartition(code), sk: 'TALLIED' });

interface CounterItem {
  readonly key: { readonly pk: string; readonly sk: string };
  readonly type: string;
  /** The attribute to add to, and what is added. */
  readonly attribute: string;
}

function counterOf(tally: Tally): CounterItem {
  switch (tally.kind) {
    case 'queue':
      return {
        key: {
          pk: queueCountsPartition(tally.agencyId),
          sk: queueCountKey(tally.status, tally.procedureId, tally.assignee),
        },
        type: 'queue-count',
        attribute: 'count',
      };
    case 'month':
      return {
        key: { pk: statisticsPartition(tally.agencyId), sk: monthKey(tally.month, tally.procedureId) },
        type: 'month-count',
        attribute: tally.field,
      };
    case 'pending':
      return {
        key: {
          pk: statisticsPartition(tally.agencyId),
          sk: pendingKey(tally.month, tally.procedureId, tally.due),
        },
        type: 'pending-count',
        attribute: 'pending',
      };
  }
}

// ---- Writing ----

interface CounterUpdate {
  readonly item: CounterItem;
  readonly adds: Map<string, number>;
}

/** The changes grouped by item: a transaction may touch an item once, so one item's attributes go in one update. */
const counterId = (item: CounterItem) => `${item.key.pk}|${item.key.sk}`;

function addTo(updates: Map<string, CounterUpdate>, changes: readonly TallyChange[]): void {
  for (const { tally, delta } of changes) {
    const item = counterOf(tally);
    const id = counterId(item);
    const entry = updates.get(id) ?? { item, adds: new Map<string, number>() };
    entry.adds.set(item.attribute, (entry.adds.get(item.attribute) ?? 0) + delta);
    updates.set(id, entry);
  }
}

function updateItem({ item, adds }: CounterUpdate): TransactItem {
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = { ':type': item.type };
  const parts = [...adds].map(([attribute, delta], i) => {
    names[`#a${i}`] = attribute;
    values[`:a${i}`] = delta;
    return `#a${i} :a${i}`;
  });
  return {
    Update: {
      TableName,
      Key: item.key,
      UpdateExpression: `ADD ${parts.join(', ')} SET #type = :type`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** The marker of a case's counted version: written only if no later or equal version was counted. */
function markerItem(code: string, version: number): TransactItem {
  return {
    Put: {
      TableName,
      Item: { ...markerKey(code), type: 'tally-marker', version },
      ConditionExpression: 'attribute_not_exists(pk) OR #version < :version',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':version': version },
    },
  };
}

/** One written case version and what it changes in the counts. */
export interface CountedChange {
  readonly code: string;
  readonly version: number;
  readonly changes: readonly TallyChange[];
}

/** The items DynamoDB takes in one transaction. */
const MAX_TRANSACTION_ITEMS = 100;
const MAX_ATTEMPTS = 8;

/** Some changes could not be counted; those from `firstUnapplied` on (in the order given) were not. */
export class TallyBatchError extends Error {
  constructor(
    readonly firstUnapplied: number,
    failure: unknown,
  ) {
    super(
      `counting failed from change ${firstUnapplied}: ${String((failure as Error)?.message ?? failure)}`,
      {
        cause: failure,
      },
    );
  }
}

/**
 * Adds the changes of many writes to the counts, as few transactions as fit (a transaction takes 100 items and
 * each item once): each with the markers of the case versions it counts, so that a version counted before (a
 * stream record delivered again) changes nothing. A batch whose marker says so is counted again one case at a
 * time. Concurrent writers of the same counters (several stream shards) retry.
 */
export async function applyTallyChanges(all: readonly CountedChange[]): Promise<void> {
  const counted = all.filter((c) => c.changes.length > 0);
  let start = 0;
  while (start < counted.length) {
    const codes = new Set<string>();
    const updates = new Map<string, CounterUpdate>();
    let end = start;
    for (; end < counted.length; end++) {
      const next = counted[end]!;
      if (codes.has(next.code)) break;
      const newItems = new Set(
        next.changes.map(({ tally }) => counterId(counterOf(tally))).filter((id) => !updates.has(id)),
      );
      if (codes.size + 1 + updates.size + newItems.size > MAX_TRANSACTION_ITEMS && end > start) break;
      codes.add(next.code);
      addTo(updates, next.changes);
    }
    const chunk = counted.slice(start, end);
    try {
      await applyChunk(chunk, updates);
    } catch (error) {
      throw new TallyBatchError(all.indexOf(counted[start]!), error);
    }
    start = end;
  }
}

async function applyChunk(
  chunk: readonly CountedChange[],
  updates: Map<string, CounterUpdate>,
): Promise<void> {
  const items = [
    ...chunk.map((c) => markerItem(c.code, c.version)),
    ...[...updates.values()].map(updateItem),
  ];
  for (let attempt = 1; ; attempt++) {
    try {
      await transact(items);
      await dropEmptyPendingBuckets(chunk.flatMap((c) => c.changes));
      return;
    } catch (error) {
      if (!(error instanceof TransactionConflict)) throw error;
      const counted = error.reasons
        .slice(0, chunk.length)
        .some((reason) => reason === 'ConditionalCheckFailed');
      if (counted) {
        // Some version of the chunk was counted already: count the others one by one (a single one is skipped).
        if (chunk.length === 1) return;
        for (const one of chunk) {
          const own = new Map<string, CounterUpdate>();
          addTo(own, one.changes);
          await applyChunk([one], own);
        }
        return;
      }
      if (attempt >= MAX_ATTEMPTS) throw error;
      await sleep(20 * 2 ** attempt * Math.random());
    }
  }
}

/**
 * Deletes the pending buckets these changes emptied, so that what a statistics read walks stays the buckets that
 * hold a case. Only an empty one is deleted (an ADD meanwhile makes it non-empty, or creates it again).
 */
export async function dropEmptyPendingBuckets(changes: readonly TallyChange[]): Promise<void> {
  const emptied = changes.filter((change) => change.tally.kind === 'pending' && change.delta < 0);
  await Promise.all(
    emptied.map(({ tally }) =>
      dynamo
        .send(
          new DeleteCommand({
            TableName,
            Key: counterOf(tally).key,
            ConditionExpression: '#pending = :zero',
            ExpressionAttributeNames: { '#pending': 'pending' },
            ExpressionAttributeValues: { ':zero': 0 },
          }),
        )
        .catch((error: unknown) => {
          if (!isConditionFailure(error)) throw error;
        }),
    ),
  );
}

// ---- Reading ----

/** An agency's case count per status, for one filter (ANY for no filter of that kind). */
export async function readQueueCounts(
  agencyId: string,
  procedureId: string = ANY,
  assignee: string = ANY,
): Promise<Record<CaseStatus, number>> {
  const pk = queueCountsPartition(agencyId);
  const keys = CASE_STATUSES.map((status) => ({ pk, sk: queueCountKey(status, procedureId, assignee) }));
  const counts = Object.fromEntries(CASE_STATUSES.map((status) => [status, 0])) as Record<CaseStatus, number>;
  // Eventually consistent, as the counts themselves are.
  for (const item of await batchGetItems(keys, { consistent: false })) {
    const status = String(item.sk).split('#')[1] as CaseStatus;
    counts[status] = Math.max(0, Number(item.count ?? 0));
  }
  return counts;
}

export interface MonthCounts {
  readonly month: string;
  readonly procedureId: string;
  readonly counts: Readonly<Record<MonthField, number>>;
}

export interface PendingCount {
  readonly month: string;
  readonly procedureId: string;
  /** `YYYY-MM-DD`, or `paused`. */
  readonly due: string;
  readonly pending: number;
}

/**
 * An agency's counters of the months from `fromMonth` to `toMonth` (`YYYY-MM`, both included): what they cost to
 * read grows with the months and the agency's procedures, never with its cases.
 */
export async function readStatistics(
  agencyId: string,
  fromMonth: string,
  toMonth: string,
): Promise<{ months: MonthCounts[]; pending: PendingCount[] }> {
  const pk = statisticsPartition(agencyId);
  const range = (prefix: string) =>
    queryAll({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': pk,
        ':from': `${prefix}${fromMonth}`,
        ':to': `${prefix}${toMonth}~`,
      },
    });
  const [monthItems, pendingItems] = await Promise.all([range('MONTH#'), range('PENDING#')]);
  const months = monthItems.map((item) => {
    const [, month, , procedureId] = String(item.sk).split('#');
    const record = stripKeys<Record<string, unknown>>(item);
    return {
      month: month!,
      procedureId: procedureId!,
      counts: {
        received: Number(record.received ?? 0),
        resolvedOnTime: Number(record.resolvedOnTime ?? 0),
        resolvedLate: Number(record.resolvedLate ?? 0),
      },
    };
  });
  const pending = pendingItems
    .map((item) => {
      const [, month, , procedureId, , due] = String(item.sk).split('#');
      return { month: month!, procedureId: procedureId!, due: due!, pending: Number(item.pending ?? 0) };
    })
    .filter((bucket) => bucket.pending > 0);
  return { months, pending };
}
