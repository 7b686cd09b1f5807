// Shared vocabulary of the domain: roles, statuses and actions, as CONTRACT.md names them.

export const ROLES = ['citizen', 'business', 'official', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const CASE_STATUSES = [
  'awaiting_payment',
  'submitted',
  'processing',
  'needs_supplement',
  'approved',
  'denied',
  'rejected',
  'completed',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Actions an official takes through `POST /api/cases/{code}/actions`. */
export const OFFICIAL_ACTIONS = [
  'receive',
  'reject',
  'request_supplement',
  'approve',
  'deny',
  'issue_result',
  // Version 2: hand the case to a colleague; move the due date with an apology (Mẫu 04).
  'assign',
  'extend',
] as const;
export type OfficialAction = (typeof OFFICIAL_ACTIONS)[number];

/** Every action that moves a case, with who may take it. `submit` opens the history. */
export type CaseAction = OfficialAction | 'submit' | 'confirm_payment' | 'supplement' | 'withdraw';

export type Language = 'vi' | 'en';

export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}
