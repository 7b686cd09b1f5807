// The applicant withdraws an application: a change with no files, so that it needs no document storage.
import type { Principal } from '../domain/principal';
import { toVietnamIso } from '../domain/vietnam-time';
import { actorOf, commitChange } from './change';
import { loadVisibleCase } from './queries';

export async function withdrawApplication(
  principal: Principal,
  code: string,
  reason: string | undefined,
  now = new Date(),
) {
  const { record, events, parts } = await loadVisibleCase(principal, code);
  return commitChange({
    record,
    events,
    parts,
    action: 'withdraw',
    actor: actorOf(principal),
    expectedVersion: record.version,
    note: reason,
    now,
    patch: { decidedAt: toVietnamIso(now), pausedAt: undefined },
  });
}
