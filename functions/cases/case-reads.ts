// What the owner of a case is shown of the audit trail: when an agency opened their file (apart from audit.ts, so
// that the applicant's function carries neither the agencies nor the writing side).
import type { Case } from '../../schemas/api';
import { listCaseReads } from '../storage/audit';

/** The owner's view of who opened their file: when, which agency, which role (no official's name). */
const MAX_VIEWS_SHOWN = 100;

export async function viewsOfCase(code: string): Promise<NonNullable<Case['views']>> {
  const reads = await listCaseReads(code, MAX_VIEWS_SHOWN);
  return reads.map((read) => ({
    at: read.at,
    role: read.actor.role,
    ...(read.actor.agencyId && read.actor.agencyName
      ? { agency: { id: read.actor.agencyId, name: read.actor.agencyName } }
      : {}),
  }));
}
