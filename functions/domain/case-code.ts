// Case codes of Circular 01/2018/TT-VPCP art. 19: `<agency code>-YYMMDD-NNNN`.

import { vietnamDay } from './vietnam-time';

const SEQUENCE_DIGITS = 4;

/**
 * Agency code (QCVN 102:2016/BTTTT, e.g. `000.20.31.H56`: letters and digits in dot-separated parts),
 * the receiving day YYMMDD, and the sequence: four digits, or more without a leading zero once a day
 * passes 9999 (see `formatCaseCode`).
 */
export const CASE_CODE_PATTERN = /^([A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)-(\d{6})-(\d{4}|[1-9]\d{4,})$/;

const AGENCY_CODE_PATTERN = /^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*$/;

export interface CaseCodeParts {
  readonly agencyCode: string;
  /** YYMMDD, the day of submission in Vietnam. */
  readonly day: string;
  readonly sequence: number;
}

/** 'YYMMDD' of the day `at` falls on in Vietnam (23:30 UTC is already the next day there). */
export function caseCodeDay(at: Date): string {
  const day = vietnamDay(at);
  return `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
}

/**
 * The code of the `sequence`-th case (from 1) that the agency received on the Vietnam day of `at`.
 * The circular gives four digits; if an agency ever receives more than 9999 cases in a day, the number
 * widens to five digits rather than refusing a citizen's application, and the code stays unique.
 */
export function formatCaseCode(agencyCode: string, at: Date, sequence: number): string {
  if (!AGENCY_CODE_PATTERN.test(agencyCode)) throw new RangeError(`not an agency code: ${agencyCode}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`sequence must be a positive integer: ${sequence}`);
  }
  return `${agencyCode}-${caseCodeDay(at)}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/** The parts of a well-formed code, or null (also for a day that does not exist, or sequence 0000). */
export function parseCaseCode(code: string): CaseCodeParts | null {
  const match = CASE_CODE_PATTERN.exec(code);
  if (!match) return null;
  const [, agencyCode, day, digits] = match as unknown as [string, string, string, string];
  const year = 2000 + Number(day.slice(0, 2));
  const month = Number(day.slice(2, 4));
  const date = Number(day.slice(4, 6));
  const probe = new Date(Date.UTC(year, month - 1, date));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== date) return null;
  const sequence = Number(digits);
  if (sequence < 1 || !Number.isSafeInteger(sequence)) return null;
  return { agencyCode, day, sequence };
}
