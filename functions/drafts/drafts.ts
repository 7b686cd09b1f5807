// Drafts: an applicant keeps a half-done application of a procedure on the server, to resume on any device; the
// uploads it names live as long as it does.
import type { Draft, DraftRequest } from '../../schemas/api';
import { limits } from '../commons/config';
import { findProcedureFacts } from '../documents/procedure-facts.generated';
import { type FieldProblem, NotFoundError, ValidationFailedError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import type { LocalizedText } from '../domain/types';
import { toVietnamIso } from '../domain/vietnam-time';
import { deleteDraft, getDraft, listDrafts, putDraft, putDraftItem } from '../storage/drafts';
import { isTransactionConflict, TransactionConflict, transact } from '../storage/dynamo';
import type { DraftRecord } from '../storage/records';
import { keepUploadForDraftItem } from '../storage/uploads';

/** Deeper than any form of the catalogue, and shallow enough that nothing downstream recurses into trouble. */
const MAX_DATA_DEPTH = 20;

const text = {
  tooDeep: {
    vi: `Dữ liệu lồng nhau quá ${MAX_DATA_DEPTH} cấp`,
    en: `The data is nested more than ${MAX_DATA_DEPTH} levels deep`,
  },
  unknownDocumentType: {
    vi: 'Loại giấy tờ không thuộc thủ tục này',
    en: 'Not a document type of this procedure',
  },
  duplicate: { vi: 'Tệp này được nêu nhiều lần', en: 'This upload is listed more than once' },
  tooMany: (name: LocalizedText, max: number) => ({
    vi: `Quá số tệp cho phép (${max}) cho: ${name.vi}`,
    en: `Too many files (at most ${max}) for: ${name.en}`,
  }),
  uploadUnavailable: {
    vi: 'Không tìm thấy tệp đã tải lên, hoặc tệp đã hết hạn hay đã được dùng cho hồ sơ khác; hãy tải lên lại',
    en: 'The uploaded file was not found, has expired or is already part of a case; upload it again',
  },
} satisfies Record<string, LocalizedText | ((...args: never[]) => LocalizedText)>;

/** How deep `value` nests, counted without recursion (a hostile body must not exhaust the stack). */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_DATA_DEPTH) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function view(record: DraftRecord): Draft {
  return {
    procedureId: record.procedureId,
    data: JSON.parse(record.dataJson) as Record<string, unknown>,
    documents: record.documents.map(({ documentType, uploadId }) => ({ documentType, uploadId })),
    ...(record.step ? { step: record.step } : {}),
    updatedAt: record.updatedAt,
    expiresAt: toVietnamIso(new Date(record.expiresAt * 1000)),
  };
}

/** The procedure's generated facts (its documents), not the catalogue: a draft's form data is not validated. */
function knownProcedure(procedureId: string) {
  const procedure = findProcedureFacts(procedureId);
  if (!procedure) throw new NotFoundError('procedure');
  return procedure;
}

/** Problems of a draft's shape: types and sizes only, since a draft may be incomplete. */
function shapeProblems(procedureId: string, request: DraftRequest): FieldProblem[] {
  const procedure = knownProcedure(procedureId);
  const problems: FieldProblem[] = [];
  if (nestingDepth(request.data) > MAX_DATA_DEPTH) problems.push({ path: 'data', message: text.tooDeep });
  const seen = new Set<string>();
  request.documents.forEach((document, i) => {
    if (!procedure.documents.some((d) => d.type === document.documentType)) {
      problems.push({ path: `documents[${i}].documentType`, message: text.unknownDocumentType });
    } else if (seen.has(document.uploadId)) {
      problems.push({ path: `documents[${i}].uploadId`, message: text.duplicate });
    }
    seen.add(document.uploadId);
  });
  for (const requirement of procedure.documents) {
    const count = request.documents.filter((d) => d.documentType === requirement.type).length;
    if (count > requirement.maxFiles) {
      problems.push({ path: 'documents', message: text.tooMany(requirement.name, requirement.maxFiles) });
    }
  }
  return problems;
}

/** Two saves of one draft at once (an autosave and the button) conflict in DynamoDB: the later one retries. */
const CONFLICT_RETRIES = 4;

/**
 * Stores the caller's draft of `procedureId` and, in the same transaction, keeps every upload it names alive
 * until the draft expires. An upload that is not the caller's, not for that document type, already claimed or
 * expired fails the transaction: 400 naming it, and nothing stored.
 */
export async function saveDraft(
  principal: Principal,
  procedureId: string,
  request: DraftRequest,
  now = new Date(),
): Promise<Draft> {
  const problems = shapeProblems(procedureId, request);
  if (problems.length > 0) throw new ValidationFailedError(problems);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const record: DraftRecord = {
    type: 'draft',
    ownerId: principal.id,
    procedureId,
    dataJson: JSON.stringify(request.data),
    documents: request.documents.map(({ documentType, uploadId }) => ({ documentType, uploadId })),
    ...(request.step ? { step: request.step } : {}),
    updatedAt: toVietnamIso(now),
    expiresAt: nowSeconds + limits.draftTtlSeconds,
  };
  const items = [
    putDraftItem(record),
    ...record.documents.map((document) =>
      keepUploadForDraftItem({
        uploadId: document.uploadId,
        ownerId: principal.id,
        procedureId,
        documentType: document.documentType,
        expiresAt: record.expiresAt,
        now: nowSeconds,
      }),
    ),
  ];
  for (let attempt = 1; ; attempt++) {
    try {
      // Uploads to keep alive go with the draft in one transaction; a draft alone is one write.
      await (items.length > 1 ? transact(items) : putDraft(record));
      return view(record);
    } catch (error) {
      // A single write that meets a transaction on the same item (the submission's) is refused the same way.
      if (isTransactionConflict(error) && attempt < CONFLICT_RETRIES) {
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
        continue;
      }
      if (!(error instanceof TransactionConflict)) throw error;
      // Item 0 is the draft (unconditional); item i + 1 keeps documents[i].
      const unavailable = error.reasons
        .map((reason, index) => (reason === 'ConditionalCheckFailed' && index > 0 ? index - 1 : -1))
        .filter((index) => index >= 0);
      if (unavailable.length > 0) {
        throw new ValidationFailedError(
          unavailable.map((i) => ({ path: `documents[${i}].uploadId`, message: text.uploadUnavailable })),
        );
      }
      if (!error.reasons.includes('TransactionConflict') || attempt >= CONFLICT_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}

export async function readDraft(principal: Principal, procedureId: string): Promise<Draft> {
  knownProcedure(procedureId);
  const record = await getDraft(principal.id, procedureId);
  if (!record) throw new NotFoundError('draft');
  return view(record);
}

export async function listOwnDrafts(principal: Principal): Promise<{ items: Draft[] }> {
  return { items: (await listDrafts(principal.id)).map(view) };
}

/** Deleting a draft that is not there is done all the same: the caller wanted it gone. */
export async function discardDraft(principal: Principal, procedureId: string): Promise<void> {
  knownProcedure(procedureId);
  await deleteDraft(principal.id, procedureId);
}
