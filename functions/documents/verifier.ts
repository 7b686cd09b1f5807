// Checks each upload as it lands: fed by S3's ObjectCreated events (s3rver's own in the local runtime) and, where
// the malware scan is on, by GuardDuty's scan results through EventBridge. The upload becomes verified or rejected.
import { randomUUID } from 'node:crypto';
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import type { GuardDutyScanResultNotificationEvent, S3Event, S3EventRecord } from 'aws-lambda';
import { oneOfEnv, requiredEnv } from '../commons/config';
import { ENV } from '../commons/environment';
import { countEvent, logger } from '../commons/observability';
import { s3 } from '../commons/s3';
import { toVietnamIso } from '../domain/vietnam-time';
import type { UploadProblem, UploadRecord } from '../storage/records';
import { confirmVerifiedUpload, getUpload, writeUploadVerdict } from '../storage/uploads';
import { SNIFF_BYTES, sniffContentType } from './magic-bytes';
import { checkedKey, uploadIdOfQuarantineKey } from './object-keys';
import { requirementOfUpload, UPLOAD_TEXTS } from './rules';
import {
  contentProblems,
  isLaterThanVerdict,
  judge,
  type LandedObject,
  padSequencer,
  SCAN_RESULT_DETAIL_TYPE,
  sizeProblems,
} from './verdict';

const Bucket = requiredEnv(ENV.documentsBucket, 'the bucket of uploads and documents');
/** `guardduty`: an upload is verified only once GuardDuty found its very bytes clean. */
const scanRequired = oneOfEnv(ENV.malwareScan, ['guardduty', 'none'], 'none') === 'guardduty';

/** A verdict write that lost to another (a newer post, a scan result) is judged again; this many times at most. */
const WRITE_ATTEMPTS = 8;

export type VerifierEvent = S3Event | GuardDutyScanResultNotificationEvent;

/** A thrown error is retried (Lambda's asynchronous retries; the local runtime does the same). */
export const handler = async (event: VerifierEvent): Promise<void> => {
  if ('Records' in event) {
    await Promise.all(event.Records.map((record) => objectCreated(record)));
  } else if (event['detail-type'] === SCAN_RESULT_DETAIL_TYPE) {
    await scanResult(event.detail);
  }
};

const unquote = (etag: string | undefined) => etag?.replace(/^"|"$/g, '');

function landedObject(record: S3EventRecord): LandedObject {
  const object = record.s3.object;
  return {
    // Keys in S3 events are URL-encoded, spaces as '+'.
    key: decodeURIComponent(object.key.replace(/\+/g, ' ')),
    size: Number(object.size),
    etag: unquote(object.eTag) ?? '',
    ...(object.versionId ? { versionId: object.versionId } : {}),
    sequencer: padSequencer(object.sequencer ?? ''),
  };
}

async function objectCreated(record: S3EventRecord): Promise<void> {
  if (!record.eventName.startsWith('ObjectCreated:') || record.s3.bucket.name !== Bucket) return;
  const landed = landedObject(record);
  const uploadId = uploadIdOfQuarantineKey(landed.key);
  if (!uploadId) return;
  // An empty file has no first bytes to read (S3 answers a ranged read of it with 416): its size refuses it.
  const file: { head: Uint8Array; objectKey?: string } | 'superseded' =
    landed.size > 0 ? await readAndCopy(uploadId, landed) : { head: new Uint8Array() };
  if (file === 'superseded') return;
  const realType = sniffContentType(file.head);

  // Most posts are what was declared: one conditional write says so, with no read before it.
  if (!scanRequired && file.objectKey && realType) {
    const before = await confirmVerifiedUpload(uploadId, {
      size: landed.size,
      contentType: realType,
      etag: landed.etag,
      sequencer: landed.sequencer,
      objectKey: file.objectKey,
      checkedAt: toVietnamIso(new Date()),
    });
    if (before) {
      // The copy an earlier verdict pointed at is nobody's now.
      if (before.objectKey && before.objectKey !== file.objectKey) await removeObject(before.objectKey);
      countEvent('UploadChecked', { status: 'verified' });
      return;
    }
  }

  // Otherwise the record says why: judged against what was declared (or nothing was).
  const upload = await getUpload(uploadId);
  if (!upload || upload.key !== landed.key) {
    // Nothing presigned this key (or its upload expired): it is no one's file.
    logger.warn('object without an upload removed', { key: landed.key });
    await Promise.all([
      removeObject(landed.key, landed.versionId),
      file.objectKey && removeObject(file.objectKey),
    ]);
    return;
  }
  const checked = judgeFile(upload, landed, file);
  const outcome = await recordVerdict(upload, async (current) => {
    // A claimed upload's case holds its own checked copy: a later post to the form changes nothing.
    if (current.status === 'claimed' || !isLaterThanVerdict(landed, current)) return undefined;
    return {
      ...judge({ problems: checked.problems, etag: landed.etag, scans: current.scans, scanRequired }),
      etag: landed.etag,
      sequencer: landed.sequencer,
      objectKey: checked.objectKey,
      ...(current.scans ? { scans: current.scans } : {}),
    };
  });
  // A copy no verdict points at is nobody's: this post's, when it failed its checks or its verdict did not stand
  // (a case claimed the upload, or a later post was judged first), or the one this verdict replaced.
  const kept = outcome.written ? checked.objectKey : outcome.current?.objectKey;
  for (const key of new Set([file.objectKey, outcome.written ? outcome.replaced?.objectKey : undefined])) {
    if (key !== undefined && key !== kept) await removeObject(key);
  }
  // A post to the form of a claimed upload is no one's file either (the janitor cleared the original at the claim).
  if (outcome.current?.status === 'claimed') await removeObject(landed.key, landed.versionId);
  if (outcome.written) countEvent('UploadChecked', { status: outcome.written.status });
}

