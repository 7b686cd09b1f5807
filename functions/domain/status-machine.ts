// The case status machine of CONTRACT.md: which action moves a case from which status to which.

import { InvalidTransitionError } from './errors';
import type { CaseAction, CaseStatus } from './types';

export type ActionActor = 'official' | 'applicant' | 'system';

/** Who takes each action; a `Record` so that a new CaseAction cannot be forgotten here. */
export const actionActor: Readonly<Record<CaseAction, ActionActor>> = {
  submit: 'applicant',
  confirm_payment: 'system',
  receive: 'official',
  reject: 'official',
  request_supplement: 'official',
  supplement: 'applicant',
  approve: 'official',
  deny: 'official',
  issue_result: 'official',
  withdraw: 'applicant',
  assign: 'official',
  extend: 'official',
};

export const CASE_ACTIONS = Object.keys(actionActor) as readonly CaseAction[];

/**
 * The contract's table. `supplement` is absent: where it leads depends on the status the case had
 * when the supplement was requested, so `nextStatus` resolves it.
 */
const TRANSITIONS: Readonly<Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>>> = {
  awaiting_payment: { confirm_payment: 'submitted', withdraw: 'withdrawn' },
  submitted: {
    receive: 'processing',
    reject: 'rejected',
    request_supplement: 'needs_supplement',
    withdraw: 'withdrawn',
  },
  processing: { request_supplement: 'needs_supplement', approve: 'approved', deny: 'denied' },
  needs_supplement: { withdraw: 'withdrawn' },
  approved: { issue_result: 'completed' },
  denied: {},
  rejected: {},
  completed: {},
  withdrawn: {},
};

/**
 * Actions that leave the status as it is (an event and a version, no move): a hand-off to a colleague while the
 * case is open, a new due date while it is being processed (CONTRACT.md v2, "Assignment, extension and audit").
 */
const STAYING_ACTIONS: Readonly<Partial<Record<CaseAction, ReadonlySet<CaseStatus>>>> = {
  assign: new Set(['awaiting_payment', 'submitted', 'processing', 'needs_supplement', 'approved']),
  extend: new Set(['processing']),
};

/** A supplement answers a request made from one of these, and the case returns there. */
const SUPPLEMENT_RETURN_STATUSES: ReadonlySet<CaseStatus> = new Set(['submitted', 'processing']);

const DECIDED_STATUSES: ReadonlySet<CaseStatus> = new Set([
  'approved',
  'denied',
  'rejected',
  'completed',
  'withdrawn',
]);

const TERMINAL_STATUSES: ReadonlySet<CaseStatus> = new Set(['denied', 'rejected', 'completed', 'withdrawn']);

/**
 * The status a new case starts in: a fee of a full online (level 4) procedure is paid online before the
 * agency receives the case; otherwise it is submitted (a level-3 fee is paid at the desk).
 */
export function firstStatus(procedure: {
  readonly level: 3 | 4;
  readonly fee: { readonly amount: number } | null;
}): CaseStatus {
  return procedure.level === 4 && procedure.fee !== null && procedure.fee.amount > 0
    ? 'awaiting_payment'
    : 'submitted';
}

/** The applicant must be told why (Mẫu 03 for a refusal to accept; a reasoned denial; Mẫu 04 for a delay). */
export const NOTE_REQUIRED: ReadonlySet<CaseAction> = new Set(['reject', 'deny', 'extend']);

/**
 * The status a case moves to. `statusBeforeSupplement` is the status the case had when the
 * supplement was requested; only `supplement` reads it.
 * @throws InvalidTransitionError when the table has no such move (`submit` opens a case, it never moves one).
 */
export function nextStatus(
  from: CaseStatus,
  action: CaseAction,
  statusBeforeSupplement?: CaseStatus,
): CaseStatus {
  if (action === 'supplement') {
    if (
      from === 'needs_supplement' &&
      statusBeforeSupplement !== undefined &&
      SUPPLEMENT_RETURN_STATUSES.has(statusBeforeSupplement)
    ) {
      return statusBeforeSupplement;
    }
    throw new InvalidTransitionError(from, action);
  }
  const staying = STAYING_ACTIONS[action];
  if (staying) {
    if (staying.has(from)) return from;
    throw new InvalidTransitionError(from, action);
  }
  const to = TRANSITIONS[from]?.[action];
  if (to === undefined) throw new InvalidTransitionError(from, action);
  return to;
}

/** Actions the table allows from `status`, in the contract's order. */
export function allowedActions(status: CaseStatus): CaseAction[] {
  const actions = Object.keys(TRANSITIONS[status] ?? {}) as CaseAction[];
  if (status === 'needs_supplement') actions.unshift('supplement');
  for (const [action, from] of Object.entries(STAYING_ACTIONS)) {
    if (from?.has(status)) actions.push(action as CaseAction);
  }
  return actions;
}

/** Once decided, the applicant can no longer withdraw (409 on `withdraw`). */
export function isDecided(status: CaseStatus): boolean {
  return DECIDED_STATUSES.has(status);
}

/** No action moves a case out of a terminal status. */
export function isTerminal(status: CaseStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}

export function requiresNote(action: CaseAction): boolean {
  return NOTE_REQUIRED.has(action);
}

/** A supplement request must list what to redo (Mẫu 02). */
export function requiresItems(action: CaseAction): boolean {
  return action === 'request_supplement';
}
