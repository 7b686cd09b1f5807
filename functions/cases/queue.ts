// An agency's queue as its officials read it: the agency they work for, the filters, a page of items.
import type { QueueItem } from '../../schemas/api';
import { queueAgencyOf } from '../domain/access';
import { isOverdue } from '../domain/deadline';
import { ValidationFailedError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import type { CaseStatus } from '../domain/types';
import { listAgencyQueue, type QueueFilter, type QueueRecord } from '../storage/cases';
import { deadlineView } from './deadline-view';

export function queueItem(record: QueueRecord, now: Date = new Date()): QueueItem {
  return {
    code: record.code,
    procedureId: record.procedureId,
    procedureName: record.procedureName,
    applicantName: record.applicantName,
    status: record.status,
    submittedAt: record.submittedAt,
    dueAt: record.dueAt,
    overdue: isOverdue(record, now),
    version: record.version,
    ...deadlineView(record, now),
  };
}

/** The agency whose queue the caller works: an official's own; the one an admin names (400 when none). */
export function agencyOfCaller(principal: Principal, requested: string | undefined): string {
  const agencyId = queueAgencyOf(principal, requested);
  if (!agencyId) {
    throw new ValidationFailedError([
      { path: 'query.agencyId', message: { vi: 'Cần chọn cơ quan', en: 'Choose an agency (agencyId)' } },
    ]);
  }
  return agencyId;
}

/**
 * The queue's filters as the storage reads them: `me` is the caller. An unknown procedure or official finds no
 * case (the queue's function does not carry the catalogue, to stay small).
 */
export function queueFilterOf(
  principal: Principal,
  query: { procedureId?: string; assignee?: string },
): QueueFilter {
  return {
    ...(query.procedureId ? { procedureId: query.procedureId } : {}),
    ...(query.assignee ? { assignee: query.assignee === 'me' ? principal.id : query.assignee } : {}),
  };
}

export async function listQueue(
  principal: Principal,
  query: {
    status: CaseStatus;
    limit: number;
    cursor?: string;
    agencyId?: string;
    procedureId?: string;
    assignee?: string;
  },
  now: Date = new Date(),
): Promise<{ items: QueueItem[]; nextCursor?: string }> {
  const agencyId = agencyOfCaller(principal, query.agencyId);
  const page = await listAgencyQueue(
    agencyId,
    query.status,
    query.limit,
    query.cursor,
    queueFilterOf(principal, query),
  );
  return {
    items: page.items.map((record) => queueItem(record, now)),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
