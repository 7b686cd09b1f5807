// What a draft save writes, counted at the SDK: the draft alone is one PutItem; a draft that names uploads keeps
// them alive in one transaction with it. Drives the drafts module in this test's process against a table of its
// own in DynamoDB Local (the behaviour over HTTP is drafts.test.ts's).
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../functions/domain/principal';
import { createOwnTable, recordDynamoDbCalls, useFunctionsInProcess } from '../support/in-process';

const TABLE = `drafts-${randomUUID().slice(0, 8)}`;
const BIRTH = 'dang-ky-khai-sinh';
const DOCUMENT = 'medical-birth-certificate';

let drafts: typeof import('../../functions/drafts/drafts');
let uploads: typeof import('../../functions/storage/uploads');
/** DynamoDB commands the functions' client sent, by name, since the last `calls.length = 0`. */
let calls: string[] = [];

beforeAll(async () => {
  useFunctionsInProcess({ TABLE_NAME: TABLE });
  await createOwnTable(TABLE);
  drafts = await import('../../functions/drafts/drafts');
  uploads = await import('../../functions/storage/uploads');
  calls = await recordDynamoDbCalls();
});

const citizen = (): Principal => ({ id: randomUUID(), role: 'citizen', name: 'Nguyễn Thị Lan' });

describe('a draft save', () => {
  it('is one PutItem when the draft names no upload, and stores the draft', async () => {
    const principal = citizen();
    calls.length = 0;
    await drafts.saveDraft(principal, BIRTH, { data: { hoTen: 'Lan' }, documents: [], step: '2' });
    expect(calls).toEqual(['PutItemCommand']);
    expect((await drafts.readDraft(principal, BIRTH)).data).toEqual({ hoTen: 'Lan' });
  });

  it('keeps the uploads it names alive in one transaction with it, and refuses one that is not the caller’s', async () => {
    const principal = citizen();
    const uploadId = randomUUID();
    const now = Math.floor(Date.now() / 1000);
    await uploads.putUpload({
      type: 'upload',
      uploadId,
      ownerId: principal.id,
      procedureId: BIRTH,
      documentType: DOCUMENT,
      fileName: 'giấy chứng sinh.pdf',
      contentType: 'application/pdf',
      size: 598,
      key: `quarantine/${uploadId}`,
      status: 'verified',
      createdAt: new Date().toISOString(),
      expiresAt: now + 3600,
    });
    calls.length = 0;
    const documents = [{ documentType: DOCUMENT, uploadId }];
    await drafts.saveDraft(principal, BIRTH, { data: {}, documents });
    expect(calls).toEqual(['TransactWriteItemsCommand']);
    expect((await uploads.getUpload(uploadId))?.expiresAt).toBeGreaterThan(now + 3600);

    await expect(drafts.saveDraft(citizen(), BIRTH, { data: {}, documents })).rejects.toMatchObject({
      errors: [expect.objectContaining({ path: 'documents[0].uploadId' })],
    });
  });
});
