// One change of a case after submission, as one conditional transaction: case, event, notifications, claims.
import { countEvent } from '../commons/observability';
import { ValidationFailedError, VersionConflictError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { nextStatus } from '../domain/status-machine';
import type { CaseAction, Role } from '../domain/types';
import { toVietnamIso } from '../domain/vietnam-time';
import { appendEventItem, type CasePart, replaceCaseItem } from '../storage/cases';
import { type TransactItem, TransactionConflict, transact } from '../storage/dynamo';
import { createNotificationItem } from '../storage/notifications';
import type { CaseRecord, EventRecord, UploadRecord } from '../storage/records';
import { claimUploadItem } from '../storage/uploads';
import { notificationsFor } from './notifications';

export interface Actor {
  readonly role: Role | 'system';
  readonly name?: string;
  readonly id?: string;
}

/** The caller as the case's history records them. */
export const actorOf = (principal: Principal): Actor => ({
  role: principal.role,
  name: principal.name,
  id: principal.id,
});

/** Verified uploads a change claims (supplement documents, a result document), and for whom. */
export interface UploadClaim {
  readonly uploads: readonly UploadRecord[];
  readonly claimant: string;
}

export interface Change {
  readonly record: CaseRecord;
  readonly events: readonly EventRecord[];
  readonly action: CaseAction;
  readonly actor: Actor;
  readonly expectedVersion: number;
  readonly note?: string;
  readonly now: Date;
  /** Fields that change beside status and version. */
  readonly patch: Partial<CaseRecord>;
  readonly claim?: UploadClaim;
  /**
   * More writes of the same transaction: the audit entry of an official's action, a payment settled with the
   * change it causes, a signing job.
   */
  readonly alsoWrite?: readonly TransactItem[];
  /** The case's parts as loaded (payments, signed result), handed back with the change for its view. */
  readonly parts?: readonly CasePart[];
  /** Fields of the event beside the common ones (`assign`'s `handedTo`). */
  readonly eventDetail?: Pick<EventRecord, 'handedTo'>;
}

/** Applies one transition: the case, its next event, its notifications and its claims, all or nothing. */
export async function commitChange(
  change: Change,
): Promise<{ record: CaseRecord; events: EventRecord[]; parts: readonly CasePart[] }> {
  const { record, action, actor, expectedVersion, now, claim } = change;
  const uploads = claim?.uploads ?? [];
  if (record.version !== expectedVersion) throw new VersionConflictError(record.version);
  const status = nextStatus(record.status, action, record.statusBeforeSupplement);
  const at = toVietnamIso(now);
  const updated: CaseRecord = {
    ...record,
    ...change.patch,
    status,
    version: record.version + 1,
    updatedAt: at,
  };
  const event: EventRecord = {
    type: 'event',
    caseCode: record.code,
    seq: updated.version,
    at,
    status,
    action,
    actor: {
      role: actor.role,
      ...(actor.name ? { name: actor.name } : {}),
      ...(actor.id ? { id: actor.id } : {}),
    },
    ...(change.note ? { note: change.note } : {}),
    ...change.eventDetail,
  };
  const items = [
    replaceCaseItem(updated, expectedVersion),
    appendEventItem(event),
    ...notificationsFor(updated, event).map(createNotificationItem),
    ...(change.alsoWrite ?? []),
  ];
  try {
    await transact([...items, ...uploads.map((u) => claimUploadItem(u, record.code, claim?.claimant ?? ''))]);
  } catch (error) {
    if (!(error instanceof TransactionConflict)) throw error;
    // Only a failed claim is the caller's mistake; any other failed condition means the case moved on.
    const claimFailed = error.reasons.slice(items.length).includes('ConditionalCheckFailed');
    if (
      error.reasons[0] === 'ConditionalCheckFailed' ||
      error.reasons.includes('TransactionConflict') ||
      !claimFailed
    ) {
      throw new VersionConflictError();
    }
    throw new ValidationFailedError([
      {
        path: 'documents',
        message: { vi: 'Tệp đã được dùng cho hồ sơ khác', en: 'An upload was used by another case' },
      },
    ]);
  }
  countEvent('CaseAction', { action, agency: record.agencyId });
  return { record: updated, events: [...change.events, event], parts: change.parts ?? [] };
}
