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
/** Who is in the audit trail: a signed-in person, or the platform acting for another system (`system`). */
export interface AuditActor {
  readonly id: string;
  readonly name: string;
  readonly role: Role | 'system';
  /** The agency they act for (an admin may have none), and its name as it was then (for the owner's view). */
  readonly agencyId?: string;
  readonly agencyName?: LocalizedText;
}

export interface AuditRecord {
  readonly type: 'audit';
  readonly caseCode: string;
  readonly at: string;
  readonly actor: AuditActor;
  /** An action's name (`receive`, `assign`…), `view` for a read of the case, `download` for a file. */
  readonly action: string;
  /** What was downloaded, or what an action set. */
  readonly detail?: string;
}

/**
 * A read of many cases' personal data at once, recorded in the agency's own access log: the register (Mẫu 06)
 * downloaded. Each case's own trail would take one write per case listed (up to 20,000 for a CSV).
 */
export interface AgencyAuditRecord {
  readonly type: 'agency-audit';
  readonly agencyId: string;
  readonly at: string;
  readonly actor: AuditActor;
  /** `download` of the register. */
  readonly action: string;
  /** What was read: the register's period, format and number of cases. */
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

/** Where an upload stands: `pending` until its file is checked, then `verified` or `rejected`; `claimed` by a case. */
export type UploadStatus = 'pending' | 'verified' | 'rejected' | 'claimed';

/** A problem found in an uploaded file, at a field of the upload (`size`, `contentType`, `file`). */
export interface UploadProblem {
  readonly path: 'size' | 'contentType' | 'file';
  readonly message: LocalizedText;
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
  /** Object key under `quarantine/`, where the presigned POST puts it (again and again, until it expires). */
  readonly key: string;
  readonly status: UploadStatus;
  /**
   * The checked copy under `documents/<uploadId>/<eTag>`: the very bytes that were checked, which no presigned
   * form can write. Set while `verified` (and kept once `claimed`); a case stores this key.
   */
  readonly objectKey?: string;
  /** ETag of the quarantined object the verdict is about (the MD5 of its bytes). */
  readonly etag?: string;
  /** S3's event sequencer of that object, right-padded: a verdict about an older post never replaces a newer one. */
  readonly sequencer?: string;
  /** Why it was rejected (`rejected` only). */
  readonly problems?: readonly UploadProblem[];
  /** GuardDuty's scan results by ETag (where the malware scan is on): `NO_THREATS_FOUND`, `THREATS_FOUND`… */
  readonly scans?: Readonly<Record<string, string>>;
  readonly checkedAt?: string;
  /** Bumped by every verdict: the verifier's read-modify-write is conditional on it. */
  readonly revision?: number;
  readonly caseCode?: string;
  readonly createdAt: string;
  /** TTL while unclaimed (a draft that names the upload moves it to the draft's own expiry); a claim removes it. */
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

// ---- Level 4: payments, signed results, business webhooks ----

export type PaymentStatus = 'pending' | 'paid' | 'failed';

/** One attempt to pay a case's fee through a gateway; kept in the case's partition (`CASE#PAYMENT#<id>`). */
export interface PaymentRecord {
  readonly type: 'payment';
  /** Our reference, the gateway's `vnp_TxnRef`: 26 letters and digits, sortable by time. */
  readonly paymentId: string;
  readonly caseCode: string;
  readonly applicantId: string;
  /** Whole VND. */
  readonly amount: number;
  readonly provider: string;
  readonly status: PaymentStatus;
  /** The page's language, for the browser's way back. */
  readonly lang: Language;
  readonly createdAt: string;
  /** After this the gateway refuses the payment. */
  readonly expiresAt: string;
  readonly settledAt?: string;
  readonly paidAt?: string;
  readonly transactionNo?: string;
  readonly bankCode?: string;
  /** The gateway's code of a failure (VNPay: `24` cancelled, `11` expired…). */
  readonly gatewayCode?: string;
  /** Paid when the case no longer awaited payment (withdrawn meanwhile, or a second attempt): to refund. */
  readonly refundDue?: boolean;
}

/** The signing of a case's result document (PAdES B-B with a QR code), kept beside the case (`CASE#RESULT`). */
export interface ResultSignatureRecord {
  readonly type: 'result-signature';
  readonly caseCode: string;
  readonly agencyId: string;
  readonly state: 'pending' | 'signed' | 'failed';
  /** The official's upload, as accepted with `issue_result`. */
  readonly source: StoredDocument;
  readonly requestedAt: string;
  /** Once signed: the signed file (its own object key), its digest, when and by whom. */
  readonly signed?: {
    readonly key: string;
    readonly size: number;
    readonly sha256: string;
    readonly signedAt: string;
    readonly signer: { readonly name: string; readonly agency: string };
    /** The verification page's address, as the QR code on the file carries it. */
    readonly verifyUrl: string;
  };
  /** Why it could not be signed (an encrypted or damaged PDF). */
  readonly problem?: string;
}

/** A document this platform issued, by the SHA-256 of its bytes: what `POST /api/verify` looks up. */
export interface IssuedDocumentRecord {
  readonly type: 'issued-document';
  readonly sha256: string;
  readonly caseCode: string;
  readonly kind: 'result';
  readonly agencyId: string;
  readonly signedAt: string;
  readonly signer: { readonly name: string; readonly agency: string };
}

/** A business's webhook endpoint; its `whsec_` secret is sealed (AES-GCM), shown in clear only once. */
export interface WebhookRecord {
  readonly type: 'webhook';
  readonly id: string;
  readonly ownerId: string;
  readonly url: string;
  readonly events: readonly string[];
  readonly sealedSecret: string;
  readonly createdAt: string;
}

/** One event for one webhook (`CASE#<code>`, `WEBHOOK#<messageId>`): its body, fixed once, and its attempts. */
export interface WebhookDeliveryRecord {
  readonly type: 'webhook-delivery';
  /** `webhook-id`, the same on every attempt. */
  readonly messageId: string;
  readonly webhookId: string;
  readonly ownerId: string;
  readonly caseCode: string;
  readonly url: string;
  readonly eventType: string;
  readonly body: string;
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly createdAt: string;
  readonly firstAttemptAt?: string;
  readonly nextAttemptAt?: string;
  readonly deliveredAt?: string;
  readonly lastStatus?: number;
  readonly lastError?: string;
}

// ---- Drafts (citizen) ----

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
