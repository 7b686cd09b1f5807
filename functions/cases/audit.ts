// The audit trail as the officials' routes use it: who read or did what to a case, recorded before they are answered.

import { findAgency } from '../../schemas/agencies';
import type { AuditEntry } from '../../schemas/api';
import type { Principal } from '../domain/principal';
import { toVietnamIso } from '../domain/vietnam-time';
import {
  auditEntryItem,
  listAgencyAuditEntries,
  listAuditEntries,
  recordAgencyAuditEntry,
  recordAuditEntry,
} from '../storage/audit';
import type { TransactItem } from '../storage/dynamo';
import type { AgencyAuditRecord, AuditActor, AuditRecord } from '../storage/records';

/** A signed-in person as the trail names them, with the agency they act for. */
export function principalActor(principal: Principal): AuditActor {
  const agency = principal.agencyId ? findAgency(principal.agencyId) : undefined;
  return {
    id: principal.id,
    name: principal.name,
    role: principal.role,
    ...(agency ? { agencyId: agency.id, agencyName: agency.name } : {}),
  };
}

/**
 * The platform itself, acting on what another system told it (`vnpay`, a payment gateway's notification): the
 * role `system`, the system's name, and an id no account can have (`system:<name>`).
 */
export function systemActor(system: string): AuditActor {
  return { id: `system:${system}`, name: system, role: 'system' };
}

/** The audit entry of `actor` doing `action` to case `code` at `at` (Vietnam time). */
export function auditRecord(
  actor: AuditActor,
  code: string,
  action: string,
  at: string,
  detail?: string,
): AuditRecord {
  return { type: 'audit', caseCode: code, at, actor, action, ...(detail ? { detail } : {}) };
}

/** The audit entry of `principal` doing `action` to case `code` at `now`. */
export function auditEntryOf(
  principal: Principal,
  code: string,
  action: string,
  now: Date,
  detail?: string,
): AuditRecord {
  return auditRecord(principalActor(principal), code, action, toVietnamIso(now), detail);
}

/** Reads by the case's applicant are theirs to make; every other read of personal data is recorded. */
const isRecordedReader = (principal: Principal) =>
  principal.role === 'official' || principal.role === 'admin';

/**
 * Records that `principal` read the case (`view`) or downloaded one of its files (`download`, named in `detail`).
 * Resolves once stored; the caller answers only then, so a read that cannot be recorded fails.
 */
export async function recordRead(
  principal: Principal,
  code: string,
  read: 'view' | 'download',
  now: Date,
  detail?: string,
): Promise<void> {
  if (!isRecordedReader(principal)) return;
  await recordAuditEntry(auditEntryOf(principal, code, read, now, detail));
}

/** Transaction item: the audit entry of an action, written with the change itself. */
export function actionAuditItem(
  principal: Principal,
  code: string,
  action: string,
  now: Date,
  detail?: string,
): TransactItem {
  return auditEntryItem(auditEntryOf(principal, code, action, now, detail));
}

/**
 * Records that `principal` read many of the agency's cases at once (the register, described in `detail`), in the
 * agency's access log. Resolves once stored; the caller answers only then.
 */
export async function recordAgencyRead(
  principal: Principal,
  agencyId: string,
  now: Date,
  detail: string,
): Promise<void> {
  if (!isRecordedReader(principal)) return;
  await recordAgencyAuditEntry({
    type: 'agency-audit',
    agencyId,
    at: toVietnamIso(now),
    actor: principalActor(principal),
    action: 'download',
    detail,
  });
}

/** One page of a case's audit trail, oldest first. */
export async function auditPage(
  code: string,
  limit: number,
  cursor?: string,
): Promise<{ items: AuditEntry[]; nextCursor?: string }> {
  return entriesPage(await listAuditEntries(code, limit, cursor));
}

/** One page of an agency's access log (its reads of many cases at once), oldest first. */
export async function agencyAuditPage(
  agencyId: string,
  limit: number,
  cursor?: string,
): Promise<{ items: AuditEntry[]; nextCursor?: string }> {
  return entriesPage(await listAgencyAuditEntries(agencyId, limit, cursor));
}

function entriesPage(page: {
  readonly items: readonly (AuditRecord | AgencyAuditRecord)[];
  readonly nextCursor?: string;
}): { items: AuditEntry[]; nextCursor?: string } {
  return {
    items: page.items.map((entry) => ({
      at: entry.at,
      actor: { id: entry.actor.id, name: entry.actor.name, role: entry.actor.role },
      action: entry.action,
      ...(entry.detail ? { detail: entry.detail } : {}),
    })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
