// Every key of the single table, built in one place. The access patterns are in docs/storage.md.

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const keys = {
  /** A case: pk CASE#<code>, sk CASE. */
  case: (code: string) => ({ pk: `CASE#${code}`, sk: 'CASE' }),
  /** The n-th event in a case's history (1-based), in the case's partition. */
  caseEvent: (code: string, seq: number) => ({ pk: `CASE#${code}`, sk: `EVENT#${pad(seq, 5)}` }),
  /** A notification of a case, in the case's partition. */
  notification: (code: string, id: string) => ({ pk: `CASE#${code}`, sk: `NOTIF#${id}` }),
  /** A presigned upload, before and after a case claims it. */
  upload: (uploadId: string) => ({ pk: `UPLOAD#${uploadId}`, sk: 'UPLOAD' }),
  /** An Idempotency-Key of one caller. */
  idempotency: (callerId: string, key: string) => ({
    pk: `IDEMPOTENCY#${callerId}#${key}`,
    sk: 'IDEMPOTENCY',
  }),
  /** The per-agency, per-day counter behind case codes (day as YYMMDD, Vietnam time). */
  caseCounter: (agencyId: string, day: string) => ({ pk: `COUNTER#${agencyId}#${day}`, sk: 'COUNTER' }),
  /** A fixed-window counter of failed tracking attempts. */
  rateLimit: (scope: 'code' | 'client', subject: string, window: number) => ({
    pk: `RATELIMIT#${scope}#${subject}`,
    sk: `WINDOW#${window}`,
  }),
  /** Catalogue and demo accounts, as seeded. */
  agency: (agencyId: string) => ({ pk: `AGENCY#${agencyId}`, sk: 'AGENCY' }),
  procedure: (procedureId: string) => ({ pk: `PROCEDURE#${procedureId}`, sk: 'PROCEDURE' }),
  user: (username: string) => ({ pk: `USER#${username}`, sk: 'USER' }),
} as const;

/** gsi1: an agency's queue of one status, ordered by the time that sorts it. */
export const agencyQueueKey = (agencyId: string, status: string, sortTime: string, code: string) => ({
  gsi1pk: `AGENCY#${agencyId}#STATUS#${status}`,
  gsi1sk: `${sortTime}#${code}`,
});

/** gsi2: an applicant's cases; sorted by submission time, read newest first. */
export const applicantCasesKey = (applicantId: string, submittedAt: string, code: string) => ({
  gsi2pk: `APPLICANT#${applicantId}`,
  gsi2sk: `${submittedAt}#${code}`,
});

export const EVENT_PREFIX = 'EVENT#';
export const NOTIFICATION_PREFIX = 'NOTIF#';
