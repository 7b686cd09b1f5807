// Upload records: a presigned upload from its creation to the case that claims it.
import { BatchGetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { stripKeys, TableName, type TransactItem } from './dynamo';
import type { UploadRecord } from './records';

export const uploadKey = (uploadId: string) => ({ pk: `UPLOAD#${uploadId}`, sk: 'UPLOAD' });

/** BatchGetItem takes at most 100 keys. */
const BATCH_GET_LIMIT = 100;

export async function putUpload(record: UploadRecord): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName,
      Item: { ...uploadKey(record.uploadId), ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/** The uploads of these ids that exist, by id (consistent reads). */
export async function getUploads(uploadIds: readonly string[]): Promise<Map<string, UploadRecord>> {
  const found = new Map<string, UploadRecord>();
  const unique = [...new Set(uploadIds)];
  for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
      [TableName]: { Keys: unique.slice(i, i + BATCH_GET_LIMIT).map(uploadKey), ConsistentRead: true },
    };
    while (request && Object.keys(request).length > 0) {
      const response = await dynamo.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of response.Responses?.[TableName] ?? []) {
        const record = stripKeys<UploadRecord>(item);
        found.set(record.uploadId, record);
      }
      request = response.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

/** Transaction item that claims an upload for a case, only if it is still the caller's and unclaimed. */
export function claimUploadItem(upload: UploadRecord, caseCode: string, ownerId: string): TransactItem {
  return {
    Update: {
      TableName,
      Key: uploadKey(upload.uploadId),
      UpdateExpression: 'SET #status = :claimed, caseCode = :code REMOVE expiresAt',
      ConditionExpression: '#status = :pending AND ownerId = :owner',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':claimed': 'claimed',
        ':pending': 'pending',
        ':code': caseCode,
        ':owner': ownerId,
      },
    },
  };
}

/**
 * Transaction item of a draft that names an upload: the upload (and so its file) lives until `expiresAt`, the
 * draft's own expiry. Only the caller's own upload, made for this procedure and document type, not yet claimed by
 * a case and not yet expired; otherwise the draft's transaction fails on this item.
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
        ' AND attribute_not_exists(caseCode) AND (attribute_not_exists(expiresAt) OR expiresAt > :now)',
      ExpressionAttributeValues: {
        ':until': options.expiresAt,
        ':owner': options.ownerId,
        ':procedure': options.procedureId,
        ':type': options.documentType,
        ':now': options.now,
      },
    },
  };
}
