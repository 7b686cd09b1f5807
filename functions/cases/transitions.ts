// Officials' actions on a case (they may claim a result file). The applicant's supplement is in ./supplement.ts.
import type { CaseActionRequest } from '../../schemas/api';
import type { ProcedureFacts } from '../../schemas/types';
import { checkDocuments, storedDocument } from '../documents/claims';
import { findProcedureFacts } from '../documents/procedure-facts.generated';
import { RESULT_DOCUMENT } from '../documents/rules';
import { vietnamCalendar } from '../domain/calendar';
import { type FieldProblem, ValidationFailedError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { requiresItems, requiresNote } from '../domain/status-machine';
import type { LocalizedText } from '../domain/types';
import { toVietnamIso } from '../domain/vietnam-time';
import { signatureRequestItem } from '../results/signing-request';
import type { CaseRecord, UploadRecord } from '../storage/records';
import { actionAuditItem } from './audit';
import { actorOf, commitChange } from './change';
import { planAssignment, planExtension } from './hand-offs';
import { loadVisibleCase } from './queries';

function procedureOf(record: CaseRecord): ProcedureFacts {
  const procedure = findProcedureFacts(record.procedureId);
  if (!procedure) throw new Error(`case ${record.code} names unknown procedure ${record.procedureId}`);
  return procedure;
}

const required = (vi: string, en: string): LocalizedText => ({ vi, en });

/** Whether a dotted field path (`child.fullName`, `parties[0].cccd`) names a property of the form. */
export function formHasField(procedure: ProcedureFacts, path: string): boolean {
  return procedure.formFields.includes(path.replace(/\[\d+\]/g, ''));
}

export async function actOnCase(
  principal: Principal,
  code: string,
  request: CaseActionRequest,
  now = new Date(),
) {
  const { record, events, parts } = await loadVisibleCase(principal, code);
  const procedure = procedureOf(record);
  const problems: FieldProblem[] = [];
  if (request.action === 'issue_result' && procedure.level === 4 && !request.result) {
    problems.push({
      path: 'result.uploadId',
      message: required(
        'Thủ tục mức độ 4 cần tệp kết quả (PDF) để ký số và trả trực tuyến',
        'A level-4 procedure needs the result document (PDF), to sign and deliver online',
      ),
    });
  }
  if (requiresNote(request.action) && !request.note) {
    problems.push({ path: 'note', message: required('Cần ghi rõ lý do', 'A reason is required') });
  }
  if (requiresItems(request.action)) {
    if (!request.items || request.items.length === 0) {
      problems.push({
        path: 'items',
        message: required('Cần nêu nội dung cần bổ sung', 'List what must be supplemented'),
      });
    }
    request.items?.forEach((item, i) => {
      if (!item.documentType && !item.field) {
        problems.push({
          path: `items[${i}]`,
          message: required('Cần nêu giấy tờ hoặc trường cần bổ sung', 'Name a document type or a field'),
        });
      }
      if (item.documentType && !procedure.documents.some((d) => d.type === item.documentType)) {
        problems.push({
          path: `items[${i}].documentType`,
          message: required('Loại giấy tờ không thuộc thủ tục này', 'Not a document type of this procedure'),
        });
      }
      if (item.field && !formHasField(procedure, item.field)) {
        problems.push({
          path: `items[${i}].field`,
          message: required('Trường này không có trong tờ khai', 'No such field in the form'),
        });
      }
    });
  }
  let uploads: UploadRecord[] = [];
  if (request.action === 'issue_result' && request.result) {
    const checked = await checkDocuments({
      principal,
      procedure,
      claims: [{ documentType: RESULT_DOCUMENT.type, uploadId: request.result.uploadId }],
      pathPrefix: 'result',
      complete: false,
    });
    problems.push(...checked.problems.map((p) => ({ ...p, path: 'result.uploadId' })));
    uploads = checked.uploads;
  }
  // Version 2's hand-offs and extensions (hand-offs.ts).
  const plan =
    request.action === 'assign'
      ? await planAssignment(record, request)
      : request.action === 'extend'
        ? planExtension(record, request, principal, now)
        : undefined;
  problems.push(...(plan?.problems ?? []));
  if (problems.length > 0) throw new ValidationFailedError(problems);

  const at = toVietnamIso(now);
  const patch: Partial<CaseRecord> = { ...plan?.patch };
  switch (request.action) {
    case 'receive':
      Object.assign(patch, {
        receivedAt: at,
        dueAt: toVietnamIso(vietnamCalendar.addWorkingDays(now, procedure.processingDays)),
      });
      break;
    case 'request_supplement': {
      const supplementRequest = {
        at,
        ...(request.note ? { note: request.note } : {}),
        items: request.items ?? [],
      };
      Object.assign(patch, {
        statusBeforeSupplement: record.status,
        pausedAt: at,
        supplementRequest,
        // Kept after the answer, for the request's form (Mẫu 02).
        supplementRequests: [
          ...(record.supplementRequests ?? []),
          { ...supplementRequest, by: principal.name },
        ],
      });
      break;
    }
    case 'approve':
    case 'deny':
    case 'reject':
      Object.assign(patch, { decidedAt: at });
      break;
    case 'issue_result':
      Object.assign(patch, {
        result: {
          issuedAt: at,
          ...(uploads[0] ? { document: storedDocument(uploads[0]) } : {}),
          ...(request.note ? { note: request.note } : {}),
        },
      });
      break;
  }
  return commitChange({
    record,
    events,
    parts,
    action: request.action,
    actor: actorOf(principal),
    expectedVersion: request.expectedVersion,
    note: request.note,
    now,
    patch,
    claim: { uploads, claimant: principal.id },
    ...(plan?.eventDetail ? { eventDetail: plan.eventDetail } : {}),
    alsoWrite: [
      // The action is in the audit trail if, and only if, it happened.
      actionAuditItem(principal, record.code, request.action, now, plan?.auditDetail),
      // The result document is signed in the background (the signing code is too heavy for this function).
      ...(request.action === 'issue_result' && uploads[0]
        ? [signatureRequestItem(record, storedDocument(uploads[0]), at)]
        : []),
    ],
  });
}
