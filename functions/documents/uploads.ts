// Presigned uploads into quarantine, and the checks that make an upload part of a case.
import { randomUUID } from 'node:crypto';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  GetObjectTaggingCommand,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { UploadRequest } from '../../schemas/api';
import { findProcedure } from '../../schemas/catalogue';
import type { DocumentRequirement, ProcedureDefinition } from '../../schemas/types';
import { limits, oneOfEnv, requiredEnv } from '../commons/config';
import { ENV } from '../commons/environment';
import { s3 } from '../commons/s3';
import { actsForAgency } from '../domain/access';
import { type FieldProblem, ValidationFailedError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import type { LocalizedText } from '../domain/types';
import { toVietnamIso } from '../domain/vietnam-time';
import type { StoredDocument, UploadRecord } from '../storage/records';
import { getUploads, putUpload } from '../storage/uploads';
import { SNIFF_BYTES, sniffContentType } from './magic-bytes';
import { documentKey, quarantineKey } from './object-keys';

const Bucket = requiredEnv(ENV.documentsBucket, 'the bucket of uploads and documents');
/** `guardduty`: an upload counts only once GuardDuty tagged it clean. */
const malwareScan = oneOfEnv(ENV.malwareScan, ['guardduty', 'none'], 'none');

/** The result document an official attaches with `issue_result`: not one of the applicant's documents. */
export const RESULT_DOCUMENT: DocumentRequirement = {
  type: 'result',
  name: { vi: 'Kết quả giải quyết', en: 'Result document' },
  required: false,
  accept: ['application/pdf'],
  maxBytes: 20 * 1024 * 1024,
  maxFiles: 1,
};

const text = {
  unknownProcedure: { vi: 'Thủ tục không tồn tại', en: 'Unknown procedure' },
  unknownDocumentType: {
    vi: 'Loại giấy tờ không thuộc thủ tục này',
    en: 'Not a document type of this procedure',
  },
  typeNotAccepted: (accept: readonly string[]) => ({
    vi: `Định dạng không được chấp nhận; chỉ nhận: ${accept.join(', ')}`,
    en: `File type not accepted; accepted: ${accept.join(', ')}`,
  }),
  tooLarge: (max: number) => ({
    vi: `Tệp vượt quá dung lượng tối đa ${formatMb(max)}`,
    en: `File is larger than the maximum of ${formatMb(max)}`,
  }),
  uploadNotFound: { vi: 'Không tìm thấy tệp đã tải lên', en: 'Upload not found' },
  uploadUsed: { vi: 'Tệp này đã được dùng cho một hồ sơ khác', en: 'This upload is already part of a case' },
  uploadWrongType: {
    vi: 'Tệp được tải lên cho loại giấy tờ khác',
    en: 'This upload was made for another document type',
  },
  notStored: { vi: 'Tệp chưa được tải lên xong', en: 'The file was not uploaded' },
  sizeMismatch: {
    vi: 'Dung lượng tệp không khớp với khai báo',
    en: 'File size does not match what was declared',
  },
  contentMismatch: {
    vi: 'Nội dung tệp không đúng định dạng đã khai báo',
    en: 'File content does not match its declared type',
  },
  notScanned: {
    vi: 'Tệp đang được quét virus, vui lòng thử lại sau ít phút',
    en: 'The file is still being scanned for malware; try again in a minute',
  },
  infected: { vi: 'Tệp bị phát hiện có mã độc', en: 'Malware was found in the file' },
  missingRequired: (name: LocalizedText) => ({
    vi: `Thiếu giấy tờ bắt buộc: ${name.vi}`,
    en: `Missing required document: ${name.en}`,
  }),
  tooMany: (name: LocalizedText, max: number) => ({
    vi: `Quá số tệp cho phép (${max}) cho: ${name.vi}`,
    en: `Too many files (at most ${max}) for: ${name.en}`,
  }),
  duplicate: { vi: 'Tệp này được nêu nhiều lần', en: 'This upload is listed more than once' },
} satisfies Record<string, LocalizedText | ((...args: never[]) => LocalizedText)>;

function formatMb(bytes: number) {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

function requirementFor(
  procedure: ProcedureDefinition,
  documentType: string,
  principal: Principal,
): DocumentRequirement | undefined {
  if (documentType === RESULT_DOCUMENT.type && actsForAgency(principal)) return RESULT_DOCUMENT;
  return procedure.documents.find((d) => d.type === documentType);
}

export async function createUpload(principal: Principal, request: UploadRequest) {
  const procedure = findProcedure(request.procedureId);
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
  const { url, fields } = await createPresignedPost(s3, {
    Bucket,
    Key: key,
    Conditions: [
      ['content-length-range', request.size, request.size],
      ['eq', '$Content-Type', request.contentType],
    ],
    Fields: { 'Content-Type': request.contentType },
    Expires: limits.uploadUrlTtlSeconds,
  });
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

export interface DocumentClaim {
  readonly documentType: string;
  readonly uploadId: string;
}

/** Checks one stored object: really there, its real size, its real type, and the malware verdict. */
async function inspectObject(
  upload: UploadRecord,
  requirement: DocumentRequirement,
): Promise<LocalizedText | undefined> {
  // One ranged GET gives both the first bytes and, in Content-Range, the object's real size.
  let object: GetObjectCommandOutput;
  try {
    object = await s3.send(
      new GetObjectCommand({ Bucket, Key: upload.key, Range: `bytes=0-${SNIFF_BYTES - 1}` }),
    );
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404) return text.notStored;
    throw error;
  }
  const head = await object.Body?.transformToByteArray();
  const size = object.ContentRange ? Number(object.ContentRange.split('/')[1]) : (object.ContentLength ?? -1);
  if (size !== upload.size) return text.sizeMismatch;
  if (size > requirement.maxBytes) return text.tooLarge(requirement.maxBytes);
  const realType = head ? sniffContentType(head) : undefined;
  if (realType !== upload.contentType || !requirement.accept.includes(realType)) return text.contentMismatch;
  if (malwareScan === 'guardduty') {
    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket, Key: upload.key }));
    const verdict = tags.TagSet?.find((tag) => tag.Key === 'GuardDutyMalwareScanStatus')?.Value;
    if (!verdict) return text.notScanned;
    if (verdict !== 'NO_THREATS_FOUND') return text.infected;
  }
  return undefined;
}

