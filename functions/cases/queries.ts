// Reading cases: one the caller may see, an applicant's own, an agency's queue.
import type { CaseSummary, QueueItem } from '../../schemas/api';
import { canSeeCase, queueAgencyOf } from '../domain/access';
import { NotFoundError, ValidationFailedError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import type { CaseStatus } from '../domain/types';
import { toVietnamIso } from '../domain/vietnam-time';
import { getCaseWithHistory, listAgencyQueue, listApplicantCases } from '../storage/cases';
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
  only: { status?: CaseStatus; updatedSince?: string } = {},
): Promise<{ items: CaseSummary[]; nextCursor?: string }> {
  const page = await listApplicantCases(principal.id, limit, cursor, {
    ...(only.status ? { status: only.status } : {}),
    // Any offset in, Vietnam time out: the form the stored times compare in.
    ...(only.updatedSince ? { updatedSince: toVietnamIso(new Date(only.updatedSince)) } : {}),
  });
  return { items: page.items.map(caseSummary), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

export async function listQueue(
  principal: Principal,
  query: { status: CaseStatus; limit: number; cursor?: string; agencyId?: string },
): Promise<{ items: QueueItem[]; nextCursor?: string }> {
  const agencyId = queueAgencyOf(principal, query.agencyId);
  if (!agencyId) {
    throw new ValidationFailedError([
      { path: 'query.agencyId', message: { vi: 'Cần chọn cơ quan', en: 'Choose an agency (agencyId)' } },
    ]);
  }
  const page = await listAgencyQueue(agencyId, query.status, query.limit, query.cursor);
  return { items: page.items.map(queueItem), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}
