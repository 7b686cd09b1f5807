// The API's request and response bodies as the browser sees them: types only, from the server's own schemas.
import type * as z from 'zod/mini';
import type {
  applicationRequest,
  auditEntry,
  caseActionRequest,
  caseSummary,
  caseView,
  documentLink,
  draftRequest,
  draftView,
  Output,
  officialCaseView,
  paymentStarted,
  pdfVerification,
  problem,
  procedureDetail,
  procedureSummary,
  queueItem,
  statistics,
  submitResponse,
  supplementAnswer,
  trackingView,
  uploadRequest,
  uploadResponse,
  verification,
  withdrawRequest,
} from '../../schemas/api';

/** What a client sends to a lazily built schema, before its transforms. */
type Input<S extends () => z.core.$ZodType> = z.input<ReturnType<S>>;

export type { CaseStatus, Language, LocalizedText, Role } from '../../functions/domain/types';

/** RFC 9457 problem details: `errors` lists every field at fault, `path` into the request body. */
export type Problem = Output<typeof problem>;

export type ProcedureSummary = Output<typeof procedureSummary>;
export type ProcedureDetail = Output<typeof procedureDetail>;
export type UploadRequest = Input<typeof uploadRequest>;
export type UploadResponse = Output<typeof uploadResponse>;
export type ApplicationRequest = Input<typeof applicationRequest>;
export type SubmitResponse = Output<typeof submitResponse>;
export type CaseSummary = Output<typeof caseSummary>;
export type CaseView = Output<typeof caseView>;
export type SupplementAnswer = Input<typeof supplementAnswer>;
export type WithdrawRequest = Input<typeof withdrawRequest>;
export type TrackResponse = Output<typeof trackingView>;
export type QueueItem = Output<typeof queueItem>;
export type OfficialCaseView = Output<typeof officialCaseView>;
export type CaseActionRequest = Input<typeof caseActionRequest>;
// The console (version 2).
export type AuditEntry = Output<typeof auditEntry>;
export type DocumentLink = Output<typeof documentLink>;
export type Statistics = Output<typeof statistics>;
export type Draft = Output<typeof draftView>;

/** What a procedure accepts for one document type, its name in the page's language. */
export type DocumentRule = Omit<ProcedureDetail['documents'][number], 'name' | 'copies'> & {
  readonly name: string;
};
export type DraftRequest = Input<typeof draftRequest>;

/** A page of a list route: `nextCursor` is absent on the last page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

// ---- Level 4 ----
export type PaymentStarted = Output<typeof paymentStarted>;
export type Verification = Output<typeof verification>;
export type PdfVerification = Output<typeof pdfVerification>;
