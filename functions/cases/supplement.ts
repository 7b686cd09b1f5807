// The applicant's answer to a supplement request: corrected data (checked against the form) and new documents.
import type { SupplementAnswer } from '../../schemas/api';
import { procedureOfCase, validateApplicationData } from '../../schemas/catalogue';
import { checkDocuments, type DocumentClaim, storedDocument } from '../documents/claims';
import { parseIso, vietnamCalendar } from '../domain/calendar';
import { type FieldProblem, ValidationFailedError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { nextStatus } from '../domain/status-machine';
import type { Language } from '../domain/types';
import { toVietnamIso } from '../domain/vietnam-time';
import { actorOf, commitChange } from './change';
import { loadVisibleCase } from './queries';

export async function answerSupplement(
  principal: Principal,
  code: string,
  answer: SupplementAnswer,
  lang: Language,
  now = new Date(),
) {
  const { record, events, parts } = await loadVisibleCase(principal, code);
  const procedure = procedureOfCase(record);
  // Checked before the answer itself, so that a case with no open request is 409, whatever the body.
  nextStatus(record.status, 'supplement', record.statusBeforeSupplement);
  const problems: FieldProblem[] = [];
  let data = record.data;
  if (answer.data) {
    const validated = validateApplicationData(procedure, answer.data, lang);
    if (validated.ok) data = validated.data as Record<string, unknown>;
    else problems.push(...validated.errors);
  }
  const claims: readonly DocumentClaim[] = answer.documents ?? [];
  const checked = await checkDocuments({
    principal,
    procedure,
    claims,
    pathPrefix: 'documents',
    complete: false,
  });
  problems.push(...checked.problems);
  if (!answer.data && claims.length === 0) {
    problems.push({
      path: '',
      message: { vi: 'Cần gửi dữ liệu hoặc giấy tờ bổ sung', en: 'Send the corrected data or documents' },
    });
  }
  if (problems.length > 0) throw new ValidationFailedError(problems);
  // New files replace the earlier files of the same document type.
  const replaced = new Set(checked.uploads.map((u) => u.documentType));
  const documents = [
    ...record.documents.filter((d) => !replaced.has(d.documentType)),
    ...checked.uploads.map(storedDocument),
  ];
  const dueAt = record.pausedAt
    ? toVietnamIso(vietnamCalendar.extendForPause(parseIso(record.dueAt), parseIso(record.pausedAt), now))
    : record.dueAt;
  return commitChange({
    record,
    events,
    parts,
    action: 'supplement',
    actor: actorOf(principal),
    expectedVersion: record.version,
    now,
    patch: {
      data,
      documents,
      dueAt,
      statusBeforeSupplement: undefined,
      pausedAt: undefined,
      supplementRequest: undefined,
    },
    claim: { uploads: checked.uploads, claimant: principal.id },
  });
}
