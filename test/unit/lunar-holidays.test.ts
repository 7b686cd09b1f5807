// Checks the generated table of lunar holidays against date-holidays, year by year. date-holidays' lunar
// arithmetic is heavy (seconds for the whole century on a slow machine): it runs once, in beforeAll, under a
// generous timeout that only stops a hang; how long it takes is no part of what is tested.
import Holidays, { type HolidaysTypes } from 'date-holidays';
import { beforeAll, describe, expect, it } from 'vitest';
import { statutoryDaysOff } from '../../functions/domain/calendar';
import {
  LUNAR_HOLIDAYS,
  LUNAR_HOLIDAYS_FIRST_YEAR,
  LUNAR_HOLIDAYS_LAST_YEAR,
} from '../../functions/domain/lunar-holidays';
import { lunarHolidaysFromDateHolidays } from '../../scripts/generate-lunar-holidays';

const HEAVY = { timeout: 300_000 };
const years = Array.from(
  { length: LUNAR_HOLIDAYS_LAST_YEAR - LUNAR_HOLIDAYS_FIRST_YEAR + 1 },
  (_, i) => LUNAR_HOLIDAYS_FIRST_YEAR + i,
);

/** What date-holidays says of each year, computed once for both checks. */
const fromDateHolidays = new Map<number, HolidaysTypes.Holiday[]>();

beforeAll(() => {
  const vn = new Holidays('VN');
  for (const year of years) fromDateHolidays.set(year, vn.getHolidays(year));
}, HEAVY.timeout);

describe('the generated lunar holiday table', () => {
  it('matches date-holidays for every year it covers', HEAVY, () => {
    expect(Object.keys(LUNAR_HOLIDAYS).map(Number)).toEqual(years);
    for (const year of years)
      expect(LUNAR_HOLIDAYS[year], String(year)).toEqual(
        lunarHolidaysFromDateHolidays(year, fromDateHolidays.get(year)),
      );
  });

  it("contains every public holiday date-holidays knows for Vietnam, in the rule's days off", HEAVY, () => {
    for (const year of years) {
      const daysOff = new Set(statutoryDaysOff(year));
      for (const holiday of fromDateHolidays.get(year)!.filter((h) => h.type === 'public')) {
        expect(daysOff.has(holiday.date.slice(0, 10)), `${year} ${holiday.name}`).toBe(true);
      }
    }
  });

  it('refuses years outside the table instead of guessing', () => {
    expect(() => statutoryDaysOff(LUNAR_HOLIDAYS_LAST_YEAR + 1)).toThrow(RangeError);
  });
});
