// Checks working-day deadlines against dates worked out by hand on a paper calendar.

import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseIso,
  statutoryDaysOff,
  vietnamCalendar,
  WorkingCalendar,
} from '../../functions/domain/calendar';
import { OFFICIAL_SCHEDULES } from '../../functions/domain/official-schedules';
import { toVietnamIso, vietnamDay } from '../../functions/domain/vietnam-time';

/** An instant written in Vietnam time, parsed by the platform's Date, not by the module. */
const at = (vietnamTime: string) => new Date(`${vietnamTime}+07:00`);
/** 17:00 in Vietnam on a given day. */
const dueOn = (day: string) => new Date(`${day}T17:00:00+07:00`);

describe('helpers for Vietnam time', () => {
  it('gives the Vietnam day of an instant, which runs seven hours ahead of UTC', () => {
    expect(vietnamDay(new Date('2026-11-27T23:30:00Z'))).toBe('2026-11-28');
    expect(vietnamDay(new Date('2026-11-27T16:59:59.999Z'))).toBe('2026-11-27');
    expect(vietnamDay(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28');
    expect(vietnamDay(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it('writes instants in Vietnam time with milliseconds and +07:00', () => {
    expect(toVietnamIso(new Date('2026-11-28T05:00:00Z'))).toBe('2026-11-28T12:00:00.000+07:00');
    expect(toVietnamIso(new Date('2026-12-31T17:30:00.042Z'))).toBe('2027-01-01T00:30:00.042+07:00');
  });

  it('parses ISO instants with an offset, and round-trips its own form', () => {
    expect(parseIso('2026-11-28T12:00:00.000+07:00').toISOString()).toBe('2026-11-28T05:00:00.000Z');
    expect(parseIso('2026-11-28T05:00:00Z').toISOString()).toBe('2026-11-28T05:00:00.000Z');
    expect(parseIso('2026-11-28T05:00-02:30').toISOString()).toBe('2026-11-28T07:30:00.000Z');
    const instant = new Date('2026-02-16T01:02:03.456Z');
    expect(parseIso(toVietnamIso(instant)).getTime()).toBe(instant.getTime());
  });

  it.each([
    '2026-02-30T10:00:00+07:00',
    '2026-02-28T10:00:00',
    '2026-02-28T24:00:00Z',
    '2026-02-28',
    'yesterday',
    '',
  ])('refuses %j', (text) => {
    expect(() => parseIso(text)).toThrow(RangeError);
  });

  it('keeps the order of instants in the order of their strings', () => {
    const instant = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const byTime = Math.sign(a.getTime() - b.getTime());
        // DynamoDB orders sort keys by code units, not by a locale's collation.
        const [x, y] = [toVietnamIso(a), toVietnamIso(b)];
        const byText = x < y ? -1 : x > y ? 1 : 0;
        expect(byText).toBe(byTime);
      }),
    );
  });
});

describe('the Labour Code rule for years without an announced schedule', () => {
  it('adds the second National Day day and weekend compensation to date-holidays, 2026', () => {
    expect(statutoryDaysOff(2026)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
  });

  it('compensates weekend holidays on the next free weekday, 2028', () => {
    // 1 Jan is a Saturday; Tết runs Tue 25 – Sat 29 Jan; 30 Apr is a Sunday next to 1 May (Mon);
    // 2 Sep is a Saturday, taken with Fri 1 Sep.
    expect(statutoryDaysOff(2028)).toEqual([
      '2028-01-01',
      '2028-01-03',
      '2028-01-25',
      '2028-01-26',
      '2028-01-27',
      '2028-01-28',
      '2028-01-29',
      '2028-01-31',
      '2028-04-04',
      '2028-04-30',
      '2028-05-01',
      '2028-05-02',
      '2028-09-01',
      '2028-09-02',
      '2028-09-04',
    ]);
  });

  it('is what the default calendar uses for a year with no schedule', () => {
    expect(vietnamCalendar.isWorkingDay('2028-01-03')).toBe(false);
    expect(vietnamCalendar.isWorkingDay('2028-01-24')).toBe(true);
    expect(vietnamCalendar.isWorkingDay('2028-09-04')).toBe(false);
    expect(vietnamCalendar.isWorkingDay('2028-09-05')).toBe(true);
  });
});

describe('official schedules', () => {
  it('has 2026 and 2027, each saying where it comes from', () => {
    expect(OFFICIAL_SCHEDULES.map((schedule) => schedule.year)).toEqual([2026, 2027]);
    expect(OFFICIAL_SCHEDULES[1]!.source.startsWith('sample:')).toBe(true);
    expect(OFFICIAL_SCHEDULES[0]!.source).toContain('9441/TB-BNV');
  });

  it('overrides the rule: 2 Jan and 31 Aug 2026 are off, Saturdays 10 Jan and 22 Aug are worked', () => {
    expect(vietnamCalendar.isWorkingDay('2026-01-02')).toBe(false);
    expect(vietnamCalendar.isWorkingDay('2026-01-10')).toBe(true);
    expect(vietnamCalendar.isWorkingDay('2026-08-31')).toBe(false);
    expect(vietnamCalendar.isWorkingDay('2026-08-22')).toBe(true);
    const ruleOnly = new WorkingCalendar([]);
    expect(ruleOnly.isWorkingDay('2026-01-02')).toBe(true);
    expect(ruleOnly.isWorkingDay('2026-01-10')).toBe(false);
    expect(ruleOnly.isWorkingDay('2026-08-31')).toBe(true);
  });

  it('keeps weekends off and ordinary weekdays on', () => {
    expect(vietnamCalendar.isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(vietnamCalendar.isWorkingDay('2026-11-29')).toBe(false); // Sunday
    expect(vietnamCalendar.isWorkingDay('2026-11-30')).toBe(true);
  });

  it('refuses malformed days and schedules', () => {
    expect(() => vietnamCalendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => vietnamCalendar.isWorkingDay('30/04/2026')).toThrow(RangeError);
    const base = { year: 2030, daysOff: [], workingDays: [], source: 'sample: test' };
    expect(() => new WorkingCalendar([{ ...base, workingDays: ['2030-01-07'] }])).toThrow(/weekday/);
    expect(() => new WorkingCalendar([{ ...base, daysOff: ['2031-01-01'] }])).toThrow(/not in the year/);
    expect(() => new WorkingCalendar([base, base])).toThrow(/two official schedules/);
  });
});

describe('addWorkingDays', () => {
  it('skips the whole Tết 2026 break (16–20 Feb and the weekends around it)', () => {
    // Fri 13 Feb received; Mon 23, Tue 24, Wed 25, Thu 26, Fri 27 are the five working days.
    expect(vietnamCalendar.addWorkingDays(at('2026-02-13T10:00:00'), 5)).toEqual(dueOn('2026-02-27'));
    expect(vietnamCalendar.addWorkingDays(at('2026-02-13T23:30:00'), 5)).toEqual(dueOn('2026-02-27'));
    expect(vietnamCalendar.addWorkingDays(at('2026-02-13T10:00:00'), 1)).toEqual(dueOn('2026-02-23'));
  });

  it('never counts the day of receipt, whatever the hour', () => {
    expect(vietnamCalendar.addWorkingDays(at('2026-11-25T00:00:00'), 1)).toEqual(dueOn('2026-11-26'));
    expect(vietnamCalendar.addWorkingDays(at('2026-11-25T23:59:59'), 1)).toEqual(dueOn('2026-11-26'));
    // 16:59 UTC on the 24th is 23:59 on the 24th in Vietnam; 17:00 UTC is already the 25th.
    expect(vietnamCalendar.addWorkingDays(new Date('2026-11-24T16:59:00Z'), 1)).toEqual(dueOn('2026-11-25'));
    expect(vietnamCalendar.addWorkingDays(new Date('2026-11-24T17:00:00Z'), 1)).toEqual(dueOn('2026-11-26'));
  });

  it('counts fifteen ordinary working days over three weekends', () => {
    expect(vietnamCalendar.addWorkingDays(at('2026-11-25T09:00:00'), 15)).toEqual(dueOn('2026-12-16'));
  });

  it('uses the 2027 sample schedule: Tết off Thu 4 – Wed 10 Feb', () => {
    expect(vietnamCalendar.addWorkingDays(at('2027-02-03T09:00:00'), 1)).toEqual(dueOn('2027-02-11'));
    expect(vietnamCalendar.addWorkingDays(at('2027-02-03T09:00:00'), 3)).toEqual(dueOn('2027-02-15'));
    // Without the schedule the rule puts Tết on Fri 5 – Thu 11 Feb, so Thu 4 would count.
    expect(new WorkingCalendar([]).addWorkingDays(at('2027-02-03T09:00:00'), 1)).toEqual(dueOn('2027-02-04'));
  });

  it('starts counting after a receipt on the 30/4 holiday', () => {
    // Thu 30 Apr and Fri 1 May 2026 are off; Mon 4 May is the first working day.
    expect(vietnamCalendar.addWorkingDays(at('2026-04-30T09:00:00'), 2)).toEqual(dueOn('2026-05-05'));
    expect(vietnamCalendar.addWorkingDays(at('2026-04-30T09:00:00'), 0)).toEqual(dueOn('2026-05-04'));
  });

  it('skips the compensatory Monday after Hùng Kings 2026', () => {
    expect(vietnamCalendar.addWorkingDays(at('2026-04-24T15:00:00'), 1)).toEqual(dueOn('2026-04-28'));
  });

  it('skips National Day 2026 (Mon 31 Aug – Wed 2 Sep)', () => {
    expect(vietnamCalendar.addWorkingDays(at('2026-08-28T09:00:00'), 2)).toEqual(dueOn('2026-09-04'));
  });

  it('counts swapped working Saturdays', () => {
    expect(vietnamCalendar.addWorkingDays(at('2026-08-21T09:00:00'), 1)).toEqual(dueOn('2026-08-22'));
    expect(vietnamCalendar.addWorkingDays(at('2026-01-09T09:00:00'), 1)).toEqual(dueOn('2026-01-10'));
  });

  it('crosses New Year 2026, where Thu 1 and Fri 2 Jan are off', () => {
    expect(vietnamCalendar.addWorkingDays(at('2025-12-31T09:00:00'), 1)).toEqual(dueOn('2026-01-05'));
  });

  it('counts from the next working day after a weekend receipt', () => {
    expect(vietnamCalendar.addWorkingDays(at('2026-11-07T09:00:00'), 1)).toEqual(dueOn('2026-11-09'));
    expect(vietnamCalendar.addWorkingDays(at('2026-11-08T22:00:00'), 1)).toEqual(dueOn('2026-11-09'));
    expect(vietnamCalendar.addWorkingDays(at('2026-11-07T09:00:00'), 3)).toEqual(dueOn('2026-11-11'));
  });

  it('with n = 0 gives 17:00 of the receipt day, or of the next working day', () => {
    expect(vietnamCalendar.addWorkingDays(at('2026-11-25T08:00:00'), 0)).toEqual(dueOn('2026-11-25'));
    expect(vietnamCalendar.addWorkingDays(at('2026-11-28T08:00:00'), 0)).toEqual(dueOn('2026-11-30'));
  });

  it('refuses negative, fractional and absurd counts, and invalid dates', () => {
    const from = at('2026-11-25T08:00:00');
    expect(() => vietnamCalendar.addWorkingDays(from, -1)).toThrow(RangeError);
    expect(() => vietnamCalendar.addWorkingDays(from, 1.5)).toThrow(RangeError);
    expect(() => vietnamCalendar.addWorkingDays(from, 1e9)).toThrow(RangeError);
    expect(() => vietnamCalendar.addWorkingDays(new Date('nope'), 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first day up to and including the last', () => {
    expect(vietnamCalendar.workingDaysBetween(at('2026-02-13T10:00:00'), at('2026-02-27T09:00:00'))).toBe(5);
    expect(vietnamCalendar.workingDaysBetween(at('2026-08-28T10:00:00'), at('2026-09-04T09:00:00'))).toBe(2);
    expect(vietnamCalendar.workingDaysBetween(at('2026-08-21T10:00:00'), at('2026-08-24T09:00:00'))).toBe(2);
  });

  it('is 0 within a day and when the end is not after the start', () => {
    expect(vietnamCalendar.workingDaysBetween(at('2026-11-25T08:00:00'), at('2026-11-25T20:00:00'))).toBe(0);
    expect(vietnamCalendar.workingDaysBetween(at('2026-11-30T08:00:00'), at('2026-11-25T08:00:00'))).toBe(0);
  });
});

describe('extendForPause', () => {
  it('moves the due moment by the working days a supplement wait took', () => {
    // Paused Mon 16 Nov, resumed Thu 19 Nov: Tue, Wed, Thu stood, so Fri 27 Nov becomes Wed 2 Dec.
    const moved = vietnamCalendar.extendForPause(
      dueOn('2026-11-27'),
      at('2026-11-16T10:00:00'),
      at('2026-11-19T15:00:00'),
    );
    expect(moved).toEqual(dueOn('2026-12-02'));
  });

  it('does not count Tết while the case waits', () => {
    // Paused Wed 11 Feb, resumed Tue 24 Feb 2026: Thu 12, Fri 13, Mon 23, Tue 24 stood.
    const moved = vietnamCalendar.extendForPause(
      dueOn('2026-03-05'),
      at('2026-02-11T10:00:00'),
      at('2026-02-24T08:00:00'),
    );
    expect(moved).toEqual(dueOn('2026-03-11'));
  });

  it('leaves the due moment alone for a pause within one day', () => {
    const dueAt = dueOn('2026-11-27');
    const moved = vietnamCalendar.extendForPause(dueAt, at('2026-11-16T08:00:00'), at('2026-11-16T16:00:00'));
    expect(moved).toEqual(dueAt);
    expect(moved).not.toBe(dueAt);
  });
});

describe('properties', () => {
  const receipt = fc.date({
    min: new Date('2025-01-01T00:00:00Z'),
    max: new Date('2028-12-31T00:00:00Z'),
    noInvalidDate: true,
  });

  it('lands on a working day at 17:00 and spans exactly n working days', () => {
    fc.assert(
      fc.property(receipt, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const due = vietnamCalendar.addWorkingDays(from, n);
        expect(vietnamCalendar.isWorkingDay(vietnamDay(due))).toBe(true);
        expect(toVietnamIso(due).slice(10)).toBe('T17:00:00.000+07:00');
        expect(vietnamCalendar.workingDaysBetween(from, due)).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('with n = 0 lands on the receipt day when it is a working day, else on the next one', () => {
    fc.assert(
      fc.property(receipt, (from) => {
        const due = vietnamCalendar.addWorkingDays(from, 0);
        const receivedOnWorkingDay = vietnamCalendar.isWorkingDay(vietnamDay(from));
        expect(vietnamCalendar.isWorkingDay(vietnamDay(due))).toBe(true);
        expect(vietnamCalendar.workingDaysBetween(from, due)).toBe(receivedOnWorkingDay ? 0 : 1);
      }),
      { numRuns: 300 },
    );
  });
});
