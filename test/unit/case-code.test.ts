// Checks case codes of Circular 01/2018/TT-VPCP art. 19 against codes written by hand.

import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASE_CODE_PATTERN,
  caseCodeDay,
  formatCaseCode,
  parseCaseCode,
} from '../../functions/domain/case-code';

const AGENCY = '000.20.31.H56';

describe('caseCodeDay', () => {
  it('uses the day in Vietnam, seven hours ahead of UTC', () => {
    expect(caseCodeDay(new Date('2026-11-28T05:00:00Z'))).toBe('261128');
    expect(caseCodeDay(new Date('2026-11-27T23:30:00Z'))).toBe('261128');
    expect(caseCodeDay(new Date('2026-11-27T16:59:59.999Z'))).toBe('261127');
    expect(caseCodeDay(new Date('2026-12-31T17:00:00Z'))).toBe('270101');
  });

  it('refuses an invalid date', () => {
    expect(() => caseCodeDay(new Date('nope'))).toThrow(RangeError);
  });
});

describe('formatCaseCode', () => {
  it('joins agency, Vietnam day and a four-digit sequence', () => {
    expect(formatCaseCode(AGENCY, new Date('2026-11-28T05:00:00Z'), 1)).toBe('000.20.31.H56-261128-0001');
    expect(formatCaseCode(AGENCY, new Date('2026-11-27T23:30:00Z'), 42)).toBe('000.20.31.H56-261128-0042');
    expect(formatCaseCode('000.00.00.H56', new Date('2027-02-03T02:00:00Z'), 9999)).toBe(
      '000.00.00.H56-270203-9999',
    );
  });

  it('widens rather than fails past 9999 cases in a day', () => {
    expect(formatCaseCode(AGENCY, new Date('2026-11-28T05:00:00Z'), 10000)).toBe(
      '000.20.31.H56-261128-10000',
    );
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses sequence %s', (sequence) => {
    expect(() => formatCaseCode(AGENCY, new Date('2026-11-28T05:00:00Z'), sequence)).toThrow(RangeError);
  });

  it.each(['', '000.20.31.H56-x', '000..20', '.H56', 'H56.', 'Sở Tư pháp'])(
    'refuses agency code %j',
    (agency) => {
      expect(() => formatCaseCode(agency, new Date('2026-11-28T05:00:00Z'), 1)).toThrow(RangeError);
    },
  );
});

describe('parseCaseCode', () => {
  it('splits a code into its parts', () => {
    expect(parseCaseCode('000.20.31.H56-261128-0042')).toEqual({
      agencyCode: '000.20.31.H56',
      day: '261128',
      sequence: 42,
    });
    expect(parseCaseCode('000.20.31.H56-261128-12345')).toEqual({
      agencyCode: '000.20.31.H56',
      day: '261128',
      sequence: 12345,
    });
  });

  it.each([
    '000.20.31.H56-261128-042',
    '000.20.31.H56-261128-00042',
    '000.20.31.H56-261128-0000',
    '000.20.31.H56-260230-0001',
    '000.20.31.H56-261328-0001',
    '000.20.31.H56-2611280-0001',
    '000.20.31.H56 -261128-0001',
    '-261128-0001',
    '000.20.31.H56-261128',
    ' 000.20.31.H56-261128-0001',
    '000.20.31.H56-261128-0001\n',
  ])('rejects %j', (code) => {
    expect(parseCaseCode(code)).toBeNull();
  });

  it('exposes the pattern for route validation', () => {
    expect(CASE_CODE_PATTERN.test('000.20.31.H56-261128-0001')).toBe(true);
    expect(CASE_CODE_PATTERN.test('000.20.31.H56-261128-1')).toBe(false);
    expect(CASE_CODE_PATTERN.test('../etc/passwd')).toBe(false);
  });

  it('reads back whatever formatCaseCode writes', () => {
    const agencyCode = fc
      .array(fc.stringMatching(/^[A-Z0-9]{1,3}$/), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join('.'));
    fc.assert(
      fc.property(
        agencyCode,
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-30T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 200_000 }),
        (agency, at, sequence) => {
          const code = formatCaseCode(agency, at, sequence);
          expect(CASE_CODE_PATTERN.test(code)).toBe(true);
          expect(parseCaseCode(code)).toEqual({ agencyCode: agency, day: caseCodeDay(at), sequence });
        },
      ),
    );
  });
});
