// The agency's clock: while it runs a case can fall overdue, and the queue is ordered by it.
import type { CaseStatus } from './types';

/**
 * Statuses in which the agency's clock runs towards `dueAt`. A supplement wait stops it (the due date then
 * moves by the days the case stood); a refusal, a denial, a withdrawal or the issued result ends it.
 */
const CLOCK_RUNNING: ReadonlySet<CaseStatus> = new Set([
  'awaiting_payment',
  'submitted',
  'processing',
  'approved',
]);

export function isAgencyClockRunning(status: CaseStatus): boolean {
  return CLOCK_RUNNING.has(status);
}

/** Late while the agency holds it past its due moment. Times are ISO 8601 with offset. */
export function isOverdue(
  caseFile: { readonly status: CaseStatus; readonly dueAt: string },
  now: Date = new Date(),
): boolean {
  return isAgencyClockRunning(caseFile.status) && new Date(caseFile.dueAt).getTime() < now.getTime();
}

/**
 * The time a case sorts by in its agency's queue, soonest first: a `submitted` case waits its turn by the
 * moment it came in; once received, by the moment it falls due.
 */
export function queueSortTime(caseFile: {
  readonly status: CaseStatus;
  readonly submittedAt: string;
  readonly dueAt: string;
}): string {
  return caseFile.status === 'submitted' ? caseFile.submittedAt : caseFile.dueAt;
}
