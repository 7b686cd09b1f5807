// What the owner of a case is shown of the audit trail: when an agency opened their file (apart from audit.ts, so
// that the applicant's function carries neither the agencies nor the writing side).
import type { Case } from '../../schemas/api';
import { listCaseReads } from '../storage/audit';

/** The owner's view of who opened their file: when, which agency, which role (no official's name). */
const MAX_VIEWS_SHOWN = 100;

export async function viewsOfCase(code: string): Promise<NonNullable<Case['views']>> {
  const reads = await listCaseReads(code, MAX_VIEWS_SHOWN);
  // Reads are people's (the platform itself reads nothing on anyone's behalf); `system` narrows the type only.
  return reads.flatMap(({ at, actor }) =>
    actor.role === 'system'
      ? []
      : [
          {
            at,
            role: actor.role,
            ...(actor.agencyId && actor.agencyName
              ? { agency: { id: actor.agencyId, name: actor.agencyName } }
              : {}),
          },
        ],
  );
}
