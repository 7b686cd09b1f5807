// The plain data the one-stop forms (Mẫu 01–06) are rendered from: no storage types, no AWS.

/** The agency that receives and handles the case, as the form's heading names it. */
export interface FormAgency {
  /** QCVN 102:2016/BTTTT code, e.g. `000.00.15.H42`. */
  readonly code: string;
  /** In Vietnamese, e.g. "Sở Tư pháp tỉnh Ninh Bình". */
  readonly name: string;
  /** The superior body (cơ quan chủ quản) on the heading's first line, e.g. "Ủy ban nhân dân tỉnh Ninh Bình". */
  readonly parentName?: string;
  /** The receiving desk, e.g. "Bộ phận Một cửa"; the heading's third line. */
  readonly deskName?: string;
  readonly address?: string;
  readonly phone?: string;
  /** The place written before the date ("Ninh Bình, ngày … tháng … năm …"). */
  readonly locality?: string;
}

export interface FormPerson {
  readonly name: string;
  /** The person's unit or role, e.g. "Bộ phận Một cửa", "Phòng Hành chính tư pháp". */
  readonly unit?: string;
}

export interface FormApplicant {
  /** A person's or an organisation's name. */
  readonly name: string;
  readonly address?: string;
  readonly phone?: string;
  readonly email?: string;
}

/** One item of the file (thành phần hồ sơ) as received. */
export interface FormDocument {
  readonly name: string;
  readonly originals?: number;
  readonly copies?: number;
}

/** What every case form carries: the case as recorded. */
export interface FormCase {
  /** Case code of Circular 01/2018/TT-VPCP art. 19, e.g. `000.00.15.H42-250305-0001`. */
  readonly code: string;
  readonly procedureName: string;
  readonly agency: FormAgency;
  readonly applicant: FormApplicant;
  readonly submittedAt: Date;
  readonly receivedAt?: Date;
  readonly dueAt?: Date;
  readonly documents: readonly FormDocument[];
}

/** How this copy of a form is issued. */
export interface FormIssue {
  /** `<publicBaseUrl>/verify?c=<code>&t=<token>` (`verificationUrl` in functions/domain/verify-token.ts). */
  readonly verifyUrl: string;
  /** The form's date, written on it and in its metadata: the same input renders the same file. */
  readonly issuedAt: Date;
  /** The official who issues the form (the receiving or guiding officer, or the head of the agency). */
  readonly official?: FormPerson;
}

export interface FormBase extends FormCase, FormIssue {}

/** Mẫu 01: receipt and appointment. */
export interface ReceiptInput extends FormBase {
  readonly receivedAt: Date;
  readonly dueAt: Date;
  /** The procedure's processing time, in working days. */
  readonly processingDays?: number;
  /** Number of sets of the file (bộ). */
  readonly sets?: number;
  /** Where the result is returned: "Tại Bộ phận Một cửa", "Qua dịch vụ bưu chính", "Trực tuyến". */
  readonly resultDelivery?: string;
}

/** One thing the applicant must add or redo. */
export interface SupplementItem {
  /** A document of the file or a field of the form, in words. */
  readonly what: string;
  readonly reason: string;
}

/** Mẫu 02: request to supplement or complete the file. */
export interface SupplementRequestInput extends FormBase {
  readonly items: readonly SupplementItem[];
  /** Who to ask for guidance while completing the file. */
  readonly contact?: { readonly name: string; readonly phone?: string };
}

/** Mẫu 03: refusal to receive and handle the file. */
export interface RefusalInput extends FormBase {
  readonly reason: string;
}

/** Mẫu 04: apology and new appointment. */
export interface ApologyInput extends FormBase {
  readonly receivedAt: Date;
  readonly previousDueAt: Date;
  readonly newDueAt: Date;
  readonly reason: string;
}

export type Timeliness = 'early' | 'on_time' | 'late';

/** One step of the case's handling: a hand-off or an action, who, when. */
export interface FormEvent {
  readonly at: Date;
  /** The step in words, e.g. "Tiếp nhận hồ sơ", "Chuyển xử lý", "Phê duyệt". */
  readonly action: string;
  readonly actor: FormPerson;
  /** The person the file was handed to, for a hand-off. */
  readonly handedTo?: FormPerson;
  readonly timeliness?: Timeliness;
  readonly note?: string;
}

/** Mẫu 05: the control slip of the case's handling. */
export interface ControlSlipInput extends FormBase {
  readonly events: readonly FormEvent[];
}

/** One case in the register (Mẫu 06). */
export interface RegisterEntry {
  readonly code: string;
  readonly procedureName: string;
  readonly applicantName: string;
  readonly applicantAddress?: string;
  readonly applicantPhone?: string;
  readonly sets?: number;
  /** The agency that handles the case, when not the receiving one. */
  readonly handlingAgency?: string;
  readonly receivedAt: Date;
  readonly dueAt?: Date;
  /** When the file went to the handling agency. */
  readonly transferredAt?: Date;
  /** When the result was returned (or the case otherwise closed). */
  readonly returnedAt?: Date;
  readonly note?: string;
}

/** Mẫu 06: the register of the cases an agency received in a period. */
export interface RegisterInput {
  readonly agency: FormAgency;
  /** The period, `YYYY-MM-DD` (Vietnam days), both included. */
  readonly from: string;
  readonly to: string;
  readonly entries: readonly RegisterEntry[];
  readonly issuedAt: Date;
}
