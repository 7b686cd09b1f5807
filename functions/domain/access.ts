// Who may see what: a case, an agency's queue, an official's result document.
import type { Principal } from './principal';

/** What decides who may see a case. */
export interface CaseOwnership {
  readonly applicantId: string;
  readonly agencyId: string;
}

/** Its owner, its agency's officials, an admin. Everyone else is told "not found", never "forbidden". */
export function canSeeCase(principal: Principal, owned: CaseOwnership): boolean {
  switch (principal.role) {
    case 'citizen':
    case 'business':
      return owned.applicantId === principal.id;
    case 'official':
      return principal.agencyId !== undefined && owned.agencyId === principal.agencyId;
    case 'admin':
      return true;
  }
}

/** Officials and admins act for an agency: they work its queue and attach results to its cases. */
export function actsForAgency(principal: Principal): boolean {
  return principal.role === 'official' || principal.role === 'admin';
}

/**
 * The agency whose queue the caller reads: an official's own, whatever they ask; an admin's choice.
 * Undefined when there is none to read (an admin who did not choose, an official without an agency).
 */
export function queueAgencyOf(principal: Principal, requested: string | undefined): string | undefined {
  if (principal.role === 'admin') return requested;
  return principal.role === 'official' ? principal.agencyId : undefined;
}
