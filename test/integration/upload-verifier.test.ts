// The upload verifier's own handler, driven with the events AWS sends it: S3's ObjectCreated and, where the malware
// scan is on, GuardDuty's scan results through EventBridge (which the local runtime has no stand-in for). It runs in
// this test's process against the runtime's table and a bucket of the test's own, with MALWARE_SCAN=guardduty.
import { randomUUID } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { GuardDutyScanResultNotificationEvent, S3Event } from 'aws-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { UploadRecord } from '../../functions/storage/records';
import { bucketClient, keysUnder, ownBucket } from '../support/bucket';
import { exeBytes, pdfBytes } from '../support/files';
import { useFunctionsInProcess } from '../support/in-process';

const BUCKET = `verifier-${randomUUID().slice(0, 8)}`;
const BIRTH = 'dang-ky-khai-sinh';
const DOCUMENT = 'medical-birth-certificate';

let verifier: typeof import('../../functions/documents/verifier');
let storage: typeof import('../../functions/storage/uploads');
let dynamo: typeof import('../../functions/storage/dynamo');

beforeAll(async () => {
  useFunctionsInProcess({
    AWS_ENDPOINT_URL_S3: inject('s3Endpoint'),
    S3_FORCE_PATH_STYLE: 'true',
    TABLE_NAME: 'motcua',
    DOCUMENTS_BUCKET: BUCKET,
    MALWARE_SCAN: 'guardduty',
  });
  await ownBucket(BUCKET);
  verifier = await import('../../functions/documents/verifier');
  storage = await import('../../functions/storage/uploads');
  dynamo = await import('../../functions/storage/dynamo');
});

let sequence = 0;
const nextSequencer = () => (0x1000 + ++sequence).toString(16).toUpperCase();

async function newUpload(declared: Uint8Array): Promise<UploadRecord> {
  const uploadId = randomUUID();
  const upload: UploadRecord = {
    type: 'upload',
    uploadId,
    ownerId: randomUUID(),
    procedureId: BIRTH,
    documentType: DOCUMENT,
    fileName: 'giấy chứng sinh.pdf',
    contentType: 'application/pdf',
    size: declared.length,
    key: `quarantine/${uploadId}`,
    status: 'pending',
    createdAt: new Date().toISOString(),
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
  };
  await storage.putUpload(upload);
  return upload;
}

/** Stores `bytes` at the key and returns the event S3 would send about it (its sequencer later than any before). */
async function land(key: string, bytes: Uint8Array, sequencer = nextSequencer()): Promise<S3Event> {
  const stored = await bucketClient().send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: bytes }));
  return objectCreated(key, bytes.length, stored.ETag!.replaceAll('"', ''), sequencer);
}

function objectCreated(key: string, size: number, eTag: string, sequencer: string): S3Event {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'ap-southeast-1',
        eventTime: new Date().toISOString(),
        eventName: 'ObjectCreated:Post',
        userIdentity: { principalId: 'test' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'r', 'x-amz-id-2': 'h' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'uploads',
          bucket: { name: BUCKET, ownerIdentity: { principalId: 'o' }, arn: `arn:aws:s3:::${BUCKET}` },
          object: { key, size, eTag, sequencer },
        },
      },
    ],
  };
}

function scanResult(
  key: string,
  eTag: string,
  scanResultStatus: string,
): GuardDutyScanResultNotificationEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'GuardDuty Malware Protection Object Scan Result',
    source: 'aws.guardduty',
    account: '000000000000',
    time: new Date().toISOString(),
    region: 'ap-southeast-1',
    resources: [],
    detail: {
      schemaVersion: '1.0',
      scanStatus: 'COMPLETED',
      resourceType: 'S3_OBJECT',
      s3ObjectDetails: { bucketName: BUCKET, objectKey: key, eTag, versionId: 'v', s3Throttled: false },
      scanResultDetails: { scanResultStatus, threats: null },
    },
  } as unknown as GuardDutyScanResultNotificationEvent;
}

