// Submitting an application: the checks, the day's number, then one conditional transaction, answered once per key.
// No read of the idempotency record before the write and no call to storage: the uploads were checked as they landed.
import { createHash } from 'node:crypto';
import type { ApplicationRequest, SubmitResponse } from '../../schemas/api';
import { findProcedure, validateApplicationData } from '../../schemas/catalogue';
import { limits } from '../commons/config';
import { countEvent } from '../commons/observability';
import { seal, unseal } from '../commons/seal';
import { checkDocuments, storedDocument } from '../documents/claims';
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
import { type TransactItem, TransactionConflict, transact } from '../storage/dynamo';
import { getIdempotencyRecord, liveIdempotencyRecord, putIdempotencyItem } from '../storage/idempotency';
import { createNotificationItem } from '../storage/notifications';
import type { CaseRecord, EventRecord, IdempotencyRecord, UploadRecord } from '../storage/records';
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

/** The key was used before: the transaction's failed condition on its record says so, and carries the record. */
class EarlierAnswer extends Error {
  constructor(readonly record: IdempotencyRecord) {
    super('idempotency key already answered');
  }
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
  try {
    return { response: await submitOnce(command, hash), replayed: false };
  } catch (error) {
    if (error instanceof EarlierAnswer) return { response: replay(error.record, hash), replayed: true };
    // A refused request may repeat one that was accepted (its uploads are claimed now), or reuse its key with
    // another body: only then is the record read, to answer the first response again, or 409.
    if (error instanceof ValidationFailedError) {
      const earlier = await getIdempotencyRecord(principal.id, idempotencyKey);
      if (earlier) return { response: replay(earlier, hash), replayed: true };
    }
    throw error;
  }
}

/** Transactions that collide with others on the same items are tried again, this many times in all. */
const TRANSACTION_ATTEMPTS = 6;

async function submitOnce(command: SubmitCommand, hash: string): Promise<SubmitResponse> {
  const { principal, idempotencyKey, request, lang } = command;
  const procedure = findProcedure(request.procedureId);
  if (!procedure) {
    throw new ValidationFailedError([
      { path: 'procedureId', message: { vi: 'Thủ tục không tồn tại', en: 'Unknown procedure' } },
    ]);
  }
  const validated = validateApplicationData(procedure, request.data, lang);
  const now = command.now ?? new Date();
  const trackingPin = newTrackingPin();
  const checkUploads = () =>
    checkDocuments({
      principal,
      procedure,
      claims: request.documents,
      pathPrefix: 'documents',
      complete: true,
    });
  // At once: the uploads' verdicts, the day's next number (only for data that can be stored: a refused
  // submission may still leave a gap, as a failed transaction does), the PIN's hash.
  const [documents, sequence, trackingPinHash] = await Promise.all([
    checkUploads(),
    validated.ok ? nextCaseSequence(procedure.agency.id, caseCodeDay(now)) : undefined,
    hashTrackingPin(trackingPin),
  ]);
  const problems: FieldProblem[] = [...(validated.ok ? [] : validated.errors), ...documents.problems];
  if (problems.length > 0 || !validated.ok || sequence === undefined)
    throw new ValidationFailedError(problems);

  const code = formatCaseCode(procedure.agency.code, now, sequence);
  const submittedAt = toVietnamIso(now);
  const status = firstStatus(procedure);
  const dueAt = toVietnamIso(vietnamCalendar.addWorkingDays(now, procedure.processingDays));
  const response: SubmitResponse = { code, trackingPin, status, submittedAt, dueAt, version: 1 };
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
  const record = (uploads: readonly UploadRecord[]): CaseRecord => ({
    type: 'case',
    code,
    procedureId: procedure.id,
    procedureName: procedure.name,
    agencyId: procedure.agency.id,
    status,
    version: 1,
    data: validated.data as Record<string, unknown>,
    documents: uploads.map(storedDocument),
    applicant: applicantOf(principal),
    applicantName: procedure.applicantName(validated.data) || principal.name,
    contact: request.contact ?? {},
    lang,
    submittedAt,
    dueAt,
    updatedAt: submittedAt,
    trackingPinHash,
  });
  const event: EventRecord = {
    type: 'event',
    caseCode: code,
    seq: 1,
    at: submittedAt,
    status,
    action: 'submit',
    actor: actorOf(principal),
  };
  // Everything the submission stores, or nothing: the idempotency record first (its failed condition means
  // "answered before"), the case, its first event, its notifications, a claim on each upload, and the draft gone.
  const items = (uploads: readonly UploadRecord[]): TransactItem[] => {
    const created = record(uploads);
    return [
      putIdempotencyItem(principal.id, idempotencyKey, idempotency),
      createCaseItem(created),
      appendEventItem(event),
      ...notificationsFor(created, event).map(createNotificationItem),
      ...uploads.map((upload) => claimUploadItem(upload, code, principal.id)),
      // Drafts (CONTRACT.md v2): the applicant's draft of this procedure goes with the submission, or stays. No
      // condition, so it never fails the transaction (the retry below reads any failed condition as an upload's).
      deleteDraftItem(principal.id, procedure.id),
    ];
  };

  let uploads = documents.uploads;
  for (let attempt = 1; ; attempt++) {
    try {
      await transact(items(uploads));
      break;
    } catch (error) {
      if (!(error instanceof TransactionConflict)) throw error;
      if (error.reasons[0] === 'ConditionalCheckFailed') {
        const earlier =
          liveIdempotencyRecord(error.items[0]) ?? (await getIdempotencyRecord(principal.id, idempotencyKey));
        if (earlier) throw new EarlierAnswer(earlier);
      }
      if (attempt >= TRANSACTION_ATTEMPTS) throw await unsettled(principal.id, idempotencyKey);
      if (error.reasons.includes('TransactionConflict')) {
        // Two transactions touched one item at once and neither is decided yet: try again shortly.
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
        continue;
      }
      // An upload changed since it was read: claimed by another case, or judged again after a later post to
      // its form. Judge the uploads again; the case then holds what their verdicts now say.
      const again = await checkUploads();
      if (again.problems.length > 0) throw new ValidationFailedError(again.problems);
      uploads = again.uploads;
    }
  }
  countEvent('ApplicationSubmitted', { agency: procedure.agency.id });
  return response;
}

/**
 * Still colliding after every attempt: most likely another request with the same key is being written right now.
 * Its record is waited for briefly (the contract promises the first response again); failing that, 409.
 */
async function unsettled(callerId: string, key: string): Promise<Error> {
  for (let waited = 0; waited < 3000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const record = await getIdempotencyRecord(callerId, key);
    if (record) return new EarlierAnswer(record);
  }
  return new IdempotencyConflictError('in-progress');
}

function applicantOf(principal: Principal): CaseRecord['applicant'] {
  return {
    id: principal.id,
    role: principal.role,
    name: principal.name,
    ...(principal.email ? { email: principal.email } : {}),
    ...(principal.phone ? { phone: principal.phone } : {}),
    ...(principal.taxCode ? { taxCode: principal.taxCode } : {}),
  };
}
