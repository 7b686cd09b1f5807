// The one-stop forms of a case (Mẫu 01–05) and an agency's register (Mẫu 06), built from the stored record.
import { findAgency } from '../../schemas/agencies';
import { procedureDetail, procedureOfCase } from '../../schemas/catalogue';
import type { ProcedureDefinition } from '../../schemas/types';
import { requiredEnv } from '../commons/config';
import { ENV } from '../commons/environment';
import type { FileAnswer } from '../commons/file-answer';
import { verifyTokenKeys } from '../commons/verify-keys';
import { CONTROL_SLIP_STEPS } from '../domain/action-labels';
import { vietnamCalendar } from '../domain/calendar';
import { availableForms, type CaseFormName, type FormAudience } from '../domain/case-forms';
import { type FieldProblem, NotFoundError, ValidationFailedError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { STATUS_LABELS } from '../domain/status-labels';
import { verificationUrl, verifyTokenFor } from '../domain/verify-token';
import { isCalendarDay, vietnamDay } from '../domain/vietnam-time';
import {
  CASE_FORMS,
  type FormAgency,
  type FormBase,
  type FormEvent,
  type RegisterEntry,
  renderRegister,
  renderRegisterCsv,
  timelinessOf,
} from '../forms';
import { listReceivedCases, type RegisterRecord } from '../storage/cases';
import type { CaseRecord, EventRecord } from '../storage/records';
import { recordAgencyRead, recordRead } from './audit';
import { loadVisibleCase } from './queries';
import { agencyOfCaller } from './queue';

/** The form's file name, as the download saves it: `mau-01-<code>.pdf`. */
const FORM_NUMBERS: Record<CaseFormName, string> = {
  receipt: '01',
  'supplement-request': '02',
  refusal: '03',
  apology: '04',
  'control-slip': '05',
};
/** The receiving desk every demo agency names on its forms. */
const DESK_NAME = 'Bộ phận Một cửa';

const at = (iso: string) => new Date(iso);

/** The agency as a form's heading names it: its superior body, itself, its desk; where the form is dated. */
export function formAgencyOf(agencyId: string): FormAgency {
  const agency = findAgency(agencyId);
  if (!agency) throw new Error(`unknown agency ${agencyId}`);
  const parent = agency.parentId ? findAgency(agency.parentId) : undefined;
  return {
    code: agency.code,
    name: agency.name.vi,
    deskName: DESK_NAME,
    address: agency.address.vi,
    ...(parent ? { parentName: parent.name.vi } : {}),
    ...(agency.locality ? { locality: agency.locality } : {}),
  };
}

/** `<site>/verify?c=<code>&t=<token>`: what the QR code of every form of the case carries. */
export function caseVerificationUrl(code: string): string {
  const base = requiredEnv(ENV.publicBaseUrl, 'the site address that forms’ QR codes point at');
  return verificationUrl(base, code, verifyTokenFor(code, verifyTokenKeys()[0]!));
}

/** The title of a form field by its dotted path (`child.fullName`), as the procedure's JSON Schema gives it. */
export function fieldTitle(procedure: ProcedureDefinition, path: string): string {
  let node = procedureDetail(procedure).form as Record<string, unknown> | undefined;
  const titles: string[] = [];
  for (const segment of path.replace(/\[\d+\]/g, '').split('.')) {
    while (node && node.type === 'array') node = node.items as Record<string, unknown> | undefined;
    node = (node?.properties as Record<string, Record<string, unknown>> | undefined)?.[segment];
    if (!node) return path;
    if (typeof node.title === 'string') titles.push(node.title);
  }
  return titles.join(' – ') || path;
}

/** The file's parts as received: each document type present, named as the procedure names it. */
function receivedDocuments(record: CaseRecord, procedure: ProcedureDefinition) {
  return procedure.documents
    .filter((requirement) => record.documents.some((d) => d.documentType === requirement.type))
    .map((requirement) => ({
      name: requirement.name.vi,
      ...(requirement.copies
        ? { originals: requirement.copies.originals, copies: requirement.copies.copies }
        : {}),
    }));
}

const lastEvent = (events: readonly EventRecord[], action: string) =>
  [...events].sort((a, b) => b.seq - a.seq).find((e) => e.action === action);

function caseBase(record: CaseRecord, procedure: ProcedureDefinition, issuedAt: Date): FormBase {
  return {
    code: record.code,
    procedureName: record.procedureName.vi,
    agency: formAgencyOf(record.agencyId),
    applicant: {
      name: record.applicantName || record.applicant.name,
      ...((record.contact.phone ?? record.applicant.phone)
        ? { phone: record.contact.phone ?? record.applicant.phone }
        : {}),
      ...((record.contact.email ?? record.applicant.email)
        ? { email: record.contact.email ?? record.applicant.email }
        : {}),
    },
    submittedAt: at(record.submittedAt),
    ...(record.receivedAt ? { receivedAt: at(record.receivedAt) } : {}),
    dueAt: at(record.dueAt),
    documents: receivedDocuments(record, procedure),
    verifyUrl: caseVerificationUrl(record.code),
    issuedAt,
  };
}

const RESULT_DELIVERY: Record<'in_person' | 'online' | 'post', string> = {
  in_person: 'Tại Bộ phận Một cửa',
  online: 'Trực tuyến',
  post: 'Qua dịch vụ bưu chính',
};

/** The PDF of one form of a case, from its record and history (the same record renders the same file). */
export async function renderCaseForm(
  record: CaseRecord,
  events: readonly EventRecord[],
  form: CaseFormName,
  now: Date,
): Promise<Uint8Array> {
  const procedure = procedureOfCase(record);
  const officialOf = (event: EventRecord | undefined) =>
    event?.actor.name ? { name: event.actor.name, unit: DESK_NAME } : undefined;
  switch (form) {
    case 'receipt': {
      const receivedAt = at(record.receivedAt!);
      const received = lastEvent(events, 'receive');
      const official = officialOf(received);
      return CASE_FORMS.receipt({
        ...caseBase(record, procedure, receivedAt),
        receivedAt,
        // The appointment given at the desk, before any supplement wait or extension moved it.
        dueAt: vietnamCalendar.addWorkingDays(receivedAt, procedure.processingDays),
        processingDays: procedure.processingDays,
        sets: 1,
        resultDelivery: procedure.resultDelivery.methods.map((m) => RESULT_DELIVERY[m]).join('; '),
        ...(official ? { official } : {}),
      });
    }
    case 'supplement-request': {
      const request: NonNullable<CaseRecord['supplementRequests']>[number] =
        record.supplementRequests?.at(-1) ?? record.supplementRequest!;
      const by = request.by ? { name: request.by, unit: DESK_NAME } : undefined;
      return CASE_FORMS['supplement-request']({
        ...caseBase(record, procedure, at(request.at)),
        items: request.items.map((item) => ({
          what: item.documentType
            ? (procedure.documents.find((d) => d.type === item.documentType)?.name.vi ?? item.documentType)
            : `Tờ khai: ${fieldTitle(procedure, item.field ?? '')}`,
          reason: item.reason,
        })),
        ...(by ? { official: by, contact: { name: by.name } } : {}),
      });
    }
    case 'refusal': {
      const refused = lastEvent(events, 'reject');
      const official = officialOf(refused);
      return CASE_FORMS.refusal({
        ...caseBase(record, procedure, at(record.decidedAt ?? refused?.at ?? record.updatedAt)),
        reason: refused?.note ?? '',
        ...(official ? { official } : {}),
      });
    }
    case 'apology': {
      const extension = record.extensions!.at(-1)!;
      return CASE_FORMS.apology({
        ...caseBase(record, procedure, at(extension.at)),
        receivedAt: at(record.receivedAt ?? record.submittedAt),
        previousDueAt: at(extension.previousDueAt),
        newDueAt: at(extension.dueAt),
        reason: extension.reason,
        official: { name: extension.by.name, unit: DESK_NAME },
      });
    }
    case 'control-slip':
      return CASE_FORMS['control-slip']({
        ...caseBase(record, procedure, now),
        events: controlSlipSteps(record, events),
      });
  }
}

/** Each step of the history as Mẫu 05 lists it: who, when, to whom it was handed, on time or not. */
function controlSlipSteps(record: CaseRecord, events: readonly EventRecord[]): FormEvent[] {
  const decisions = new Set(['approve', 'deny', 'issue_result']);
  return [...events]
    .sort((a, b) => a.seq - b.seq)
    .map((event) => ({
      at: at(event.at),
      action: CONTROL_SLIP_STEPS[event.action],
      actor: {
        name: event.actor.name ?? (event.actor.role === 'system' ? 'Hệ thống' : ''),
        ...(event.actor.role === 'citizen' || event.actor.role === 'business'
          ? { unit: 'Người nộp hồ sơ' }
          : event.actor.role === 'system'
            ? {}
            : { unit: DESK_NAME }),
      },
      ...(event.handedTo ? { handedTo: { name: event.handedTo.name, unit: DESK_NAME } } : {}),
      ...(decisions.has(event.action) && record.receivedAt
        ? { timeliness: timelinessOf(at(event.at), at(record.dueAt)) }
        : {}),
      ...(event.note ? { note: event.note } : {}),
    }));
}

/**
 * A form of a case for its agency's officials (the download recorded in the audit trail first) or its owner.
 * Any form the case does not have, for this audience, is "not found".
 */
export async function caseFormFile(
  principal: Principal,
  code: string,
  form: CaseFormName,
  audience: FormAudience,
  now: Date,
): Promise<FileAnswer> {
  const { record, events } = await loadVisibleCase(principal, code);
  if (!availableForms(record, audience).includes(form)) throw new NotFoundError('form');
  const bytes = await renderCaseForm(record, events, form, now);
  await recordRead(principal, record.code, 'download', now, `form ${form} (Mẫu ${FORM_NUMBERS[form]})`);
  return { bytes, contentType: 'application/pdf', fileName: `mau-${FORM_NUMBERS[form]}-${record.code}.pdf` };
}

// ---- The register (Mẫu 06) ----

/** A register longer than a year, or than this many lines, is asked for in parts. */
const MAX_REGISTER_DAYS = 366;
const MAX_REGISTER_LINES = { pdf: 2000, csv: 20000 } as const;

const dayMs = (day: string) => new Date(`${day}T00:00:00Z`).getTime();

function registerNote(record: RegisterRecord): string | undefined {
  const extension = record.extensions?.at(-1);
  const notes = [
    ...(extension
      ? [
          `Đã gửi phiếu xin lỗi, hẹn lại ngày ${vietnamDay(at(extension.dueAt)).split('-').reverse().join('/')}`,
        ]
      : []),
    ...(['denied', 'withdrawn'].includes(record.status) ? [STATUS_LABELS[record.status].vi] : []),
  ];
  return notes.length > 0 ? notes.join('; ') : undefined;
}

export function registerEntry(record: RegisterRecord): RegisterEntry {
  const returned =
    record.result?.issuedAt ??
    (['denied', 'withdrawn'].includes(record.status) ? record.updatedAt : undefined);
  const phone = record.contact?.phone ?? record.applicant?.phone;
  const note = registerNote(record);
  return {
    code: record.code,
    procedureName: record.procedureName.vi,
    applicantName: record.applicantName,
    ...(phone ? { applicantPhone: phone } : {}),
    sets: 1,
    receivedAt: at(record.receivedAt),
    dueAt: at(record.dueAt),
    ...(returned ? { returnedAt: at(returned) } : {}),
    ...(note ? { note } : {}),
  };
}

/** The register of the cases an agency received from `from` to `to`, as PDF or CSV. */
export async function registerFile(
  principal: Principal,
  query: { from: string; to: string; format: 'pdf' | 'csv'; agencyId?: string },
  now: Date,
): Promise<FileAnswer> {
  const agencyId = agencyOfCaller(principal, query.agencyId);
  const problems: FieldProblem[] = [];
  if (!isCalendarDay(query.from))
    problems.push({ path: 'query.from', message: { vi: 'Ngày không hợp lệ', en: 'Not a valid date' } });
  if (!isCalendarDay(query.to))
    problems.push({ path: 'query.to', message: { vi: 'Ngày không hợp lệ', en: 'Not a valid date' } });
  if (problems.length === 0 && query.from > query.to) {
    problems.push({
      path: 'query.from',
      message: { vi: 'Ngày bắt đầu sau ngày kết thúc', en: '`from` is after `to`' },
    });
  }
  if (problems.length === 0 && (dayMs(query.to) - dayMs(query.from)) / 86_400_000 + 1 > MAX_REGISTER_DAYS) {
    problems.push({
      path: 'query.from',
      message: {
        vi: `Khoảng thời gian quá ${MAX_REGISTER_DAYS} ngày`,
        en: `More than ${MAX_REGISTER_DAYS} days`,
      },
    });
  }
  if (problems.length > 0) throw new ValidationFailedError(problems);
  const max = MAX_REGISTER_LINES[query.format];
  const { records, complete } = await listReceivedCases(agencyId, query.from, query.to, max);
  if (!complete) {
    throw new ValidationFailedError([
      {
        path: 'query.from',
        message: {
          vi: `Sổ có hơn ${max} hồ sơ: hãy chọn khoảng thời gian ngắn hơn`,
          en: `More than ${max} cases: choose a shorter period`,
        },
      },
    ]);
  }
  const input = {
    agency: formAgencyOf(agencyId),
    from: query.from,
    to: query.to,
    entries: records.map(registerEntry),
    issuedAt: now,
  };
  const name = `so-theo-doi-ho-so-${query.from}-${query.to}`;
  const file: FileAnswer =
    query.format === 'csv'
      ? { bytes: renderRegisterCsv(input), contentType: 'text/csv; charset=utf-8', fileName: `${name}.csv` }
      : { bytes: await renderRegister(input), contentType: 'application/pdf', fileName: `${name}.pdf` };
  // The register holds every listed applicant's name: the read is recorded before it is answered.
  await recordAgencyRead(
    principal,
    agencyId,
    now,
    `register ${query.from}..${query.to} (${query.format}, ${records.length} cases)`,
  );
  return file;
}
