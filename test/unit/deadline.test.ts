// The agency's clock: which statuses run it, when a case is overdue, and how the queue orders cases.
import { describe, expect, it } from 'vitest';
import { isAgencyClockRunning, isOverdue, queueSortTime } from '../../functions/domain/deadline';
import { CASE_STATUSES } from '../../functions/domain/types';

describe('the agency clock', () => {
  it('runs from submission until the result is issued, and stops for a supplement or a refusal', () => {
    const running = CASE_STATUSES.filter(isAgencyClockRunning);
    expect(running).toEqual(['awaiting_payment', 'submitted', 'processing', 'approved']);
  });

  it('makes a case overdue only after its due moment, and only while the clock runs', () => {
    const dueAt = '2026-12-03T17:00:00.000+07:00';
    const justBefore = new Date('2026-12-03T09:59:59.999Z');
    const justAfter = new Date('2026-12-03T10:00:00.001Z');
    expect(isOverdue({ status: 'processing', dueAt }, justBefore)).toBe(false);
    expect(isOverdue({ status: 'processing', dueAt }, justAfter)).toBe(true);
    expect(isOverdue({ status: 'needs_supplement', dueAt }, justAfter)).toBe(false);
    expect(isOverdue({ status: 'completed', dueAt }, justAfter)).toBe(false);
  });
});

describe('queue order', () => {
  const submittedAt = '2026-11-28T08:00:00.000+07:00';
  const dueAt = '2026-12-03T17:00:00.000+07:00';
  it('sorts a submitted case by when it came in, and a received one by when it falls due', () => {
    expect(queueSortTime({ status: 'submitted', submittedAt, dueAt })).toBe(submittedAt);
    expect(queueSortTime({ status: 'processing', submittedAt, dueAt })).toBe(dueAt);
    expect(queueSortTime({ status: 'needs_supplement', submittedAt, dueAt })).toBe(dueAt);
  });
});
