// Item shapes of the single table, as stored.
import type { CaseAction, CaseStatus, Language, LocalizedText, Role } from '../domain/types';

export interface StoredDocument {
  readonly documentType: string;
  readonly uploadId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  /** Object key under `documents/`. */
  readonly key: string;
}

export interface Applicant {
  readonly id: string;
  readonly role: Role;
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
  readonly taxCode?: string;
}

export interface SupplementItem {
  readonly documentType?: string;
  readonly field?: string;
  readonly reason: string;
}

export interface CaseRecord {
  readonly type: 'case';
  readonly code: string;
  readonly procedureId: string;
  readonly procedureName: LocalizedText;
  readonly agencyId: string;
  readonly status: CaseStatus;
  readonly version: number;
  readonly data: Record<string, unknown>;
  readonly documents: readonly StoredDocument[];
  readonly applicant: Applicant;
  readonly applicantName: string;
  readonly contact: { readonly email?: string; readonly phone?: string };
  readonly lang: Language;
  readonly submittedAt: string;
  readonly dueAt: string;
  readonly updatedAt: string;
  readonly receivedAt?: string;
  readonly trackingPinHash: string;
  /** While a supplement is awaited: the status to go back to, and when the clock stopped. */
  readonly statusBeforeSupplement?: CaseStatus;
  readonly pausedAt?: string;
  readonly supplementRequest?: {
    readonly at: string;
    readonly note?: string;
    readonly items: readonly SupplementItem[];
  };
  readonly result?: { readonly issuedAt: string; readonly document?: StoredDocument; readonly note?: string };
  readonly decidedAt?: string;
}

export interface EventRecord {
  readonly type: 'event';
  readonly caseCode: string;
  readonly seq: number;
  readonly at: string;
  readonly status: CaseStatus;
  readonly action: CaseAction;
  readonly actor: { readonly role: Role | 'system'; readonly name?: string; readonly id?: string };
  readonly note?: string;
}

export type NotificationChannel = 'email' | 'sms';

export interface NotificationRecord {
  readonly type: 'notification';
  readonly id: string;
  readonly caseCode: string;
  readonly channel: NotificationChannel;
  readonly to: string;
  readonly lang: Language;
  /** What happened, rendered into a message by the notifier. */
  readonly event: {
    readonly action: CaseAction;
    readonly status: CaseStatus;
    readonly procedureName: LocalizedText;
    readonly dueAt: string;
    readonly note?: string;
  };
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly createdAt: string;
  readonly subject?: string;
  readonly body?: string;
  readonly deliveredAt?: string;
  readonly lastError?: string;
}

export interface UploadRecord {
  readonly type: 'upload';
  readonly uploadId: string;
  readonly ownerId: string;
  readonly procedureId: string;
  readonly documentType: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  /** Object key under `quarantine/`, where the presigned POST puts it. */
  readonly key: string;
  readonly status: 'pending' | 'claimed';
  readonly caseCode?: string;
  readonly createdAt: string;
  readonly expiresAt?: number;
}

export interface IdempotencyRecord {
  readonly type: 'idempotency';
  readonly requestHash: string;
  readonly caseCode: string;
  /** The first response, its tracking PIN sealed (AES-GCM), so that a replay can answer it again. */
  readonly response: Record<string, unknown>;
  readonly sealedPin: string;
  readonly createdAt: string;
  readonly expiresAt: number;
}

/** An application left half done: one per applicant and procedure (CONTRACT.md v2, "Drafts"). */
export interface DraftRecord {
  readonly type: 'draft';
  readonly ownerId: string;
  readonly procedureId: string;
  /** The form as the applicant left it, as JSON text: stored as sent, whatever its shape, within 256 KB. */
  readonly dataJson: string;
  readonly documents: readonly { readonly documentType: string; readonly uploadId: string }[];
  readonly step?: string;
  readonly updatedAt: string;
  /** Seconds since the epoch: the table's TTL removes the draft 30 days after its last change. */
  readonly expiresAt: number;
}
