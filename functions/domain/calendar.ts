// Working days in Vietnam, for processing deadlines: Labour Code holidays, announced schedules, ISO instants.

import { LUNAR_HOLIDAYS, LUNAR_HOLIDAYS_FIRST_YEAR, LUNAR_HOLIDAYS_LAST_YEAR } from './lunar-holidays';
import { OFFICIAL_SCHEDULES, type OfficialSchedule } from './official-schedules';
import { VIETNAM_OFFSET_MS, vietnamDayNumber } from './vietnam-time';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Results are due by the end of the office day. */
const DUE_HOUR = 17;
/** No procedure takes ten years; a larger count is a bug, and failing beats looping for minutes. */
const MAX_WORKING_DAYS = 2_500;

const SUNDAY = 0;
const TUESDAY = 2;
const WEDNESDAY = 3;
const FRIDAY = 5;
const SATURDAY = 6;

/** Days since 1970-01-01 counted in Vietnam: all day arithmetic is on these integers. */
type DayNumber = number;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

function instantMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid date');
  return ms;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function dayNumberOf(day: string): DayNumber {
  const match = ISO_DAY.exec(day);
  const [year, month, date] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || !isRealDate(year, month, date)) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

function isoDayOf(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function weekdayOf(day: DayNumber): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

function isWeekend(day: DayNumber): boolean {
  const weekday = weekdayOf(day);
  return weekday === SATURDAY || weekday === SUNDAY;
}

function yearOf(day: DayNumber): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/**
 * Parses an ISO 8601 instant. The offset (or `Z`) is required: without one JavaScript would read the
 * server's local time, which differs between a laptop and Lambda.
 */
export function parseIso(text: string): Date {
  const match = ISO_INSTANT.exec(text);
  if (match) {
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const offsetHours = Number(match[8] ?? 0);
    const offsetMinutes = Number(match[9] ?? 0);
    const valid =
      isRealDate(year, month, day) &&
      hour <= 23 &&
      minute <= 59 &&
      second <= 59 &&
      offsetHours <= 14 &&
      offsetMinutes <= 59;
    const parsed = new Date(text);
    if (valid && !Number.isNaN(parsed.getTime())) return parsed;
  }
  throw new RangeError(`not an ISO 8601 instant with offset: ${text}`);
}

/**
 * Days off under the Labour Code 2019 (art. 112) for a year with no announced schedule: New Year (1/1),
 * five Tết days, Hùng Kings' day (10/3 lunar), 30/4, 1/5, National Day (2/9) and one day beside it, plus
 * the compensatory day off when a holiday falls on a weekend (art. 111(3)). The lunar days come from a
 * table generated from date-holidays (`lunar-holidays.ts`). Returns 'YYYY-MM-DD' days, sorted.
 */
export function statutoryDaysOff(year: number): string[] {
  const lunar = LUNAR_HOLIDAYS[year];
  // Counting deadlines on a silently wrong calendar is worse than failing.
  if (!lunar) {
    throw new RangeError(
      `no lunar holidays for ${year} (table covers ${LUNAR_HOLIDAYS_FIRST_YEAR}–${LUNAR_HOLIDAYS_LAST_YEAR})`,
    );
  }
  const [tetFirstDay, hungKings] = lunar;
  const holidays = new Set<DayNumber>(
    [`${year}-01-01`, hungKings, `${year}-04-30`, `${year}-05-01`].map(dayNumberOf),
  );

  // Five Tết days: the eve and the first four days of the new year, as in 2026's announcement.
  const tet = dayNumberOf(tetFirstDay);
  for (let day = tet - 1; day <= tet + 3; day++) holidays.add(day);

  // The Prime Minister picks 1/9 or 3/9 each year; this picks the one that joins the break to a weekend,
  // as announced for 2021–2026.
  const nationalDay = dayNumberOf(`${year}-09-02`);
  const dayBeforeJoinsWeekend = [TUESDAY, WEDNESDAY, FRIDAY, SATURDAY].includes(weekdayOf(nationalDay));
  holidays.add(nationalDay);
  holidays.add(dayBeforeJoinsWeekend ? nationalDay - 1 : nationalDay + 1);

  const daysOff = new Set(holidays);
  for (const holiday of [...holidays].sort((a, b) => a - b)) {
    if (!isWeekend(holiday)) continue;
    let compensation = holiday + 1;
    while (isWeekend(compensation) || daysOff.has(compensation)) compensation++;
    daysOff.add(compensation);
  }
  return [...daysOff].sort((a, b) => a - b).map(isoDayOf);
}

function validateSchedule(schedule: OfficialSchedule): void {
  const problem = (message: string) => new Error(`official schedule ${schedule.year}: ${message}`);
  if (!Number.isInteger(schedule.year)) throw problem('year is not an integer');
  for (const day of [...schedule.daysOff, ...schedule.workingDays]) {
    dayNumberOf(day);
    if (!day.startsWith(`${schedule.year}-`)) throw problem(`${day} is not in the year`);
  }
  for (const day of schedule.workingDays) {
    if (!isWeekend(dayNumberOf(day))) throw problem(`${day} is a weekday, not a swapped weekend day`);
    if (schedule.daysOff.includes(day)) throw problem(`${day} is both off and worked`);
  }
}

/** One flag per day of a year, so that a lookup costs an array read. */
interface YearOfWork {
  readonly firstDay: DayNumber;
  readonly working: Uint8Array;
}

export class WorkingCalendar {
  readonly #schedules = new Map<number, OfficialSchedule>();
  readonly #years = new Map<number, YearOfWork>();
  /** Deadlines walk day by day through one year; this skips the map lookup on the way. */
  #lastYear: YearOfWork | undefined;

  constructor(schedules: readonly OfficialSchedule[] = OFFICIAL_SCHEDULES) {
    for (const schedule of schedules) {
      validateSchedule(schedule);
      if (this.#schedules.has(schedule.year)) throw new Error(`two official schedules for ${schedule.year}`);
      this.#schedules.set(schedule.year, schedule);
    }
  }

  /** `day` is 'YYYY-MM-DD' in Vietnam. */
  isWorkingDay(day: string): boolean {
    return this.#isWorking(dayNumberOf(day));
  }

  /**
   * The due moment: 17:00 Vietnam time on the n-th working day after the Vietnam day of `from`. The day
   * of receipt never counts, whatever the hour. With n = 0, 17:00 of that day if it is a working day,
   * else of the next working day.
   */
  addWorkingDays(from: Date, n: number): Date {
    if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
      throw new RangeError(`working days must be an integer from 0 to ${MAX_WORKING_DAYS}: ${n}`);
    }
    let day = vietnamDayNumber(from);
    if (n === 0) {
      while (!this.#isWorking(day)) day++;
    } else {
      for (let counted = 0; counted < n; ) {
        day++;
        if (this.#isWorking(day)) counted++;
      }
    }
    return new Date(day * DAY_MS + DUE_HOUR * HOUR_MS - VIETNAM_OFFSET_MS);
  }

  /** Working days d with vietnamDay(from) < d <= vietnamDay(to); 0 when `to` is not after `from`. */
  workingDaysBetween(from: Date, to: Date): number {
    const last = vietnamDayNumber(to);
    let count = 0;
    for (let day = vietnamDayNumber(from) + 1; day <= last; day++) {
      if (this.#isWorking(day)) count++;
    }
    return count;
  }

  /** A supplement wait stops the clock: the due moment moves by the working days the case stood. */
  extendForPause(dueAt: Date, pausedAt: Date, resumedAt: Date): Date {
    const stood = this.workingDaysBetween(pausedAt, resumedAt);
    return stood === 0 ? new Date(instantMs(dueAt)) : this.addWorkingDays(dueAt, stood);
  }

  #isWorking(day: DayNumber): boolean {
    let flags = this.#lastYear;
    if (!flags || day < flags.firstDay || day >= flags.firstDay + flags.working.length) {
      const year = yearOf(day);
      flags = this.#years.get(year);
      if (!flags) {
        flags = this.#computeYear(year);
        this.#years.set(year, flags);
      }
      this.#lastYear = flags;
    }
    return flags.working[day - flags.firstDay] === 1;
  }

  #computeYear(year: number): YearOfWork {
    const firstDay = Date.UTC(year, 0, 1) / DAY_MS;
    const length = Date.UTC(year + 1, 0, 1) / DAY_MS - firstDay;
    const schedule = this.#schedules.get(year);
    const daysOff = new Set((schedule?.daysOff ?? statutoryDaysOff(year)).map(dayNumberOf));
    const swappedWorkingDays = new Set((schedule?.workingDays ?? []).map(dayNumberOf));
    const working = new Uint8Array(length);
    for (let offset = 0; offset < length; offset++) {
      const day = firstDay + offset;
      const worked = swappedWorkingDays.has(day) || (!isWeekend(day) && !daysOff.has(day));
      working[offset] = worked ? 1 : 0;
    }
    return { firstDay, working };
  }
}

/** The calendar with the built-in official schedules. */
export const vietnamCalendar = new WorkingCalendar();
