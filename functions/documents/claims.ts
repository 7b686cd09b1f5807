// Which uploads a submission, a supplement or a result may claim: judged from their records alone, never by reading
// storage in the request (the verifier checked each file as it landed). A pending upload is waited for, briefly.
import { setTimeout as sleep } from 'node:timers/promises';
import type { DocumentRequirement, ProcedureFacts } from '../../schemas/types';
import { limits } from '../commons/config';
import type { FieldProblem } from '../domain/errors';
import type { Principal } from '../domain/principal';
import type { LocalizedText } from '../domain/types';
import type { StoredDocument, UploadRecord } from '../storage/records';
import { getUploads } from '../storage/uploads';
import { RESULT_DOCUMENT, requirementFor, UPLOAD_TEXTS as text } from './rules';

export interface DocumentClaim {
  readonly documentType: string;
  readonly uploadId: string;
}

/** What of a procedure the claims are checked against: its catalogue entry or its generated facts. */
type ClaimedFor = Pick<ProcedureFacts, 'id' | 'documents'>;

/** What an upload's record says of a claim on it: take it, wait for its verdict, or refuse it and why. */
type Judgement = 'claimable' | 'pending' | readonly LocalizedText[];

function judgeClaim(
  upload: UploadRecord | undefined,
  claim: DocumentClaim,
  procedure: ClaimedFor,
  principal: Principal,
): Judgement {
  // Someone else's upload looks exactly like a missing one.
  if (!upload || upload.ownerId !== principal.id) return [text.uploadNotFound];
  if (upload.status === 'claimed') return [text.uploadUsed];
  if (upload.procedureId !== procedure.id || upload.documentType !== claim.documentType)
    return [text.uploadWrongType];
  if (upload.status === 'rejected') return (upload.problems ?? []).map((problem) => problem.message);
  if (upload.status === 'pending') return 'pending';
  return 'claimable';
}

/** Why a pending upload cannot be taken yet: nothing arrived, or its file is still being checked or scanned. */
function stillPending(upload: UploadRecord): LocalizedText {
  if (upload.etag === undefined) return text.notStored;
  return upload.objectKey ? text.notScanned : text.stillChecking;
}

/**
 * Checks the documents of a submission (or a supplement, or a result) against the procedure's list and the upload
 * records. Returns every problem at once, with paths into the request body, and the uploads that may be claimed
 * (verified, the caller's, for this procedure and type): the transaction claims them on those same conditions.
 * Uploads still pending are read again until they have a verdict or `waitMs` has passed.
 */
export async function checkDocuments(options: {
  readonly principal: Principal;
  readonly procedure: ClaimedFor;
  readonly claims: readonly DocumentClaim[];
  readonly pathPrefix: string;
  /** Whether the list must hold every required document (a submission) or only some (a supplement). */
  readonly complete: boolean;
  /** @default limits.uploadVerdictWaitMs */
  readonly waitMs?: number;
}): Promise<{ problems: FieldProblem[]; uploads: UploadRecord[] }> {
  const { principal, procedure, claims, pathPrefix, complete } = options;
  const problems: FieldProblem[] = [];
  const at = (i: number, field?: string) => `${pathPrefix}[${i}]${field ? `.${field}` : ''}`;
  const seen = new Set<string>();
  const candidates: { claim: DocumentClaim; index: number }[] = [];
  claims.forEach((claim, index) => {
    if (!requirementFor(procedure, claim.documentType, principal)) {
      problems.push({ path: at(index, 'documentType'), message: text.unknownDocumentType });
    } else if (seen.has(claim.uploadId)) {
      problems.push({ path: at(index, 'uploadId'), message: text.duplicate });
    } else {
      seen.add(claim.uploadId);
      candidates.push({ claim, index });
    }
  });
  const documentTypes: readonly DocumentRequirement[] = complete ? procedure.documents : [];
  for (const requirement of documentTypes) {
    if (requirement.required && !claims.some((c) => c.documentType === requirement.type)) {
      problems.push({ path: pathPrefix, message: text.missingRequired(requirement.name) });
    }
  }
  for (const requirement of [...procedure.documents, RESULT_DOCUMENT]) {
    const count = claims.filter((c) => c.documentType === requirement.type).length;
    if (count > requirement.maxFiles)
      problems.push({ path: pathPrefix, message: text.tooMany(requirement.name, requirement.maxFiles) });
  }

  const records = await getUploads(candidates.map((c) => c.claim.uploadId));
  const judged = () =>
    candidates.map(({ claim }) => judgeClaim(records.get(claim.uploadId), claim, procedure, principal));
  const deadline = Date.now() + (options.waitMs ?? limits.uploadVerdictWaitMs);
  for (let pause = 10; ; pause = Math.min(pause * 2, 100)) {
    const now = judged();
    const pending = candidates.filter((_, i) => now[i] === 'pending').map((c) => c.claim.uploadId);
    if (pending.length === 0 || Date.now() + pause > deadline) break;
    await sleep(pause);
    for (const [id, record] of await getUploads(pending)) records.set(id, record);
  }

  const uploads: UploadRecord[] = [];
  judged().forEach((judgement, i) => {
    const { claim, index } = candidates[i]!;
    const upload = records.get(claim.uploadId);
    if (judgement === 'claimable') uploads.push(upload!);
    else if (judgement === 'pending')
      problems.push({ path: at(index, 'uploadId'), message: stillPending(upload!) });
    else for (const message of judgement) problems.push({ path: at(index, 'uploadId'), message });
  });
  return { problems, uploads };
}

/** The document a case keeps of a claimed upload: the checked copy, never the quarantined original. */
export function storedDocument(upload: UploadRecord): StoredDocument {
  if (!upload.objectKey) throw new Error(`upload ${upload.uploadId} has no checked copy`);
  return {
    documentType: upload.documentType,
    uploadId: upload.uploadId,
    fileName: upload.fileName,
    contentType: upload.contentType,
    size: upload.size,
    key: upload.objectKey,
  };
}
