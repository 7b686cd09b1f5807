// Presigned uploads into quarantine, and what the uploader may read of one: its status and its problems.
import { randomUUID } from 'node:crypto';
import type { UploadRequest } from '../../schemas/api';
import { limits, requiredEnv } from '../commons/config';
import { ENV } from '../commons/environment';
import { presignedPost } from '../commons/presign';
import { type FieldProblem, NotFoundError, ValidationFailedError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import type { Language } from '../domain/types';
import { toVietnamIso } from '../domain/vietnam-time';
import type { UploadRecord } from '../storage/records';
import { getUpload, putUpload } from '../storage/uploads';
import { quarantineKey } from './object-keys';
import { findProcedureFacts } from './procedure-facts.generated';
import { requirementFor, UPLOAD_TEXTS as text } from './rules';

const Bucket = requiredEnv(ENV.documentsBucket, 'the bucket of uploads and documents');

export async function createUpload(principal: Principal, request: UploadRequest) {
  const procedure = findProcedureFacts(request.procedureId);
  if (!procedure) throw new ValidationFailedError([{ path: 'procedureId', message: text.unknownProcedure }]);
  const requirement = requirementFor(procedure, request.documentType, principal);
  if (!requirement)
    throw new ValidationFailedError([{ path: 'documentType', message: text.unknownDocumentType }]);
  const problems: FieldProblem[] = [];
  if (!requirement.accept.includes(request.contentType)) {
    problems.push({ path: 'contentType', message: text.typeNotAccepted(requirement.accept) });
  }
  if (request.size > requirement.maxBytes)
    problems.push({ path: 'size', message: text.tooLarge(requirement.maxBytes) });
  if (problems.length > 0) throw new ValidationFailedError(problems);

  const uploadId = randomUUID();
  const key = quarantineKey(uploadId);
  const now = new Date();
  const { url, fields } = await presignedPost(
    {
      bucket: Bucket,
      key,
      conditions: [
        ['content-length-range', request.size, request.size],
        ['eq', '$Content-Type', request.contentType],
      ],
      fields: { 'Content-Type': request.contentType },
      expiresIn: limits.uploadUrlTtlSeconds,
    },
    now,
  );
  const record: UploadRecord = {
    type: 'upload',
    uploadId,
    ownerId: principal.id,
    procedureId: procedure.id,
    documentType: requirement.type,
    fileName: request.fileName,
    contentType: request.contentType,
    size: request.size,
    key,
    status: 'pending',
    createdAt: toVietnamIso(now),
    expiresAt: Math.floor(now.getTime() / 1000) + limits.uploadRecordTtlSeconds,
  };
  await putUpload(record);
  return {
    uploadId,
    url,
    fields,
    expiresAt: toVietnamIso(new Date(now.getTime() + limits.uploadUrlTtlSeconds * 1000)),
  };
}

/**
 * An upload as its uploader sees it. A claimed upload was verified first, and reads so: the contract knows
 * three statuses. Anyone else's upload is "not found", exactly as an unknown one.
 */
export async function uploadStatus(principal: Principal, uploadId: string, lang: Language) {
  const upload = await getUpload(uploadId);
  if (!upload || upload.ownerId !== principal.id) throw new NotFoundError('upload');
  const status = upload.status === 'claimed' ? 'verified' : upload.status;
  return {
    uploadId: upload.uploadId,
    documentType: upload.documentType,
    fileName: upload.fileName,
    contentType: upload.contentType,
    size: upload.size,
    status,
    ...(status === 'rejected'
      ? { problems: (upload.problems ?? []).map((p) => ({ path: p.path, message: p.message[lang] })) }
      : {}),
  };
}
