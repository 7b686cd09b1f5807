// One change of a case after submission, as one conditional transaction: case, event, notifications, claims.
import { countEvent } from '../commons/observability';
// A type only: a change without files (a withdrawal) bundles no S3 client.
import type { DocumentFiles } from '../documents/uploads';
import { ValidationFailedError, VersionConflictError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { nextStatus } from '../domain/status-machine';
import type { CaseAction, Role } from '../domain/types';
import { toVietnamIso } from '../domain/vietnam-time';
import { appendEventItem, replaceCaseItem } from '../storage/cases';
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

/** Uploads a change claims (supplement documents, a result document), for whom, and where their files go. */
export interface UploadClaim {
  readonly uploads: readonly UploadRecord[];
  readonly claimant: string;
  readonly files: DocumentFiles;
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
  /** Fields of the event beside the common ones (`assign`'s `handedTo`). */
  readonly eventDetail?: Pick<EventRecord, 'handedTo'>;
  /** More items of the same transaction: the audit entry of an official's action. */
  readonly alsoWrite?: readonly TransactItem[];
}

/** Applies one transition: the case, its next event, its notifications and its claims, all or nothing. */
export async function commitChange(change: Change): Promise<{ record: CaseRecord; events: EventRecord[] }> {
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
  await claim?.files.copyToDocuments(uploads);
  try {
    await transact([
      replaceCaseItem(updated, expectedVersion),
      appendEventItem(event),
      ...notificationsFor(updated, event).map(createNotificationItem),
      ...uploads.map((u) => claimUploadItem(u, record.code, claim?.claimant ?? '')),
      ...(change.alsoWrite ?? []),
    ]);
  } catch (error) {
    if (!(error instanceof TransactionConflict)) throw error;
    await claim?.files.discardCopies(uploads.map((u) => u.uploadId));
    if (error.reasons[0] === 'ConditionalCheckFailed' || error.reasons.includes('TransactionConflict')) {
      throw new VersionConflictError();
    }
    throw new ValidationFailedError([
      {
        path: 'documents',
        message: { vi: 'Tệp đã được dùng cho hồ sơ khác', en: 'An upload was used by another case' },
      },
    ]);
  }
  await claim?.files.clearQuarantine(uploads);
  countEvent('CaseAction', { action, agency: record.agencyId });
  return { record: updated, events: [...change.events, event] };
}
