// A case and its history: their keys, their items, and the queries of one case, an applicant and a queue.
import { UNASSIGNED } from '../domain/case-tallies';
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
import { type INDEX_PROJECTIONS, TABLE } from './table';

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

/** The assignee part of the queue's filter keys: an official's id, or `none`. */
const assigneePart = (record: Pick<CaseRecord, 'assignee'>) => record.assignee?.id ?? UNASSIGNED;

/** queueByProcedure: an agency's queue of one status and procedure. */
export const queueProcedurePartition = (agencyId: string, status: string, procedureId: string) =>
  `${agencyQueuePartition(agencyId, status)}#PROCEDURE#${procedureId}`;
/** queueByAssignee: an agency's queue of one status and assignee (an id, or `none`). */
export const queueAssigneePartition = (agencyId: string, status: string, assignee: string) =>
  `${agencyQueuePartition(agencyId, status)}#ASSIGNEE#${assignee}`;
/** queueByProcedureAndAssignee. */
export const queueProcedureAssigneePartition = (
  agencyId: string,
  status: string,
  procedureId: string,
  assignee: string,
) => `${queueProcedurePartition(agencyId, status, procedureId)}#ASSIGNEE#${assignee}`;
/** registerByAgency: the cases an agency received. */
export const registerPartition = (agencyId: string) => `REGISTER#${agencyId}`;

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
    queueProcedurePk: queueProcedurePartition(record.agencyId, record.status, record.procedureId),
    queueAssigneePk: queueAssigneePartition(record.agencyId, record.status, assigneePart(record)),
    queueProcedureAssigneePk: queueProcedureAssigneePartition(
      record.agencyId,
      record.status,
      record.procedureId,
      assigneePart(record),
    ),
    // In the register from the moment the desk received it (a refused or unreceived case never is).
    ...(record.receivedAt
      ? { registerPk: registerPartition(record.agencyId), registerSk: `${record.receivedAt}#${record.code}` }
      : {}),
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

/** What a line of an applicant's list shows, and what its filters read: the applicant's index carries only these. */
export type ApplicantCaseRecord = Pick<CaseRecord, (typeof INDEX_PROJECTIONS.applicantCase)[number]>;

/** An applicant's cases, newest first; only those in `status`, and changed at or after `updatedSince`. */
export function listApplicantCases(
  applicantId: string,
  limit: number,
  cursor?: string,
  only: { status?: string; updatedSince?: string } = {},
): Promise<Page<ApplicantCaseRecord>> {
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

/** What a queue item shows: the queue's indexes carry only these. */
export type QueueRecord = Pick<CaseRecord, (typeof INDEX_PROJECTIONS.queue)[number]>;

export interface QueueFilter {
  readonly procedureId?: string;
  /** An official's id, or `none` for cases nobody is assigned. */
  readonly assignee?: string;
}

/**
 * An agency's cases of one status, soonest first (see `queueSortTime`), narrowed by procedure and assignee. Each
 * combination of filters reads its own index, so a page costs the same whatever the filters and however many
 * cases the agency has.
 */
export function listAgencyQueue(
  agencyId: string,
  status: string,
  limit: number,
  cursor?: string,
  filter: QueueFilter = {},
): Promise<Page<QueueRecord>> {
  const { procedureId, assignee } = filter;
  const page = { limit, cursor, newestFirst: false };
  const { indexes } = TABLE;
  if (procedureId && assignee) {
    return queryIndexPage(
      indexes.queueByProcedureAndAssignee,
      queueProcedureAssigneePartition(agencyId, status, procedureId, assignee),
      page,
    );
  }
  if (procedureId) {
    return queryIndexPage(
      indexes.queueByProcedure,
      queueProcedurePartition(agencyId, status, procedureId),
      page,
    );
  }
  if (assignee) {
    return queryIndexPage(indexes.queueByAssignee, queueAssigneePartition(agencyId, status, assignee), page);
  }
  return queryIndexPage(indexes.agencyQueue, agencyQueuePartition(agencyId, status), page);
}

/** What a register line shows (the register's index carries only these); a case there was received. */
export type RegisterRecord = Pick<CaseRecord, (typeof INDEX_PROJECTIONS.register)[number]> & {
  readonly receivedAt: string;
};

/**
 * The cases an agency received between two Vietnam days (both included), in the order received; at most `max`
 * (undefined `complete` when there were more).
 */
export async function listReceivedCases(
  agencyId: string,
  fromDay: string,
  toDay: string,
  max: number,
): Promise<{ records: RegisterRecord[]; complete: boolean }> {
  const records: RegisterRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryIndexPage<RegisterRecord>(
      TABLE.indexes.registerByAgency,
      registerPartition(agencyId),
      {
        limit: Math.min(100, max + 1 - records.length),
        cursor,
        newestFirst: false,
        // Stored times carry +07:00, so the Vietnam day is their first ten characters; `~` sorts after any time.
        sortKey: { between: [fromDay, `${toDay}~`] },
      },
    );
    records.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && records.length <= max);
  return { records: records.slice(0, max), complete: records.length <= max };
}
