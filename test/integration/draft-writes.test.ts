// What a draft save writes, counted at the SDK: the draft alone is one PutItem; a draft that names uploads keeps
// them alive in one transaction with it. Drives the drafts module in this test's process against a table of its
// own in DynamoDB Local (the behaviour over HTTP is drafts.test.ts's).
import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Principal } from '../../functions/domain/principal';

const TABLE = `drafts-${randomUUID().slice(0, 8)}`;
const BIRTH = 'dang-ky-khai-sinh';
const DOCUMENT = 'medical-birth-certificate';

let drafts: typeof import('../../functions/drafts/drafts');
let uploads: typeof import('../../functions/storage/uploads');
/** DynamoDB commands the functions' client sent, by name, since the last `calls.length = 0`. */
const calls: string[] = [];

beforeAll(async () => {
  // The module reads its configuration when it loads, as on Lambda.
  Object.assign(process.env, {
    AWS_REGION: 'ap-southeast-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamodbEndpoint'),
    TABLE_NAME: TABLE,
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  const { createTableInput } = await import('../../functions/storage/table');
  const { StreamSpecification: _none, ...input } = createTableInput(TABLE);
  const admin = new DynamoDBClient({ endpoint: inject('dynamodbEndpoint') });
  await admin.send(new CreateTableCommand(input));
  admin.destroy();
  drafts = await import('../../functions/drafts/drafts');
  uploads = await import('../../functions/storage/uploads');
  const { dynamo } = await import('../../functions/commons/clients');
  dynamo.middlewareStack.add(
    (next, context) => (args) => {
      calls.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
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
