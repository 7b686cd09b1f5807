// Submitting an application: every check first, then one conditional transaction, answered once per key.
import { createHash } from 'node:crypto';
import type { ApplicationRequest, SubmitResponse } from '../../schemas/api';
import { findProcedure, validateApplicationData } from '../../schemas/catalogue';
import { limits } from '../commons/config';
import { countEvent } from '../commons/observability';
import { seal, unseal } from '../commons/seal';
import { checkDocuments, documentFiles, storedDocument } from '../documents/uploads';
import { vietnamCalendar } from '../domain/calendar';
import { caseCodeDay, formatCaseCode } from '../domain/case-code';
import { type FieldProblem, IdempotencyConflictError, ValidationFailedError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { firstStatus } from '../domain/status-machine';
import { hashTrackingPin, newTrackingPin } from '../domain/tracking-pin';
import type { Language } from '../domain/types';
import { toVietnamIso } from '../domain/vietnam-time';
import { appendEventItem, createCaseItem } from '../storage/cases';
import { nextCaseSequence } from '../storage/counters';
import { deleteDraftItem } from '../storage/drafts';
import { TransactionConflict, transact } from '../storage/dynamo';
import { getIdempotencyRecord, putIdempotencyItem } from '../storage/idempotency';
import { createNotificationItem } from '../storage/notifications';
import type { CaseRecord, EventRecord, IdempotencyRecord } from '../storage/records';
import { claimUploadItem } from '../storage/uploads';
import { actorOf } from './change';
import { notificationsFor } from './notifications';

/** Same body, same hash: keys sorted so that property order does not matter. */
export function requestHash(body: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => [k, canonical(v)]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(body)))
    .digest('base64url');
}

function replay(record: IdempotencyRecord, hash: string): SubmitResponse {
  if (record.requestHash !== hash) throw new IdempotencyConflictError('different-body');
  return {
    ...(record.response as Omit<SubmitResponse, 'trackingPin'>),
    trackingPin: unseal(record.sealedPin, record.caseCode),
  };
}

export interface SubmitCommand {
  readonly principal: Principal;
  readonly idempotencyKey: string;
  readonly request: ApplicationRequest;
  readonly lang: Language;
  readonly now?: Date;
}

export async function submitApplication(
  command: SubmitCommand,
): Promise<{ response: SubmitResponse; replayed: boolean }> {
  const { principal, idempotencyKey } = command;
  const hash = requestHash(command.request);
  const earlier = await getIdempotencyRecord(principal.id, idempotencyKey);
  if (earlier) return { response: replay(earlier, hash), replayed: true };
  try {
    return { response: await submitOnce(command, hash), replayed: false };
  } catch (error) {
    // A concurrent request with the same key may have won meanwhile (claiming the uploads, clearing
    // quarantine): then whatever failed here, the answer is the winner's response. A failure that is not the
    // caller's own mistake may also come from a winner still in flight (storage busy with the same upload):
    // wait for it briefly, since the contract promises the first response again, not an error.
    const winner =
      (await getIdempotencyRecord(principal.id, idempotencyKey)) ??
      (error instanceof ValidationFailedError
        ? undefined
        : await winnerInFlight(principal.id, idempotencyKey));
    if (winner) return { response: replay(winner, hash), replayed: true };
    throw error;
  }
}

async function winnerInFlight(callerId: string, key: string): Promise<IdempotencyRecord | undefined> {
  for (let waited = 0; waited < 3000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const record = await getIdempotencyRecord(callerId, key);
    if (record) return record;
  }
  return undefined;
}

