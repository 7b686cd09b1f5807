// What a change of a case adds to the counts kept of it: the queue's tab counts and the public statistics.
// Pure: the stream consumer feeds it the item before and after each write and stores the sums it returns.

import type { CaseStatus } from './types';
import { vietnamDay } from './vietnam-time';

/** The facts of a case that the counts depend on (a stored case item has them all). */
export interface CaseFacts {
  readonly agencyId: string;
  readonly procedureId: string;
  readonly status: CaseStatus;
  readonly dueAt: string;
  readonly receivedAt?: string;
  readonly decidedAt?: string;
  readonly assignee?: { readonly id: string };
}

/** Any procedure or any assignee, in a queue count: the tab without that filter. */
export const ANY = '*';
/** The assignee of a case nobody was assigned. */
export const UNASSIGNED = 'none';
/** The due day of a pending case whose clock stands (waiting for the applicant's supplement). */
export const PAUSED = 'paused';

/** Resolved (Decision 766/QĐ-TTg's "đã giải quyết"): the decision is made, the result is ready. */
const RESOLVED: ReadonlySet<CaseStatus> = new Set(['approved', 'denied', 'completed']);
/** Received and still being handled by the agency (or waiting on a supplement it asked for). */
const PENDING: ReadonlySet<CaseStatus> = new Set(['processing', 'needs_supplement']);

export type MonthField = 'received' | 'resolvedOnTime' | 'resolvedLate';

/** One count. Queue counts and pending buckets are stocks (a case stands in them); month counts are flows. */
export type Tally =
  | {
      readonly kind: 'queue';
      readonly agencyId: string;
      readonly status: CaseStatus;
      /** A procedure id or ANY. */
      readonly procedureId: string;
      /** An official's id, UNASSIGNED or ANY. */
      readonly assignee: string;
    }
  | {
      readonly kind: 'month';
      readonly agencyId: string;
      /** `YYYY-MM` in Vietnam. */
      readonly month: string;
      readonly procedureId: string;
      readonly field: MonthField;
    }
  | {
      readonly kind: 'pending';
      readonly agencyId: string;
      /** The month the case was received, `YYYY-MM`. */
      readonly month: string;
      readonly procedureId: string;
      /** The Vietnam day it falls due, `YYYY-MM-DD`, or PAUSED. */
      readonly due: string;
    };

export interface TallyChange {
  readonly tally: Tally;
  readonly delta: number;
}

/** The Vietnam month (`YYYY-MM`) of an ISO time. */
export const vietnamMonth = (iso: string): string => vietnamDay(new Date(iso)).slice(0, 7);

/** A case is resolved on time when its decision is made by its due moment. */
export function resolvedOnTime(facts: Pick<CaseFacts, 'decidedAt' | 'dueAt'>): boolean {
  return (
    facts.decidedAt !== undefined && new Date(facts.decidedAt).getTime() <= new Date(facts.dueAt).getTime()
  );
}

/** The counts a case stands in while it is as `facts` say: its queue tabs, and its pending bucket. */
function standing(facts: CaseFacts): Tally[] {
  const assignee = facts.assignee?.id ?? UNASSIGNED;
  const tallies: Tally[] = [];
  for (const procedureId of [ANY, facts.procedureId]) {
    for (const who of [ANY, assignee]) {
      tallies.push({
        kind: 'queue',
        agencyId: facts.agencyId,
        status: facts.status,
        procedureId,
        assignee: who,
      });
    }
  }
  if (facts.receivedAt && PENDING.has(facts.status)) {
    tallies.push({
      kind: 'pending',
      agencyId: facts.agencyId,
      month: vietnamMonth(facts.receivedAt),
      procedureId: facts.procedureId,
      due: facts.status === 'needs_supplement' ? PAUSED : vietnamDay(new Date(facts.dueAt)),
    });
  }
  return tallies;
}

/** What happened between the two states that counts once: received, resolved on time or late. */
function flows(before: CaseFacts | undefined, after: CaseFacts): Tally[] {
  const tallies: Tally[] = [];
  if (after.receivedAt && !before?.receivedAt) {
    tallies.push({
      kind: 'month',
      agencyId: after.agencyId,
      month: vietnamMonth(after.receivedAt),
      procedureId: after.procedureId,
      field: 'received',
    });
  }
  const wasResolved = before !== undefined && RESOLVED.has(before.status);
  if (!wasResolved && RESOLVED.has(after.status) && after.receivedAt) {
    const decidedAt = after.decidedAt ?? after.dueAt;
    tallies.push({
      kind: 'month',
      agencyId: after.agencyId,
      month: vietnamMonth(decidedAt),
      procedureId: after.procedureId,
      field: resolvedOnTime({ decidedAt, dueAt: after.dueAt }) ? 'resolvedOnTime' : 'resolvedLate',
    });
  }
  return tallies;
}

/** A key that names a tally exactly, so that opposite changes of one count cancel out. */
export function tallyKey(tally: Tally): string {
  switch (tally.kind) {
    case 'queue':
      return `queue|${tally.agencyId}|${tally.status}|${tally.procedureId}|${tally.assignee}`;
    case 'month':
      return `month|${tally.agencyId}|${tally.month}|${tally.procedureId}|${tally.field}`;
    case 'pending':
      return `pending|${tally.agencyId}|${tally.month}|${tally.procedureId}|${tally.due}`;
  }
}

/**
 * The changes of counts that one write of a case makes, from the item before (absent for a new case) to the item
 * after, netted: a write that moves nothing that is counted (a new document, an edited note) changes nothing.
 */
export function tallyChanges(before: CaseFacts | undefined, after: CaseFacts): TallyChange[] {
  const net = new Map<string, TallyChange>();
  const add = (tally: Tally, delta: number) => {
    const key = tallyKey(tally);
    const sum = (net.get(key)?.delta ?? 0) + delta;
    if (sum === 0) net.delete(key);
    else net.set(key, { tally, delta: sum });
  };
  if (before) for (const tally of standing(before)) add(tally, -1);
  for (const tally of standing(after)) add(tally, +1);
  for (const tally of flows(before, after)) add(tally, +1);
  return [...net.values()];
}
