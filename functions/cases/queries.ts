// Reading cases: one the caller may see, an applicant's own, an agency's queue.
import type { CaseSummary, QueueItem } from '../../schemas/api';
import { canSeeCase, queueAgencyOf } from '../domain/access';
import { NotFoundError, ValidationFailedError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import type { CaseStatus } from '../domain/types';
import { getCaseWithHistory, listAgencyQueue, listApplicantCases, type QueueFilter } from '../storage/cases';
import { caseSummary, queueItem } from './views';

/** A case and its history, if the caller may see it; otherwise "not found", whether it exists or not. */
export async function loadVisibleCase(principal: Principal, code: string) {
  const found = await getCaseWithHistory(code);
  const visible =
    found &&
    canSeeCase(principal, { applicantId: found.record.applicant.id, agencyId: found.record.agencyId });
  if (!found || !visible) throw new NotFoundError('case');
  return found;
}

export async function listOwnCases(
  principal: Principal,
  limit: number,
  cursor?: string,
): Promise<{ items: CaseSummary[]; nextCursor?: string }> {
  const page = await listApplicantCases(principal.id, limit, cursor);
  return { items: page.items.map(caseSummary), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
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