async function submitOnce(command: SubmitCommand, hash: string): Promise<SubmitResponse> {
  const { principal, idempotencyKey, request, lang } = command;

  const procedure = findProcedure(request.procedureId);
  if (!procedure) {
    throw new ValidationFailedError([
      { path: 'procedureId', message: { vi: 'Thủ tục không tồn tại', en: 'Unknown procedure' } },
    ]);
  }
  const problems: FieldProblem[] = [];
  const validated = validateApplicationData(procedure, request.data, lang);
  if (!validated.ok) problems.push(...validated.errors);
  const { problems: documentProblems, uploads } = await checkDocuments({
    principal,
    procedure,
    claims: request.documents,
    pathPrefix: 'documents',
    complete: true,
  });
  problems.push(...documentProblems);
  if (problems.length > 0 || !validated.ok) throw new ValidationFailedError(problems);

  const now = command.now ?? new Date();
  const submittedAt = toVietnamIso(now);
  const trackingPin = newTrackingPin();
  // Independent steps, at once: the day's next number, the PIN's hash, the copies out of quarantine.
  const [sequence, trackingPinHash] = await Promise.all([
    nextCaseSequence(procedure.agency.id, caseCodeDay(now)),
    hashTrackingPin(trackingPin),
    documentFiles.copyToDocuments(uploads),
  ]);
  const code = formatCaseCode(procedure.agency.code, now, sequence);
  const status = firstStatus(procedure);
  const applicant = {
    id: principal.id,
    role: principal.role,
    name: principal.name,
    ...(principal.email ? { email: principal.email } : {}),
    ...(principal.phone ? { phone: principal.phone } : {}),
    ...(principal.taxCode ? { taxCode: principal.taxCode } : {}),
  };
  const record: CaseRecord = {
    type: 'case',
    code,
    procedureId: procedure.id,
    procedureName: procedure.name,
    agencyId: procedure.agency.id,
    status,
    version: 1,
    data: validated.data as Record<string, unknown>,
    documents: uploads.map(storedDocument),
    applicant,
    applicantName: procedure.applicantName(validated.data) || principal.name,
    contact: request.contact ?? {},
    lang,
    submittedAt,
    dueAt: toVietnamIso(vietnamCalendar.addWorkingDays(now, procedure.processingDays)),
    updatedAt: submittedAt,
    trackingPinHash,
  };
  const event: EventRecord = {
    type: 'event',
    caseCode: code,
    seq: 1,
    at: submittedAt,
    status,
    action: 'submit',
    actor: actorOf(principal),
  };
  const response: SubmitResponse = {
    code,
    trackingPin,
    status,
    submittedAt,
    dueAt: record.dueAt,
    version: 1,
  };
  const { trackingPin: _pin, ...storedResponse } = response;
  const idempotency: IdempotencyRecord = {
    type: 'idempotency',
    requestHash: hash,
    caseCode: code,
    response: storedResponse,
    sealedPin: seal(trackingPin, code),
    createdAt: submittedAt,
    expiresAt: Math.floor(now.getTime() / 1000) + limits.idempotencyTtlSeconds,
  };

  const items = [
    putIdempotencyItem(principal.id, idempotencyKey, idempotency),
    createCaseItem(record),
    appendEventItem(event),
    ...notificationsFor(record, event).map(createNotificationItem),
    ...uploads.map((upload) => claimUploadItem(upload, code, principal.id)),
    // Drafts (CONTRACT.md v2): the applicant's draft of this procedure goes with the submission, or stays.
    deleteDraftItem(principal.id, procedure.id),
  ];
  for (let attempt = 1; ; attempt++) {
    try {
      await transact(items);
      break;
    } catch (error) {
      if (!(error instanceof TransactionConflict)) throw error;
      // A concurrent request with the same key won: the caller answers what it answered.
      if (error.reasons[0] === 'ConditionalCheckFailed') throw error;
      // Two transactions touched one item at once and neither is decided yet: try again shortly.
      if (error.reasons.includes('TransactionConflict') && attempt < 6) {
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
        continue;
      }
      await documentFiles.discardCopies(uploads.map((u) => u.uploadId));
      // Otherwise an upload was claimed meanwhile: report it as the checks would have.
      const again = await checkDocuments({
        principal,
        procedure,
        claims: request.documents,
        pathPrefix: 'documents',
        complete: true,
      });
      if (again.problems.length > 0) throw new ValidationFailedError(again.problems);
      throw new IdempotencyConflictError('in-progress');
    }
  }
  await documentFiles.clearQuarantine(uploads);
  countEvent('ApplicationSubmitted', { agency: procedure.agency.id });
  return response;
}
