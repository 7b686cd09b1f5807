// The counts a case change makes: summed over any run of changes, they are what a recount of the cases would give.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANY,
  type CaseFacts,
  PAUSED,
  type TallyChange,
  tallyChanges,
  tallyKey,
  UNASSIGNED,
} from '../../functions/domain/case-tallies';
import type { CaseStatus } from '../../functions/domain/types';

const base: CaseFacts = {
  agencyId: 'ubnd-xa-gia-sinh',
  procedureId: 'dang-ky-ket-hon',
  status: 'submitted',
  dueAt: '2025-03-13T17:00:00.000+07:00',
};

const sum = (changes: readonly TallyChange[]) => {
  const totals = new Map<string, number>();
  for (const { tally, delta } of changes)
    totals.set(tallyKey(tally), (totals.get(tallyKey(tally)) ?? 0) + delta);
  for (const [key, value] of totals) if (value === 0) totals.delete(key);
  return totals;
};

describe('tally changes of one write', () => {
  it('puts a new case in its four queue counts (any or its procedure, any or nobody assigned)', () => {
    const keys = tallyChanges(undefined, base).map((c) => [tallyKey(c.tally), c.delta]);
    expect(keys.sort()).toEqual(
      [
        `queue|ubnd-xa-gia-sinh|submitted|${ANY}|${ANY}`,
        `queue|ubnd-xa-gia-sinh|submitted|${ANY}|${UNASSIGNED}`,
        `queue|ubnd-xa-gia-sinh|submitted|dang-ky-ket-hon|${ANY}`,
        `queue|ubnd-xa-gia-sinh|submitted|dang-ky-ket-hon|${UNASSIGNED}`,
      ]
        .map((key) => [key, 1])
        .sort(),
    );
  });

  it('counts a receipt in its month and a pending case by its due day, and nothing for a write that moves nothing', () => {
    const received = { ...base, status: 'processing' as const, receivedAt: '2025-03-06T09:00:00.000+07:00' };
    const totals = sum(tallyChanges(base, received));
    expect(totals.get('month|ubnd-xa-gia-sinh|2025-03|dang-ky-ket-hon|received')).toBe(1);
    expect(totals.get('pending|ubnd-xa-gia-sinh|2025-03|dang-ky-ket-hon|2025-03-13')).toBe(1);
    expect(totals.get(`queue|ubnd-xa-gia-sinh|submitted|${ANY}|${ANY}`)).toBe(-1);
    expect(totals.get(`queue|ubnd-xa-gia-sinh|processing|${ANY}|${ANY}`)).toBe(1);
    expect(tallyChanges(received, { ...received })).toEqual([]);
  });

  it('counts a decision by its month, on time up to the due moment and late after it', () => {
    const received = { ...base, status: 'processing' as const, receivedAt: '2025-03-06T09:00:00.000+07:00' };
    const decide = (decidedAt: string, status: CaseStatus = 'approved') =>
      sum(tallyChanges(received, { ...received, status, decidedAt }));
    expect(
      decide('2025-03-13T17:00:00.000+07:00').get(
        'month|ubnd-xa-gia-sinh|2025-03|dang-ky-ket-hon|resolvedOnTime',
      ),
    ).toBe(1);
    expect(
      decide('2025-03-13T17:00:00.001+07:00').get(
        'month|ubnd-xa-gia-sinh|2025-03|dang-ky-ket-hon|resolvedLate',
      ),
    ).toBe(1);
    // A decision in April, in Vietnam time (it is still 31 March in UTC).
    expect(
      decide('2025-04-01T06:00:00.000+07:00', 'denied').get(
        'month|ubnd-xa-gia-sinh|2025-04|dang-ky-ket-hon|resolvedLate',
      ),
    ).toBe(1);
    // Issuing the result of an approved case resolves nothing again.
    const approved = { ...received, status: 'approved' as const, decidedAt: '2025-03-10T10:00:00.000+07:00' };
    const issued = sum(tallyChanges(approved, { ...approved, status: 'completed' }));
    expect([...issued.keys()].filter((key) => key.startsWith('month|'))).toEqual([]);
  });

  it('puts a case waiting for a supplement among the pending cases whose clock stands', () => {
    const received = { ...base, status: 'processing' as const, receivedAt: '2025-03-06T09:00:00.000+07:00' };
    const totals = sum(tallyChanges(received, { ...received, status: 'needs_supplement' }));
    expect(totals.get(`pending|ubnd-xa-gia-sinh|2025-03|dang-ky-ket-hon|${PAUSED}`)).toBe(1);
    expect(totals.get('pending|ubnd-xa-gia-sinh|2025-03|dang-ky-ket-hon|2025-03-13')).toBe(-1);
  });
});

/** A random walk through the status machine, with hand-offs, extensions and decisions at random moments. */
const step = fc.record({
  choice: fc.nat(),
  minutes: fc.integer({ min: 1, max: 60 * 24 * 20 }),
  assignee: fc.constantFrom(undefined, 'a', 'b'),
});

function walk(steps: readonly { choice: number; minutes: number; assignee: string | undefined }[]) {
  let time = Date.parse('2025-03-03T01:00:00Z');
  let facts: CaseFacts = { ...base, dueAt: '2025-03-10T17:00:00.000+07:00' };
  const states: CaseFacts[] = [facts];
  const iso = (ms: number) => new Date(ms).toISOString();
  for (const { choice, minutes, assignee } of steps) {
    time += minutes * 60_000;
    const moves: Partial<CaseFacts>[] = [];
    switch (facts.status) {
      case 'submitted':
        moves.push({ status: 'processing', receivedAt: iso(time), dueAt: iso(time + 5 * 86_400_000) });
        moves.push({ status: 'rejected', decidedAt: iso(time) });
        moves.push({ status: 'withdrawn' });
        break;
      case 'processing':
        moves.push({ status: 'approved', decidedAt: iso(time) }, { status: 'denied', decidedAt: iso(time) });
        moves.push({ status: 'needs_supplement' });
        moves.push({ dueAt: iso(Date.parse(facts.dueAt) + 3 * 86_400_000) });
        break;
      case 'needs_supplement':
        moves.push({ status: 'processing' }, { status: 'withdrawn' });
        break;
      case 'approved':
        moves.push({ status: 'completed' });
        break;
      default:
        return states;
    }
    moves.push({ assignee: assignee ? { id: assignee } : undefined });
    facts = { ...facts, ...moves[choice % moves.length] };
    states.push(facts);
  }
  return states;
}

/** What a recount of the cases, from scratch, gives. */
function recount(cases: readonly CaseFacts[]) {
  return sum(cases.flatMap((facts) => tallyChanges(undefined, facts)));
}

describe('tally changes over runs of changes', () => {
  it('add up, change by change, to a recount of the final cases', () => {
    fc.assert(
      fc.property(fc.array(fc.array(step, { maxLength: 12 }), { minLength: 1, maxLength: 6 }), (runs) => {
        const changes: TallyChange[] = [];
        const finals: CaseFacts[] = [];
        for (const run of runs) {
          const states = walk(run);
          changes.push(...tallyChanges(undefined, states[0]!));
          for (let i = 1; i < states.length; i++) changes.push(...tallyChanges(states[i - 1], states[i]!));
          finals.push(states.at(-1)!);
        }
        // Flows (received, resolved) count what happened on the way, which the final states also show: a case
        // received once is received; one decided once stays decided.
        expect(sum(changes)).toEqual(recount(finals));
        for (const [key, value] of sum(changes)) expect(value, key).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
