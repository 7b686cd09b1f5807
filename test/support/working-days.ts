// An independent count of working days, to check over HTTP the deadlines the server computes: it walks
// calendar days one at a time in Vietnam time and asks only "is this day off?". The days off are data: the
// government's announced schedule of the year, or, for a year without one, the Labour Code days that
// `statutoryDaysOff` lists (checked on its own against date-holidays in test/unit/lunar-holidays.test.ts).
// None of the server's counting (addWorkingDays, workingDaysBetween, extendForPause) is used here.
import { statutoryDaysOff } from '../../functions/domain/calendar';
import { OFFICIAL_SCHEDULES } from '../../functions/domain/official-schedules';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 'YYYY-MM-DD' of the day `instant` falls on in Vietnam (UTC+7 all year). */
export function vietnamDay(instant: Date | string): string {
  return new Date(new Date(instant).getTime() + 7 * HOUR).toISOString().slice(0, 10);
}

/** The calendar day after `day`. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}

export function isWorkingDay(day: string): boolean {
  const year = Number(day.slice(0, 4));
  const schedule = OFFICIAL_SCHEDULES.find((s) => s.year === year);
  if (schedule?.workingDays.includes(day)) return true;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !(schedule?.daysOff ?? statutoryDaysOff(year)).includes(day);
}

/** Working days d with day(from) < d <= day(to), counted one by one. */
export function countWorkingDays(from: Date | string, to: Date | string): number {
  const last = vietnamDay(to);
  let count = 0;
  for (let day = nextDay(vietnamDay(from)); day <= last; day = nextDay(day)) if (isWorkingDay(day)) count++;
  return count;
}

/** What the contract promises for a deadline: 17:00 Vietnam time on the n-th working day after `from`'s day. */
export function dueAfterWorkingDays(from: Date | string, n: number): string {
  let day = vietnamDay(from);
  for (let counted = 0; counted < n; ) {
    day = nextDay(day);
    if (isWorkingDay(day)) counted++;
  }
  return `${day}T17:00:00.000+07:00`;
}

/** `instant` as the server writes times: ISO 8601 in Vietnam time with milliseconds and `+07:00`. */
export function vietnamIso(instant: Date): string {
  return new Date(instant.getTime() + 7 * HOUR).toISOString().replace('Z', '+07:00');
}
