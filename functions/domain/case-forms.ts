// Which one-stop forms (Mẫu 01–05) a case has, and for whom: the rule behind `forms` and the forms' 404s.
import type { CaseStatus } from './types';

/** The forms of one case by their contract names (`GET /api/cases/{code}/forms/{form}`), in template order. */
export const CASE_FORM_NAMES = [
  'receipt',
  'supplement-request',
  'refusal',
  'apology',
  'control-slip',
] as const;
export type CaseFormName = (typeof CASE_FORM_NAMES)[number];

/** Who downloads: the agency's officials, or the applicant (who never gets the internal control slip). */
export type FormAudience = 'official' | 'applicant';

export interface FormFacts {
  readonly status: CaseStatus;
  readonly receivedAt?: string;
  readonly supplementRequest?: unknown;
  readonly supplementRequests?: readonly unknown[];
  readonly extensions?: readonly unknown[];
}

/**
 * Mẫu 01 once received; Mẫu 02 once a supplement was asked for; Mẫu 03 when the desk refused the file; Mẫu 04
 * once the due date was moved; Mẫu 05 (officials only) once received.
 */
export function availableForms(facts: FormFacts, audience: FormAudience): CaseFormName[] {
  const has: Record<CaseFormName, boolean> = {
    receipt: facts.receivedAt !== undefined,
    'supplement-request': Boolean(facts.supplementRequest) || (facts.supplementRequests?.length ?? 0) > 0,
    refusal: facts.status === 'rejected',
    apology: (facts.extensions?.length ?? 0) > 0,
    'control-slip': audience === 'official' && facts.receivedAt !== undefined,
  };
  return CASE_FORM_NAMES.filter((name) => has[name]);
}
