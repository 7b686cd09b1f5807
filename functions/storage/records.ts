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
  /** The official the case is assigned to (version 2: `assign`). */
  readonly assignee?: { readonly id: string; readonly name: string };
  /** Every due date moved by `extend`, oldest first: each is a Mẫu 04 apology. */
  readonly extensions?: readonly Extension[];
  /** Every supplement request made, oldest first (the open one is also `supplementRequest`): each a Mẫu 02. */
  readonly supplementRequests?: readonly {
    readonly at: string;
    readonly note?: string;
    readonly items: readonly SupplementItem[];
    readonly by?: string;
  }[];
}

/** A due date moved, with the apology's reason (Mẫu 04). */
export interface Extension {
  readonly at: string;
  readonly previousDueAt: string;
  readonly dueAt: string;
  readonly reason: string;
  /** The official who extended it. */
  readonly by: { readonly id: string; readonly name: string };
}

/** One read of a case's personal data, or one action on it, by an official or an admin (the audit trail). */
export interface AuditRecord {
  readonly type: 'audit';
  readonly caseCode: string;
  readonly at: string;
  readonly actor: {
    readonly id: string;
    readonly name: string;
    readonly role: Role;
    /** The agency they act for (an admin may have none), and its name as it was then (for the owner's view). */
    readonly agencyId?: string;
    readonly agencyName?: LocalizedText;
  };
  /** An action's name (`receive`, `assign`…), `view` for a read of the case, `download` for a file. */
  readonly action: string;
  /** What was downloaded, or what an action set. */
  readonly detail?: string;
}

/** An official known to the platform: listed for assignment once they have used the console. */
export interface OfficialRecord {
  readonly type: 'official';
  readonly id: string;
  readonly name: string;
  readonly agencyId: string;
  readonly lastSeenAt: string;
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
  /** For `assign`: the official the case was handed to (absent when it was unassigned). */
  readonly handedTo?: { readonly id: string; readonly name: string };
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
