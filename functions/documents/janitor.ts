// Keeps the documents bucket in step with the upload records, fed by the table's stream: an upload's files live
// exactly as long as its record. A claimed upload's quarantined original goes (its case holds the checked copy);
// an unclaimed upload whose record expired (TTL) or was deleted takes all its files with it.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { DeleteObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type {
  DynamoDBBatchResponse,
  DynamoDBRecord,
  DynamoDBStreamEvent,
  AttributeValue as StreamAttributeValue,
} from 'aws-lambda';
import { requiredEnv } from '../commons/config';
import { ENV } from '../commons/environment';
import { logger } from '../commons/observability';
import { s3 } from '../commons/s3';
import type { UploadRecord } from '../storage/records';
import { handleInOrder } from '../stream/in-order';
import { checkedPrefix } from './object-keys';

const Bucket = requiredEnv(ENV.documentsBucket, 'the bucket of uploads and documents');

const image = (value: Record<string, StreamAttributeValue> | undefined) =>
  value ? (unmarshall(value as Record<string, AttributeValue>) as UploadRecord) : undefined;

/** The object keys a change of an upload record leaves without a reason to exist. */
export async function unusedObjects(record: DynamoDBRecord): Promise<string[]> {
  const before = image(record.dynamodb?.OldImage);
  const after = image(record.dynamodb?.NewImage);
  if (before?.type !== 'upload' || before.status === 'claimed') return [];
  if (record.eventName === 'MODIFY' && after?.status === 'claimed') return [before.key];
  if (record.eventName !== 'REMOVE') return [];
  // Every checked copy ever made for it (a crash may have left one that no verdict points at).
  const copies: string[] = [];
  let ContinuationToken: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket, Prefix: checkedPrefix(before.uploadId), ContinuationToken }),
    );
    copies.push(...(page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : [])));
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return [before.key, ...copies];
}

export const handler = (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> =>
  handleInOrder(
    event,
    (record) => record,
    async (record) => {
      const keys = await unusedObjects(record);
      await Promise.all(keys.map((Key) => s3.send(new DeleteObjectCommand({ Bucket, Key }))));
    },
    (_record, error) => logger.error('upload files not cleared', { error: error as Error }),
  );
