// Direct access to the runtime's documents bucket (s3rver), for tests of what lives there and for how long.
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { inject } from 'vitest';

/** The bucket the local runtime creates (local/runtime.ts's default). */
export const DOCUMENTS_BUCKET = 'motcua-documents';

let client: S3Client | undefined;
export function bucketClient(): S3Client {
  client ??= new S3Client({
    endpoint: inject('s3Endpoint'),
    region: 'ap-southeast-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return client;
}

/** The keys under `prefix` in `bucket`, sorted. */
export async function keysUnder(prefix: string, bucket = DOCUMENTS_BUCKET): Promise<string[]> {
  const page = await bucketClient().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : [])).sort();
}

/** A bucket of the test's own, beside the runtime's: nothing the runtime does reaches it. */
export async function ownBucket(name: string): Promise<string> {
  await bucketClient().send(new CreateBucketCommand({ Bucket: name }));
  return name;
}