const etagOf = (event: S3Event) => event.Records[0]!.s3.object.eTag;
const read = async (upload: UploadRecord) => (await storage.getUpload(upload.uploadId))!;
const run = (event: S3Event | GuardDutyScanResultNotificationEvent) => verifier.handler(event);

describe('with the malware scan on, an upload', () => {
  it('is verified only once GuardDuty found clean the very bytes that were checked', async () => {
    const pdf = pdfBytes('quét sạch');
    const upload = await newUpload(pdf);
    const landed = await land(upload.key, pdf);
    await run(landed);
    const checked = await read(upload);
    expect(checked.status).toBe('pending');
    expect(checked.objectKey).toMatch(new RegExp(`^documents/${upload.uploadId}/[0-9a-f-]{36}$`));

    await run(scanResult(upload.key, '0123456789abcdef0123456789abcdef', 'NO_THREATS_FOUND'));
    expect((await read(upload)).status).toBe('pending');
    await run(scanResult(upload.key, etagOf(landed), 'NO_THREATS_FOUND'));
    expect((await read(upload)).status).toBe('verified');
  });

  it.each([
    ['THREATS_FOUND', 'Malware was found in the file'],
    ['UNSUPPORTED', 'The file could not be scanned for malware; upload another file'],
  ])('is rejected when GuardDuty reports %s', async (result, message) => {
    const pdf = pdfBytes(result);
    const upload = await newUpload(pdf);
    const landed = await land(upload.key, pdf);
    await run(landed);
    await run(scanResult(upload.key, etagOf(landed), result));
    const rejected = await read(upload);
    expect(rejected.status).toBe('rejected');
    expect(rejected.problems?.map((p) => [p.path, p.message.en])).toEqual([['file', message]]);
  });

  it('takes a scan result that comes before the event of the file it is about', async () => {
    const pdf = pdfBytes('quét trước');
    const upload = await newUpload(pdf);
    const landed = await land(upload.key, pdf);
    await run(scanResult(upload.key, etagOf(landed), 'NO_THREATS_FOUND'));
    expect((await read(upload)).status).toBe('pending');
    await run(landed);
    expect((await read(upload)).status).toBe('verified');
  });
});

describe('the verifier', () => {
  it('never lets the late event of an earlier post replace the verdict on a later one', async () => {
    const pdf = pdfBytes('gửi trước');
    const upload = await newUpload(pdf);
    const earlier = nextSequencer();
    await run(await land(upload.key, exeBytes(pdf.length)));
    expect((await read(upload)).status).toBe('rejected');
    // The PDF was posted first; its event comes last, and its bytes can still be read (a versioned bucket keeps
    // each version). S3 does not promise the order of events: only their sequencers tell it.
    await run(await land(upload.key, pdf, earlier));
    expect((await read(upload)).status).toBe('rejected');
    expect(await keysUnder(`documents/${upload.uploadId}/`, BUCKET)).toEqual([]);
  });

  it('writes the one-step verdict only for a later post than the verdict it replaces, and never on a claim', async () => {
    const pdf = pdfBytes('một bước');
    const upload = await newUpload(pdf);
    const confirm = (sequencer: string, objectKey: string) =>
      storage.confirmVerifiedUpload(upload.uploadId, {
        size: pdf.length,
        contentType: 'application/pdf',
        etag: 'e',
        sequencer,
        objectKey,
        checkedAt: new Date().toISOString(),
      });
    expect(await confirm('0000000002', 'documents/x/second')).toBeDefined();
    expect(await confirm('0000000001', 'documents/x/first')).toBeUndefined();
    expect((await read(upload)).objectKey).toBe('documents/x/second');
    await dynamo.transact([storage.claimUploadItem(await read(upload), 'TEST-CASE', upload.ownerId)]);
    expect(await confirm('0000000003', 'documents/x/third')).toBeUndefined();
    expect((await read(upload)).objectKey).toBe('documents/x/second');
  });

  it('checks the copy it made, so an object replaced under it is not taken for the one its event was about', async () => {
    const pdf = pdfBytes('bị thay');
    const upload = await newUpload(pdf);
    const first = await land(upload.key, pdf);
    // The key now holds an executable of the same size: the first event's bytes are gone.
    const second = await land(upload.key, exeBytes(pdf.length));
    await run(first);
    expect((await read(upload)).status).toBe('pending');
    await run(second);
    const rejected = await read(upload);
    expect(rejected.status).toBe('rejected');
    expect(rejected.problems?.map((p) => p.path)).toEqual(['contentType']);
    expect(await keysUnder(`documents/${upload.uploadId}/`, BUCKET)).toEqual([]);
  });

  it('removes an object that no upload presigned', async () => {
    const key = `quarantine/${randomUUID()}`;
    await run(await land(key, exeBytes(100)));
    expect(await keysUnder(key, BUCKET)).toEqual([]);
  });
});

