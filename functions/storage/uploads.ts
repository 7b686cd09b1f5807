// Upload records: a presigned upload from its creation, through the verdict on its file, to the case that claims it.
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import {
  batchGetItems,
  isConditionFailure,
  stripKeys,
  TableName,
  type TransactItem,
  wroteIf,
} from './dynamo';
import type { UploadProblem, UploadRecord, UploadStatus } from './records';

export const uploadKey = (uploadId: string) => ({ pk: `UPLOAD#${uploadId}`, sk: 'UPLOAD' });

export async function putUpload(record: UploadRecord): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName,
      Item: { ...uploadKey(record.uploadId), ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/** One upload, consistently read. */
export async function getUpload(uploadId: string): Promise<UploadRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName, Key: uploadKey(uploadId), ConsistentRead: true }),
  );
  return Item ? stripKeys<UploadRecord>(Item) : undefined;
}

/** The uploads of these ids that exist, by id (consistent reads). */
export async function getUploads(uploadIds: readonly string[]): Promise<Map<string, UploadRecord>> {
  const items = await batchGetItems([...new Set(uploadIds)].map(uploadKey));
  return new Map(
    items.map((item) => {
      const record = stripKeys<UploadRecord>(item);
      return [record.uploadId, record];
    }),
  );
}

/** A verdict on an upload's file, or a scan result, as the verifier writes it. */
export interface UploadVerdict {
  readonly status: Exclude<UploadStatus, 'claimed'>;
  readonly etag?: string;
  readonly sequencer?: string;
  /** Set only while the content passed its checks. */
  readonly objectKey?: string;
  readonly problems: readonly UploadProblem[];
  readonly scans?: Readonly<Record<string, string>>;
  readonly checkedAt: string;
}

/**
 * Writes a verdict over the record as it was read (`revision`), unless a case claimed the upload meanwhile.
 * Only the verdict's attributes change: the expiry, which a draft may move at any time, is left alone.
 * @returns false when the record changed since it was read (read it again and judge again)
 */
export async function writeUploadVerdict(read: UploadRecord, verdict: UploadVerdict): Promise<boolean> {
  const values: Record<string, unknown> = {
    status: verdict.status,
    problems: verdict.problems,
    checkedAt: verdict.checkedAt,
    revision: (read.revision ?? 0) + 1,
    etag: verdict.etag,
    sequencer: verdict.sequencer,
    objectKey: verdict.objectKey,
    scans: verdict.scans,
  };
  const set = Object.keys(values).filter((name) => values[name] !== undefined);
  const remove = Object.keys(values).filter((name) => values[name] === undefined);
  return wroteIf(
    dynamo.send(
      new UpdateCommand({
        TableName,
        Key: uploadKey(read.uploadId),
        UpdateExpression:
          `SET ${set.map((name) => `#${name} = :${name}`).join(', ')}` +
          (remove.length > 0 ? ` REMOVE ${remove.map((name) => `#${name}`).join(', ')}` : ''),
        ConditionExpression: `attribute_exists(pk) AND #status <> :claimed AND ${
          read.revision === undefined ? 'attribute_not_exists(#revision)' : '#revision = :read'
        }`,
        ExpressionAttributeNames: Object.fromEntries(Object.keys(values).map((name) => [`#${name}`, name])),
        ExpressionAttributeValues: {
          ...Object.fromEntries(set.map((name) => [`:${name}`, values[name]])),
          ':claimed': 'claimed',
          ...(read.revision === undefined ? {} : { ':read': read.revision }),
        },
      }),
    ),
  );
}

/**
 * The verifier's fast path: marks the upload verified in one write, on condition that the file is what was declared
 * (its real size and real type), that it is a later post than any judged before, and that no case claimed the
 * upload. Where the malware scan is on, the scan's verdict is needed too: that path reads first.
 * @returns the record as it was before, or undefined when a condition failed (judge it from the record then)
 */
export async function confirmVerifiedUpload(
  uploadId: string,
  file: {
    size: number;
    contentType: string;
    etag: string;
    sequencer: string;
    objectKey: string;
    checkedAt: string;
  },
): Promise<UploadRecord | undefined> {
  try {
    const { Attributes } = await dynamo.send(
      new UpdateCommand({
        TableName,
        Key: uploadKey(uploadId),
        UpdateExpression:
          'SET #status = :verified, etag = :etag, sequencer = :sequencer, objectKey = :objectKey, ' +
          'checkedAt = :checkedAt, #revision = if_not_exists(#revision, :zero) + :one REMOVE problems',
        ConditionExpression:
          'attribute_exists(pk) AND #status <> :claimed AND #size = :size AND contentType = :contentType AND ' +
          '(attribute_not_exists(sequencer) OR sequencer < :sequencer)',
        ExpressionAttributeNames: { '#status': 'status', '#size': 'size', '#revision': 'revision' },
        ExpressionAttributeValues: {
          ':verified': 'verified',
          ':claimed': 'claimed',
          ':etag': file.etag,
          ':sequencer': file.sequencer,
          ':objectKey': file.objectKey,
          ':checkedAt': file.checkedAt,
          ':size': file.size,
          ':contentType': file.contentType,
          ':zero': 0,
          ':one': 1,
        },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return stripKeys<UploadRecord>(Attributes ?? {});
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/**
 * Transaction item that claims a verified upload for a case: still the caller's, still `verified`, made for this
 * procedure and document type, and its checked copy still the one the case records (`objectKey`).
 */
export function claimUploadItem(upload: UploadRecord, caseCode: string, ownerId: string): TransactItem {
  return {
    Update: {
      TableName,
      Key: uploadKey(upload.uploadId),
      UpdateExpression: 'SET #status = :claimed, caseCode = :code REMOVE expiresAt',
      ConditionExpression:
        '#status = :verified AND ownerId = :owner AND procedureId = :procedure AND ' +
        'documentType = :documentType AND objectKey = :objectKey',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':claimed': 'claimed',
        ':verified': 'verified',
        ':code': caseCode,
        ':owner': ownerId,
        ':procedure': upload.procedureId,
        ':documentType': upload.documentType,
        ':objectKey': upload.objectKey ?? '',
      },
    },
  };
}

/**
 * Transaction item of a draft that names an upload: the upload (and so its files) lives until `expiresAt`, the
 * draft's own expiry. Only the caller's own upload, made for this procedure and document type, not `claimed` (its
 * files belong to a case, which must not expire) and not yet expired; otherwise the draft's transaction fails on this
 * item. `pending`, `verified` and `rejected` ones are kept alike: a rejected file's verdict, with its reason, stays
 * readable wherever the draft is resumed, until the applicant replaces it (its file never leaves quarantine).
 */
export function keepUploadForDraftItem(options: {
  readonly uploadId: string;
  readonly ownerId: string;
  readonly procedureId: string;
  readonly documentType: string;
  /** Seconds since the epoch. */
  readonly expiresAt: number;
  readonly now: number;
}): TransactItem {
  return {
    Update: {
      TableName,
      Key: uploadKey(options.uploadId),
      UpdateExpression: 'SET expiresAt = :until',
      ConditionExpression:
        'attribute_exists(pk) AND ownerId = :owner AND procedureId = :procedure AND documentType = :type' +
        ' AND #status <> :claimed AND (attribute_not_exists(expiresAt) OR expiresAt > :now)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':until': options.expiresAt,
        ':owner': options.ownerId,
        ':procedure': options.procedureId,
        ':type': options.documentType,
        ':claimed': 'claimed',
        ':now': options.now,
      },
    },
  };
}
