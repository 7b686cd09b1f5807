// A case and its history: their keys, their items, and the queries of one case, an applicant and a queue.
import { queueSortTime } from '../domain/deadline';
import {
  type Page,
  putNew,
  queryAll,
  queryIndexPage,
  stripKeys,
  TableName,
  type TransactItem,
} from './dynamo';
import type { CaseRecord, EventRecord } from './records';
import { TABLE } from './table';

const CASE_SK = 'CASE';
const EVENT_PREFIX = 'EVENT#';
/**
 * Items a case keeps beside it, sorted between the case and its events (`CASE#…` after `CASE`, before `EVENT#`):
 * its payment attempts and its signed result. The query of a case's history reads them in the same request.
 */
const PART_PREFIX = `${CASE_SK}#`;

/** A part of a case as stored, without its keys: its entity module (payments, signed results) reads it by `type`. */
export type CasePart = Readonly<Record<string, unknown>> & { readonly type: string };

/** The partition of a case: the case, its events and its notifications. */
export const casePartition = (code: string) => `CASE#${code}`;
/** The case item's primary key. */
export const caseKey = (code: string) => ({ pk: casePartition(code), sk: CASE_SK });
/** The key of a part of a case (`payment#<id>`, `result`): read with the case and its history. */
export const casePartKey = (code: string, part: string) => ({
  pk: casePartition(code),
  sk: `${PART_PREFIX}${part}`,
});

/** gsi1: an agency's queue of one status. */
export const agencyQueuePartition = (agencyId: string, status: string) =>
  `AGENCY#${agencyId}#STATUS#${status}`;
/** gsi2: an applicant's cases. */
const applicantPartition = (applicantId: string) => `APPLICANT#${applicantId}`;

/** The case as its item (keys of the table and both indexes); the queue-scale bench loads these directly. */
export function caseItem(record: CaseRecord) {
  return {
    pk: casePartition(record.code),
    sk: CASE_SK,
    // Ordered within the queue by the time that sorts it, then by code.
    gsi1pk: agencyQueuePartition(record.agencyId, record.status),
    gsi1sk: `${queueSortTime(record)}#${record.code}`,
    // Newest first when read backwards.
    gsi2pk: applicantPartition(record.applicant.id),
    gsi2sk: `${record.submittedAt}#${record.code}`,
    ...record,
  };
}

/** The n-th event of a case's history (1-based, the case's version after it), padded so that they sort. */
const eventSortKey = (seq: number) => `${EVENT_PREFIX}${String(seq).padStart(5, '0')}`;

/** Transaction item: a new case, only if its code is new. */
export function createCaseItem(record: CaseRecord): TransactItem {
  return putNew(caseItem(record));
}

/** Transaction item: the case as changed, only if nobody changed it since `expectedVersion`. */
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

/** Transaction item: the next event of a case's history, only if that number is still free. */
export function appendEventItem(event: EventRecord): TransactItem {
  return putNew({ pk: casePartition(event.caseCode), sk: eventSortKey(event.seq), ...event });
}

/**
 * A case with its history and its parts (payments, signed result), in one consistent query of its partition
 * (its notifications sort after).
 */
export async function getCaseWithHistory(
  code: string,
): Promise<{ record: CaseRecord; events: EventRecord[]; parts: CasePart[] } | undefined> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': casePartition(code), ':from': CASE_SK, ':to': `${EVENT_PREFIX}~` },
    ConsistentRead: true,
  });
  const found = items.find((item) => item.sk === CASE_SK);
  if (!found) return undefined;
  const events = items
    .filter((item) => String(item.sk).startsWith(EVENT_PREFIX))
    .map((item) => stripKeys<EventRecord>(item));
  const parts = items
    .filter((item) => String(item.sk).startsWith(PART_PREFIX))
    .map((item) => stripKeys<CasePart>(item));
  return { record: stripKeys<CaseRecord>(found), events, parts };
}

/** An applicant's cases, newest first; only those in `status`, and changed at or after `updatedSince`. */
export function listApplicantCases(
  applicantId: string,
  limit: number,
  cursor?: string,
  only: { status?: string; updatedSince?: string } = {},
): Promise<Page<CaseRecord>> {
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (only.status) {
    conditions.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = only.status;
  }
  if (only.updatedSince) {
    // Stored times all carry +07:00 with milliseconds, so they compare as strings (see toVietnamIso).
    conditions.push('#updatedAt >= :since');
    names['#updatedAt'] = 'updatedAt';
    values[':since'] = only.updatedSince;
  }
  return queryIndexPage(TABLE.indexes.applicantCases, applicantPartition(applicantId), {
    limit,
    cursor,
    newestFirst: true,
    ...(conditions.length > 0 ? { filter: { expression: conditions.join(' AND '), names, values } } : {}),
  });
}

/** An agency's cases of one status, soonest first (see `queueSortTime`). */
export function listAgencyQueue(
  agencyId: string,
  status: string,
  limit: number,
  cursor?: string,
): Promise<Page<CaseRecord>> {
  return queryIndexPage(TABLE.indexes.agencyQueue, agencyQueuePartition(agencyId, status), {
    limit,
    cursor,
    newestFirst: false,
  });
}