describe('a draft that names an upload', () => {
  const keep = (
    upload: UploadRecord,
    until: number,
    other: Partial<Record<'ownerId' | 'documentType', string>> = {},
  ) =>
    dynamo.transact([
      storage.keepUploadForDraftItem({
        uploadId: upload.uploadId,
        ownerId: other.ownerId ?? upload.ownerId,
        procedureId: upload.procedureId,
        documentType: other.documentType ?? upload.documentType,
        expiresAt: until,
        now: Math.floor(Date.now() / 1000),
      }),
    ]);

  it('moves the expiry of a pending, then verified, upload; never of a claimed one, nor of another owner or type', async () => {
    const pdf = pdfBytes('bản nháp');
    const upload = await newUpload(pdf);
    const until = Math.floor(Date.now() / 1000) + 30 * 24 * 3600;
    await keep(upload, until);
    expect((await read(upload)).expiresAt).toBe(until);
    await expect(keep(upload, until + 1, { ownerId: randomUUID() })).rejects.toBeInstanceOf(
      dynamo.TransactionConflict,
    );
    await expect(keep(upload, until + 1, { documentType: 'other-document' })).rejects.toBeInstanceOf(
      dynamo.TransactionConflict,
    );

    const landed = await land(upload.key, pdf);
    await run(landed);
    await run(scanResult(upload.key, etagOf(landed), 'NO_THREATS_FOUND'));
    const verified = await read(upload);
    expect(verified.status).toBe('verified');
    // The verdict left the draft's expiry alone; a later save of the draft moves it again.
    expect(verified.expiresAt).toBe(until);
    await keep(upload, until + 2);
    expect((await read(upload)).expiresAt).toBe(until + 2);

    await dynamo.transact([storage.claimUploadItem(await read(upload), 'TEST-CASE', upload.ownerId)]);
    const claimed = await read(upload);
    expect(claimed.status).toBe('claimed');
    expect(claimed.expiresAt).toBeUndefined();
    await expect(keep(upload, until)).rejects.toBeInstanceOf(dynamo.TransactionConflict);
    expect((await read(upload)).expiresAt).toBeUndefined();
  });

  it('keeps a rejected upload, whose verdict and reason stay readable as long as the draft', async () => {
    const pdf = pdfBytes('không phải PDF');
    const upload = await newUpload(pdf);
    await run(await land(upload.key, exeBytes(pdf.length)));
    expect((await read(upload)).status).toBe('rejected');
    const until = Math.floor(Date.now() / 1000) + 30 * 24 * 3600;
    await keep(upload, until);
    const kept = await read(upload);
    expect(kept.expiresAt).toBe(until);
    expect(kept.problems?.map((p) => p.path)).toEqual(['contentType']);
  });

  it('does not revive an upload whose expiry has passed (TTL deletion lags behind)', async () => {
    const upload = await newUpload(pdfBytes('hết hạn'));
    const past = Math.floor(Date.now() / 1000) - 60;
    await dynamo.transact([
      {
        Update: {
          TableName: 'motcua',
          Key: storage.uploadKey(upload.uploadId),
          UpdateExpression: 'SET expiresAt = :past',
          ExpressionAttributeValues: { ':past': past },
        },
      },
    ]);
    await expect(keep(upload, past + 30 * 24 * 3600)).rejects.toBeInstanceOf(dynamo.TransactionConflict);
    expect((await read(upload)).expiresAt).toBe(past);
  });
});
