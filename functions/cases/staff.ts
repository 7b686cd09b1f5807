// An agency's officials and the counts of its queue, as the console reads them.
import { ANY } from '../domain/case-tallies';
import type { Principal } from '../domain/principal';
import type { CaseStatus } from '../domain/types';
import { toVietnamIso } from '../domain/vietnam-time';
import { listAgencyOfficials, rememberOfficial } from '../storage/officials';
import { readQueueCounts } from '../storage/tallies';
import { agencyOfCaller, queueFilterOf } from './queue';

/** Lists an official in their agency, so that colleagues can assign them cases. Admins are not listed. */
export async function rememberCaller(principal: Principal, now: Date): Promise<void> {
  if (principal.role !== 'official' || !principal.agencyId) return;
  await rememberOfficial({
    id: principal.id,
    name: principal.name,
    agencyId: principal.agencyId,
    lastSeenAt: toVietnamIso(now),
  });
}

export async function agencyOfficials(
  principal: Principal,
  requestedAgency: string | undefined,
): Promise<{ items: { id: string; name: string }[] }> {
  const officials = await listAgencyOfficials(agencyOfCaller(principal, requestedAgency));
  return { items: officials.map(({ id, name }) => ({ id, name })) };
}

export async function queueCounts(
  principal: Principal,
  query: { agencyId?: string; procedureId?: string; assignee?: string },
): Promise<{ counts: Record<CaseStatus, number> }> {
  const agencyId = agencyOfCaller(principal, query.agencyId);
  const filter = queueFilterOf(principal, query);
  return { counts: await readQueueCounts(agencyId, filter.procedureId ?? ANY, filter.assignee ?? ANY) };
}