/**
 * Checks the documents of a submission (or a supplement, or a result) against the procedure's list and storage.
 * Returns every problem at once, with paths into the request body, and the uploads that passed.
 */
export async function checkDocuments(options: {
  readonly principal: Principal;
  readonly procedure: ProcedureDefinition;
  readonly claims: readonly DocumentClaim[];
  readonly pathPrefix: string;
  /** Whether the list must hold every required document (a submission) or only some (a supplement). */
  readonly complete: boolean;
}): Promise<{ problems: FieldProblem[]; uploads: UploadRecord[] }> {
  const { principal, procedure, claims, pathPrefix, complete } = options;
  const problems: FieldProblem[] = [];
  const at = (i: number, field?: string) => `${pathPrefix}[${i}]${field ? `.${field}` : ''}`;
  const records = await getUploads(claims.map((c) => c.uploadId));
  const seen = new Set<string>();
  const accepted: { upload: UploadRecord; requirement: DocumentRequirement; index: number }[] = [];

  claims.forEach((claim, index) => {
    const requirement = requirementFor(procedure, claim.documentType, principal);
    if (!requirement) {
      problems.push({ path: at(index, 'documentType'), message: text.unknownDocumentType });
      return;
    }
    if (seen.has(claim.uploadId)) {
      problems.push({ path: at(index, 'uploadId'), message: text.duplicate });
      return;
    }
    seen.add(claim.uploadId);
    const upload = records.get(claim.uploadId);
    // Someone else's upload looks exactly like a missing one.
    if (!upload || upload.ownerId !== principal.id) {
      problems.push({ path: at(index, 'uploadId'), message: text.uploadNotFound });
      return;
    }
    if (upload.status !== 'pending') {
      problems.push({ path: at(index, 'uploadId'), message: text.uploadUsed });
      return;
    }
    if (upload.procedureId !== procedure.id || upload.documentType !== claim.documentType) {
      problems.push({ path: at(index, 'uploadId'), message: text.uploadWrongType });
      return;
    }
    accepted.push({ upload, requirement, index });
  });

  const documentTypes = complete ? procedure.documents : [];
  for (const requirement of documentTypes) {
    const count = claims.filter((c) => c.documentType === requirement.type).length;
    if (requirement.required && count === 0) {
      problems.push({ path: pathPrefix, message: text.missingRequired(requirement.name) });
    }
  }
  for (const requirement of [...procedure.documents, RESULT_DOCUMENT]) {
    const count = claims.filter((c) => c.documentType === requirement.type).length;
    if (count > requirement.maxFiles)
      problems.push({ path: pathPrefix, message: text.tooMany(requirement.name, requirement.maxFiles) });
  }

  const verdicts = await Promise.all(
    accepted.map(({ upload, requirement }) => inspectObject(upload, requirement)),
  );
  verdicts.forEach((verdict, i) => {
    const entry = accepted[i]!;
    if (verdict) problems.push({ path: at(entry.index, 'uploadId'), message: verdict });
  });
  return { problems, uploads: accepted.map((a) => a.upload) };
}

