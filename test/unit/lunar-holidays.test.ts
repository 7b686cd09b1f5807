import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { statutoryDaysOff } from '../../functions/domain/calendar';
import {
  LUNAR_HOLIDAYS,
  LUNAR_HOLIDAYS_FIRST_YEAR,
  LUNAR_HOLIDAYS_LAST_YEAR,
} from '../../functions/domain/lunar-holidays';
import { lunarHolidaysFromDateHolidays } from '../../scripts/generate-lunar-holidays';

const years = Array.from(
  { length: LUNAR_HOLIDAYS_LAST_YEAR - LUNAR_HOLIDAYS_FIRST_YEAR + 1 },
  (_, i) => LUNAR_HOLIDAYS_FIRST_YEAR + i,
);

// date-holidays' lunar arithmetic for a century of years takes seconds on a busy 2-core box: a timeout well
// above vitest's 5 s default, so that the check does not hang on the machine's speed.
describe('the generated lunar holiday table', { timeout: 60_000 }, () => {
  it('matches date-holidays for every year it covers', () => {
    for (const year of years)
      expect(LUNAR_HOLIDAYS[year], String(year)).toEqual(lunarHolidaysFromDateHolidays(year));
  });

  it("contains every public holiday date-holidays knows for Vietnam, in the rule's days off", () => {
    const vn = new Holidays('VN');
    for (const year of years) {
      const daysOff = new Set(statutoryDaysOff(year));
      for (const holiday of vn.getHolidays(year).filter((h) => h.type === 'public')) {
        expect(daysOff.has(holiday.date.slice(0, 10)), `${year} ${holiday.name}`).toBe(true);
      }
    }
  });

  it('refuses years outside the table instead of guessing', () => {
    expect(() => statutoryDaysOff(LUNAR_HOLIDAYS_LAST_YEAR + 1)).toThrow(RangeError);
  });
});
