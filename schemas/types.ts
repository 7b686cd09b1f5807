// The shape of a procedure's definition: metadata of its public page, its documents, and its form schema.
import type * as z from 'zod';
import type { LocalizedText } from '../functions/domain/types';

export type AgencyLevel = 'commune' | 'district' | 'province';

export interface Agency {
  /** Stable id used in URLs and claims (`custom:agency`), e.g. `ubnd-xa-an-binh`. */
  readonly id: string;
  /** Identifier under QCVN 102:2016/BTTTT, the first part of case codes, e.g. `000.20.31.H56`. */
  readonly code: string;
  readonly name: LocalizedText;
  readonly level: AgencyLevel;
  /** Where applicants go in person (address of the one-stop desk). */
  readonly address: LocalizedText;
  /** The superior body named above the agency in a form's heading (cơ quan chủ quản), if any. */
  readonly parentId?: string;
  /** The place a form is dated at ("Ninh Bình, ngày … tháng … năm …"). */
  readonly locality?: string;
}

export interface DocumentRequirement {
  /** Stable type id, e.g. `birth-certificate-of-hospital`. */
  readonly type: string;
  readonly name: LocalizedText;
  readonly required: boolean;
  /** Accepted MIME types, checked against the file's magic bytes. */
  readonly accept: readonly string[];
  readonly maxBytes: number;
  readonly maxFiles: number;
  /** Number of originals and copies as the procedure publishes them (thành phần hồ sơ). */
  readonly copies?: { readonly originals: number; readonly copies: number };
}

export interface ProcedureDefinition<Form extends z.ZodType = z.ZodType> {
  readonly id: string;
  /** Code of the procedure in the national database of administrative procedures, when known. */
  readonly nationalCode?: string;
  readonly name: LocalizedText;
  readonly agency: Agency;
  readonly level: 3 | 4;
  readonly fee: { readonly amount: number; readonly currency: 'VND' } | null;
  /** Statutory processing time, in working days. */
  readonly processingDays: number;
  /** The legal provision that sets `processingDays`, shown beside a case's deadline. */
  readonly timeLimitBasis: LocalizedText;
  readonly steps: readonly LocalizedText[];
  readonly legalBasis: readonly string[];
  readonly resultDelivery: {
    readonly methods: readonly ('in_person' | 'online' | 'post')[];
    readonly result: LocalizedText;
  };
  /** Who may apply (đối tượng thực hiện). */
  readonly applicants: LocalizedText;
  /** Where the procedure is done (nơi thực hiện). */
  readonly where: LocalizedText;
  /** Which figures are sample values rather than sourced ones (DOMAIN.md asks the catalogue to say so). */
  readonly sampleValues?: LocalizedText;
  readonly documents: readonly DocumentRequirement[];
  /** The zod schema of the application's `data`. */
  readonly form: Form;
  /** At least one complete, valid `data`, carried into the JSON Schema's `examples`. */
  readonly examples: readonly z.input<Form>[];
  /** The applicant's name as the queue shows it, taken from valid `data`. */
  readonly applicantName: (data: z.output<Form>) => string;
}

/**
 * What uploads and officials' actions need of a procedure, with no zod form: the generated
 * `functions/documents/procedure-facts.generated.ts`. `formFields` holds every dotted path of the form's properties.
 */
export interface ProcedureFacts
  extends Pick<ProcedureDefinition, 'id' | 'level' | 'processingDays' | 'documents'> {
  readonly formFields: readonly string[];
}
