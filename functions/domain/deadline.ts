// The agency's clock: while it runs a case can fall overdue, and the queue is ordered by it.
import type { WorkingCalendar } from './calendar';
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

/** A case due within this many working days (and not yet overdue) is marked in the queue. */
export const DUE_SOON_WORKING_DAYS = 2;

/**
 * Working days from `now` to the due moment while the agency's clock runs: 0 when it falls due today, a negative
 * count of the working days since it fell due when overdue (0 on the due day itself after the hour), and
 * undefined when the clock does not run (a supplement wait, a closed case).
 */
export function workingDaysLeft(
  caseFile: { readonly status: CaseStatus; readonly dueAt: string },
  now: Date,
  calendar: Pick<WorkingCalendar, 'workingDaysBetween'>,
): number | undefined {
  if (!isAgencyClockRunning(caseFile.status)) return undefined;
  const due = new Date(caseFile.dueAt);
  return due.getTime() >= now.getTime()
    ? calendar.workingDaysBetween(now, due)
    : -calendar.workingDaysBetween(due, now);
}
