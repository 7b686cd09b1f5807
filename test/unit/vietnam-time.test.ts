// The Vietnam day of an instant and Vietnam-time ISO strings, checked on instants worked out by hand.
import { describe, expect, it } from 'vitest';
import { caseCodeDay } from '../../functions/domain/case-code';
import { toVietnamIso, vietnamDay } from '../../functions/domain/vietnam-time';

describe('vietnamDay', () => {
  it('turns at 17:00 UTC, on ordinary days, leap days and the new year', () => {
    expect(vietnamDay(new Date('2024-02-28T16:59:59.999Z'))).toBe('2024-02-28');
    expect(vietnamDay(new Date('2024-02-28T17:00:00.000Z'))).toBe('2024-02-29');
    expect(vietnamDay(new Date('2024-12-31T17:00:00.000Z'))).toBe('2025-01-01');
    expect(vietnamDay(new Date('1999-12-31T16:00:00.000Z'))).toBe('1999-12-31');
  });

  it('refuses an invalid date rather than naming a day', () => {
    expect(() => vietnamDay(new Date('not a date'))).toThrow(RangeError);
    expect(() => toVietnamIso(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('is the day a case code carries', () => {
    expect(caseCodeDay(new Date('2025-01-14T17:30:00Z'))).toBe('250115');
    expect(caseCodeDay(new Date('2025-01-14T16:30:00Z'))).toBe('250114');
  });
});

describe('toVietnamIso', () => {
  it('writes the instant seven hours ahead with +07:00, keeping milliseconds', () => {
    expect(toVietnamIso(new Date('2024-02-28T17:00:00.007Z'))).toBe('2024-02-29T00:00:00.007+07:00');
    expect(toVietnamIso(new Date('2025-06-30T09:15:00Z'))).toBe('2025-06-30T16:15:00.000+07:00');
  });
});