export function storedDocument(upload: UploadRecord): StoredDocument {
  return {
    documentType: upload.documentType,
    uploadId: upload.uploadId,
    fileName: upload.fileName,
    contentType: upload.contentType,
    size: upload.size,
    key: documentKey(upload.uploadId),
  };
}

/** Copies checked uploads out of quarantine (before the transaction: a copy is harmless if it then fails). */
async function promoteUploads(uploads: readonly UploadRecord[]): Promise<void> {
  await Promise.all(
    uploads.map((upload) =>
      s3.send(
        new CopyObjectCommand({
          Bucket,
          Key: documentKey(upload.uploadId),
          CopySource: `${Bucket}/${upload.key}`,
          ContentType: upload.contentType,
          MetadataDirective: 'REPLACE',
        }),
      ),
    ),
  );
}

/** Best-effort removal of objects nobody will claim; the bucket's lifecycle rule sweeps what this misses. */
async function removeObjects(objectKeys: readonly string[]): Promise<void> {
  await Promise.allSettled(objectKeys.map((Key) => s3.send(new DeleteObjectCommand({ Bucket, Key }))));
}

export async function downloadUrl(document: StoredDocument): Promise<string> {
  return getSignedUrl(
    s3,
    new GetObjectCommand({
      Bucket,
      Key: document.key,
      ResponseContentType: document.contentType,
      ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
    }),
    { expiresIn: limits.downloadUrlTtlSeconds },
  );
}

/** What a submission or a change does with the files of the uploads it claims. */
export interface DocumentFiles {
  /** Copies checked uploads out of quarantine, before the transaction (a copy is harmless if it then fails). */
  copyToDocuments(uploads: readonly UploadRecord[]): Promise<void>;
  /** Removes the copies of a change that did not happen, unless another case claimed the upload meanwhile. */
  discardCopies(uploadIds: readonly string[]): Promise<void>;
  /** Clears the quarantined originals of claimed uploads, once the change is stored. */
  clearQuarantine(uploads: readonly UploadRecord[]): Promise<void>;
}

/** Removes copies made for a change that did not happen, unless another case claimed the upload. */
async function discardPromoted(uploadIds: readonly string[]): Promise<void> {
  const current = await getUploads(uploadIds);
  await removeObjects(uploadIds.filter((id) => current.get(id)?.status !== 'claimed').map(documentKey));
}

/** The documents bucket's side of a submission or a change that claims uploads. */
export const documentFiles: DocumentFiles = {
  copyToDocuments: promoteUploads,
  discardCopies: discardPromoted,
  clearQuarantine: (uploads) => removeObjects(uploads.map((u) => u.key)),
};