/**
 * Reads the first bytes of the posted version and copies it out of quarantine, at once. The copy is what a case
 * may hold; no presigned form can write it. Both are pinned to the event's version (its ETag, and its version id
 * where the bucket is versioned) and each answer's ETag is checked against it: if either holds other bytes, a
 * later post replaced this one, and that post's own event will come.
 */
async function readAndCopy(
  uploadId: string,
  landed: LandedObject,
): Promise<{ head: Uint8Array; objectKey: string } | 'superseded'> {
  const objectKey = checkedKey(uploadId, randomUUID());
  const version = landed.versionId ? { VersionId: landed.versionId } : {};
  try {
    const [head, copied] = await Promise.all([
      s3.send(
        new GetObjectCommand({
          Bucket,
          Key: landed.key,
          ...version,
          IfMatch: `"${landed.etag}"`,
          Range: `bytes=0-${SNIFF_BYTES - 1}`,
        }),
      ),
      s3.send(
        new CopyObjectCommand({
          Bucket,
          Key: objectKey,
          CopySource: `${Bucket}/${landed.key}${landed.versionId ? `?versionId=${encodeURIComponent(landed.versionId)}` : ''}`,
          CopySourceIfMatch: `"${landed.etag}"`,
          MetadataDirective: 'REPLACE',
        }),
      ),
    ]);
    const bytes = (await head.Body?.transformToByteArray()) ?? new Uint8Array();
    if (unquote(head.ETag) === landed.etag && unquote(copied.CopyObjectResult?.ETag) === landed.etag) {
      return { head: bytes, objectKey };
    }
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    // 412: the key holds a later post; 404: it was removed. Either way this version is not there to check.
    if (status !== 412 && status !== 404) throw error;
  }
  await removeObject(objectKey);
  return 'superseded';
}

/** The problems of a posted file, from its real size (the event's) and its first bytes, against its upload. */
function judgeFile(
  upload: UploadRecord,
  landed: LandedObject,
  file: { head: Uint8Array; objectKey?: string },
): { problems: UploadProblem[]; objectKey?: string } {
  const requirement = requirementOfUpload(upload);
  if (!requirement) return { problems: [{ path: 'file', message: UPLOAD_TEXTS.unknownDocumentType }] };
  const bySize = sizeProblems(upload, requirement, landed.size);
  if (bySize.length > 0) return { problems: bySize };
  const byContent = contentProblems(upload, requirement, file.head);
  if (byContent.length > 0) return { problems: byContent };
  return { problems: [], ...(file.objectKey ? { objectKey: file.objectKey } : {}) };
}

/** GuardDuty's verdict on one post (by ETag): kept with the upload, and judged with its content checks. */
async function scanResult(detail: GuardDutyScanResultNotificationEvent['detail']): Promise<void> {
  const { bucketName, objectKey: key, eTag } = detail.s3ObjectDetails;
  const uploadId = uploadIdOfQuarantineKey(key);
  const etag = unquote(eTag);
  if (bucketName !== Bucket || !uploadId || !etag) return;
  const upload = await getUpload(uploadId);
  if (!upload) return;
  await recordVerdict(upload, async (current) => {
    if (current.status === 'claimed') return undefined;
    const scans = { ...current.scans, [etag]: detail.scanResultDetails.scanResultStatus };
    // The content checks stand as they are; the scan only completes them (or refuses the file).
    const content = (current.problems ?? []).filter((problem) => problem.path !== 'file');
    return {
      ...judge({
        problems: content,
        etag: current.objectKey ? current.etag : undefined,
        scans,
        scanRequired,
      }),
      ...(current.etag ? { etag: current.etag } : {}),
      ...(current.sequencer ? { sequencer: current.sequencer } : {}),
      ...(current.objectKey ? { objectKey: current.objectKey } : {}),
      scans,
    };
  });
}

type Verdict = Omit<Parameters<typeof writeUploadVerdict>[1], 'checkedAt'>;

/**
 * Writes the verdict `decide` makes of the record as it now is; when another write came first, reads the record
 * again and lets `decide` judge again (or give up, returning undefined).
 */
async function recordVerdict(
  upload: UploadRecord,
  decide: (current: UploadRecord) => Promise<Verdict | undefined>,
): Promise<{ written?: Verdict; replaced?: UploadRecord; current?: UploadRecord }> {
  let current: UploadRecord | undefined = upload;
  for (let attempt = 1; current; attempt++) {
    const verdict = await decide(current);
    if (!verdict) return { current };
    if (await writeUploadVerdict(current, { ...verdict, checkedAt: toVietnamIso(new Date()) })) {
      return { written: verdict, replaced: current };
    }
    if (attempt >= WRITE_ATTEMPTS)
      throw new Error(`upload ${upload.uploadId}: verdict not written after ${attempt} attempts`);
    current = await getUpload(upload.uploadId);
  }
  return {};
}

async function removeObject(Key: string, VersionId?: string): Promise<void> {
  await s3.send(new DeleteObjectCommand({ Bucket, Key, ...(VersionId ? { VersionId } : {}) }));
}
