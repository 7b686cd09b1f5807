// Reading cases: one the caller may see, an applicant's own (the agency's queue: queue.ts).
import type { CaseSummary } from '../../schemas/api';
import { canSeeCase } from '../domain/access';
import { NotFoundError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import type { CaseStatus } from '../domain/types';
import { toVietnamIso } from '../domain/vietnam-time';
import { getCaseWithHistory, listApplicantCases } from '../storage/cases';
import { caseSummary } from './views';

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
