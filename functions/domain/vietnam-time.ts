// Vietnam time: the day an instant falls on there, and instants written with its offset (no holiday tables).

const DAY_MS = 86_400_000;
// Asia/Ho_Chi_Minh has had no daylight saving since 1975, so a fixed offset is exact for every date we handle.
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

function instantMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid date');
  return ms;
}

/** Days since 1970-01-01 counted in Vietnam (23:30 UTC is already the next day there). */
export function vietnamDayNumber(instant: Date): number {
  return Math.floor((instantMs(instant) + VIETNAM_OFFSET_MS) / DAY_MS);
}

/** The 'YYYY-MM-DD' day that `instant` falls on in Vietnam. */
export function vietnamDay(instant: Date): string {
  return new Date(vietnamDayNumber(instant) * DAY_MS).toISOString().slice(0, 10);
}

/** ISO 8601 in Vietnam time with milliseconds, e.g. `2026-11-28T12:00:00.000+07:00`: stored times sort as strings. */
export function toVietnamIso(instant: Date): string {
  const shifted = new Date(instantMs(instant) + VIETNAM_OFFSET_MS).toISOString();
  return `${shifted.slice(0, -1)}+07:00`;
}

/** Whether `text` is a real calendar day written `YYYY-MM-DD` (not 2024-02-30, which Date would roll over). */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
