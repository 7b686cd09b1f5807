// Checks the status machine against CONTRACT.md's table, written out again here by hand.

import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../../functions/domain/errors';
import {
  actionActor,
  allowedActions,
  CASE_ACTIONS,
  firstStatus,
  isDecided,
  isTerminal,
  nextStatus,
  requiresItems,
  requiresNote,
} from '../../functions/domain/status-machine';
import { CASE_STATUSES, type CaseAction, type CaseStatus } from '../../functions/domain/types';

const ALL_ACTIONS: CaseAction[] = [
  'submit',
  'confirm_payment',
  'receive',
  'reject',
  'request_supplement',
  'supplement',
  'approve',
  'deny',
  'issue_result',
  'withdraw',
  'assign',
  'extend',
];

// Copied from CONTRACT.md's table, not from the module. `supplement` is checked separately. Version 2: `assign`
// in any open status and `extend` from processing leave the status as it is.
const EXPECTED: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>> = {
  awaiting_payment: { confirm_payment: 'submitted', withdraw: 'withdrawn', assign: 'awaiting_payment' },
  submitted: {
    receive: 'processing',
    reject: 'rejected',
    request_supplement: 'needs_supplement',
    withdraw: 'withdrawn',
    assign: 'submitted',
  },
  processing: {
    request_supplement: 'needs_supplement',
    approve: 'approved',
    deny: 'denied',
    assign: 'processing',
    extend: 'processing',
  },
  needs_supplement: { withdraw: 'withdrawn', assign: 'needs_supplement' },
  approved: { issue_result: 'completed', assign: 'approved' },
  denied: {},
  rejected: {},
  completed: {},
  withdrawn: {},
};

function expectedMove(
  from: CaseStatus,
  action: CaseAction,
  before: CaseStatus | undefined,
): CaseStatus | undefined {
  if (action === 'supplement') {
    return from === 'needs_supplement' && (before === 'submitted' || before === 'processing')
      ? before
      : undefined;
  }
  return EXPECTED[from][action];
}

function expectInvalid(run: () => unknown, from: CaseStatus, action: CaseAction): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(InvalidTransitionError);
  expect((thrown as InvalidTransitionError).from).toBe(from);
  expect((thrown as InvalidTransitionError).action).toBe(action);
}

describe('status machine', () => {
  it('knows every action of the domain', () => {
    expect([...CASE_ACTIONS].sort()).toEqual([...ALL_ACTIONS].sort());
    expect(CASE_STATUSES).toHaveLength(9);
  });

  const beforeChoices: (CaseStatus | undefined)[] = [undefined, ...CASE_STATUSES];
  const cases = CASE_STATUSES.flatMap((from) =>
    ALL_ACTIONS.flatMap((action) => beforeChoices.map((before) => ({ from, action, before }))),
  );

  it('covers the full product of statuses, actions and statuses before a supplement', () => {
    expect(cases).toHaveLength(9 * 12 * 10);
  });

  it.each(cases)('$from + $action (before supplement: $before)', ({ from, action, before }) => {
    const expected = expectedMove(from, action, before);
    if (expected === undefined) {
      expectInvalid(() => nextStatus(from, action, before), from, action);
    } else {
      expect(nextStatus(from, action, before)).toBe(expected);
    }
  });

  it('returns a supplemented case to the status it had when the supplement was requested', () => {
    expect(nextStatus('needs_supplement', 'supplement', 'submitted')).toBe('submitted');
    expect(nextStatus('needs_supplement', 'supplement', 'processing')).toBe('processing');
    expectInvalid(() => nextStatus('needs_supplement', 'supplement'), 'needs_supplement', 'supplement');
    expectInvalid(
      () => nextStatus('needs_supplement', 'supplement', 'approved'),
      'needs_supplement',
      'supplement',
    );
  });

  it('never treats submit as a transition', () => {
    for (const from of CASE_STATUSES) expectInvalid(() => nextStatus(from, 'submit'), from, 'submit');
  });

  it.each(CASE_STATUSES)('lists the allowed actions from %s', (status) => {
    const expected = Object.keys(EXPECTED[status]);
    if (status === 'needs_supplement') expected.push('supplement');
    expect([...allowedActions(status)].sort()).toEqual(expected.sort());
  });

  it('marks decided statuses, after which withdrawing is refused', () => {
    const decided = CASE_STATUSES.filter(isDecided).sort();
    expect(decided).toEqual(['approved', 'completed', 'denied', 'rejected', 'withdrawn']);
    for (const status of decided) expect(allowedActions(status)).not.toContain('withdraw');
  });

  it('marks terminal statuses', () => {
    expect(CASE_STATUSES.filter(isTerminal).sort()).toEqual(['completed', 'denied', 'rejected', 'withdrawn']);
  });

  it('says who takes each action', () => {
    expect(actionActor).toEqual({
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
    });
  });

  it('requires a note for reject, deny and extend only, and items for request_supplement only', () => {
    expect(ALL_ACTIONS.filter(requiresNote).sort()).toEqual(['deny', 'extend', 'reject']);
    expect(ALL_ACTIONS.filter(requiresItems)).toEqual(['request_supplement']);
  });

  it('never leaves the known statuses, and terminal statuses stay terminal, whatever the sequence', () => {
    const terminal = new Set<CaseStatus>(['withdrawn', 'completed', 'denied', 'rejected']);
    fc.assert(
      fc.property(
        fc.constantFrom<CaseStatus>('awaiting_payment', 'submitted'),
        fc.array(fc.nat(), { maxLength: 40 }),
        (start, choices) => {
          let status = start;
          let beforeSupplement: CaseStatus | undefined;
          let decided = false;
          for (const choice of choices) {
            const allowed = allowedActions(status);
            if (terminal.has(status)) {
              expect(allowed).toEqual([]);
              for (const action of ALL_ACTIONS) {
                expect(() => nextStatus(status, action, beforeSupplement)).toThrow(InvalidTransitionError);
              }
              return;
            }
            expect(allowed.length).toBeGreaterThan(0);
            const action = allowed[choice % allowed.length]!;
            if (action === 'request_supplement') beforeSupplement = status;
            const next = nextStatus(status, action, beforeSupplement);
            expect(CASE_STATUSES).toContain(next);
            expect(next).toBe(expectedMove(status, action, beforeSupplement));
            if (decided) expect(isDecided(next)).toBe(true);
            decided = isDecided(next);
            status = next;
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('starts a level-4 case with a fee awaiting payment, and every other case submitted', () => {
    expect(firstStatus({ level: 4, fee: { amount: 100_000 } })).toBe('awaiting_payment');
    expect(firstStatus({ level: 4, fee: null })).toBe('submitted');
    expect(firstStatus({ level: 4, fee: { amount: 0 } })).toBe('submitted');
    // Level 3: the fee is paid at the desk when the result is collected.
    expect(firstStatus({ level: 3, fee: { amount: 50_000 } })).toBe('submitted');
  });
});
