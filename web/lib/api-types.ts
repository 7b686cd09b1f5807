// The API's request and response bodies as the browser sees them: types only, from the server's own schemas.
import type * as z from 'zod';
import type {
  applicationRequest,
  caseActionRequest,
  caseSummary,
  caseView,
  officialCaseView,
  problem,
  procedureDetail,
  procedureSummary,
  queueItem,
  submitResponse,
  supplementAnswer,
  trackResponse,
  uploadRequest,
  uploadResponse,
  withdrawRequest,
} from '../../schemas/api';

export type { CaseStatus, Language, LocalizedText, Role } from '../../functions/domain/types';

/** RFC 9457 problem details: `errors` lists every field at fault, `path` into the request body. */
export type Problem = z.output<typeof problem>;

export type ProcedureSummary = z.output<typeof procedureSummary>;
export type ProcedureDetail = z.output<typeof procedureDetail>;
export type UploadRequest = z.input<typeof uploadRequest>;
export type UploadResponse = z.output<typeof uploadResponse>;
export type ApplicationRequest = z.input<typeof applicationRequest>;
export type SubmitResponse = z.output<typeof submitResponse>;
export type CaseSummary = z.output<typeof caseSummary>;
export type CaseView = z.output<typeof caseView>;
export type SupplementAnswer = z.input<typeof supplementAnswer>;
export type WithdrawRequest = z.input<typeof withdrawRequest>;
export type TrackResponse = z.output<typeof trackResponse>;
export type QueueItem = z.output<typeof queueItem>;
export type OfficialCaseView = z.output<typeof officialCaseView>;
export type CaseActionRequest = z.input<typeof caseActionRequest>;

/** A page of a list route: `nextCursor` is absent on the last page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}
