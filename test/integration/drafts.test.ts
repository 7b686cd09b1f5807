// Drafts over HTTP (CONTRACT.md v2): save, read back on "another device", list, delete; the uploads a draft names live
// as long as it does; bad input answered with every field at fault and nothing stored; a submission removes the draft.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Account, newAccount, newCitizen } from '../support/accounts';
import { jpegBytes } from '../support/files';
import {
  BIRTH,
  client,
  exampleData,
  HOUSEHOLD_BUSINESS,
  MARRIAGE,
  submitExample,
  uploadFile,
} from '../support/flows';
import type { Json } from '../support/http';
import { uploadExpiresAt } from '../support/table';

const c = client();
const DAY_SECONDS = 24 * 3600;

const put = (who: Account, procedureId: string, body: unknown, lang = 'vi') =>
  c.request<Json>('PUT', `/api/drafts/${procedureId}`, {
    token: who.token,
    body,
    headers: { 'accept-language': lang, 'content-type': 'application/json' },
  });
const get = (who: Account, procedureId: string) => c.get(`/api/drafts/${procedureId}`, { token: who.token });
const list = (who: Account) => c.get('/api/drafts', { token: who.token });
const remove = (who: Account, procedureId: string) =>
  c.request<Json>('DELETE', `/api/drafts/${procedureId}`, { token: who.token });

const birthCertificate = (who: Account) =>
  uploadFile(c, who.token, { procedureId: BIRTH, documentType: 'medical-birth-certificate' });

describe('drafts', () => {
  it('keeps a half-done form with its upload, reads it back from another session, lists and deletes it', async () => {
    const citizen = await newCitizen();
    const uploadId = await birthCertificate(citizen);
    const before = await uploadExpiresAt(uploadId);
    const half = { child: { fullName: 'Trần Bảo Ngọc', sex: 'female' }, mother: {} };
    const saved = await put(citizen, BIRTH, {
      data: half,
      documents: [{ documentType: 'medical-birth-certificate', uploadId }],
      step: 'mother',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({
      procedureId: BIRTH,
      data: half,
      documents: [{ documentType: 'medical-birth-certificate', uploadId }],
      step: 'mother',
    });
    const updated = Date.parse(saved.body.updatedAt);
    const expires = Date.parse(saved.body.expiresAt);
    expect((expires - updated) / 1000 / DAY_SECONDS).toBeCloseTo(30, 1);

    // The upload now lives as long as the draft, no longer its own two days.
    const kept = await uploadExpiresAt(uploadId);
    expect(before).toBeDefined();
    expect(kept).toBe(Math.floor(expires / 1000));
    expect(kept! - before!).toBeGreaterThan(27 * DAY_SECONDS);

    // Another device of the same person: a new token of the same account reads the same draft.
    const sameAccountElsewhere = { ...citizen };
    const read = await get(sameAccountElsewhere, BIRTH);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(saved.body);

    const second = await put(citizen, HOUSEHOLD_BUSINESS, { data: { owner: { fullName: 'Lê Văn An' } } });
    expect(second.status).toBe(200);
    expect(second.body.documents).toEqual([]);
    expect(second.body.step).toBeUndefined();
    const listed = await list(citizen);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((d: { procedureId: string }) => d.procedureId)).toEqual([
      HOUSEHOLD_BUSINESS,
      BIRTH,
    ]);

    const deleted = await remove(citizen, BIRTH);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
    expect((await get(citizen, BIRTH)).status).toBe(404);
    expect((await remove(citizen, BIRTH)).status).toBe(204);
    expect((await list(citizen)).body.items.map((d: { procedureId: string }) => d.procedureId)).toEqual([
      HOUSEHOLD_BUSINESS,
    ]);
  });

  it("shows no one else's draft, and refuses someone else's upload without storing anything", async () => {
    const owner = await newCitizen();
    const stranger = await newCitizen();
    const theirUpload = await birthCertificate(owner);
    expect((await put(owner, BIRTH, { data: { child: { fullName: 'Của tôi' } } })).status).toBe(200);

    expect((await get(stranger, BIRTH)).status).toBe(404);
    expect((await list(stranger)).body.items).toEqual([]);

    const refused = await put(stranger, BIRTH, {
      data: { child: {} },
      documents: [{ documentType: 'medical-birth-certificate', uploadId: theirUpload }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { path: 'documents[0].uploadId', message: expect.stringContaining('Không tìm thấy tệp') },
    ]);
    expect((await get(stranger, BIRTH)).status).toBe(404);
    // The owner's draft is untouched.
    expect((await get(owner, BIRTH)).body.data).toEqual({ child: { fullName: 'Của tôi' } });
  });

  it('answers bad drafts with every field at fault, in English, and stores none of them', async () => {
    const citizen = await newCitizen();
    const photo = await uploadFile(c, citizen.token, {
      procedureId: BIRTH,
      documentType: 'medical-birth-certificate',
      bytes: jpegBytes(),
      contentType: 'image/jpeg',
      fileName: 'anh.jpg',
    });
    let deep: unknown = 'leaf';
    for (let i = 0; i < 25; i++) deep = { nested: deep };
    const refused = await put(
      citizen,
      BIRTH,
      {
        data: deep,
        documents: [
          { documentType: 'passport', uploadId: 'x' },
          { documentType: 'medical-birth-certificate', uploadId: photo },
          { documentType: 'medical-birth-certificate', uploadId: photo },
          { documentType: 'medical-birth-certificate', uploadId: 'another' },
        ],
      },
      'en',
    );
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body.errors).toEqual([
      { path: 'data', message: 'The data is nested more than 20 levels deep' },
      { path: 'documents[0].documentType', message: 'Not a document type of this procedure' },
      { path: 'documents[2].uploadId', message: 'This upload is listed more than once' },
      {
        path: 'documents',
        message: expect.stringMatching(/^Too many files \(at most 2\) for: Medical birth/),
      },
    ]);

    const wrongTypes = await put(citizen, BIRTH, { data: [], documents: {}, step: 'x'.repeat(65) }, 'en');
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'data',
      'documents',
      'step',
    ]);

    // Nested as deep as 256 KB allows: still a 400, never a stack overflow.
    const abyss = `{"data":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    const bottomless = await put(citizen, BIRTH, abyss, 'en');
    expect(bottomless.status).toBe(400);
    expect(bottomless.body.errors).toEqual([
      { path: 'data', message: 'The data is nested more than 20 levels deep' },
    ]);

    const tooBig = await put(citizen, BIRTH, { data: { note: 'a'.repeat(256 * 1024) } }, 'en');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.title).toBe('Request body is larger than 256 KB');

    expect((await put(citizen, 'no-such-procedure', { data: {} })).status).toBe(404);
    expect((await get(citizen, 'no-such-procedure')).status).toBe(404);
    expect((await get(citizen, BIRTH)).status).toBe(404);
    // The photo is still only the upload it was: nothing named it.
    expect((await uploadExpiresAt(photo))! - Date.now() / 1000).toBeLessThan(3 * DAY_SECONDS);
  });

  it('is for applicants only: no token is the gateway’s 401, an official’s is 403', async () => {
    const official = await newAccount('official', { agencyId: 'ubnd-xa-gia-sinh' });
    const unsigned = await c.request<Json>('PUT', `/api/drafts/${BIRTH}`, { body: { data: {} } });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body).toEqual({ message: 'Unauthorized' });
    expect((await put(official, BIRTH, { data: {} })).status).toBe(403);
    expect((await list(official)).status).toBe(403);
  });

  it('goes with the submission of its procedure, in the same transaction; a draft of another procedure stays', async () => {
    const citizen = await newCitizen();
    const uploadId = await birthCertificate(citizen);
    const data = await exampleData(c, BIRTH);
    const documents = [{ documentType: 'medical-birth-certificate', uploadId }];
    expect((await put(citizen, BIRTH, { data, documents, step: 'check' })).status).toBe(200);
    expect((await put(citizen, HOUSEHOLD_BUSINESS, { data: {} })).status).toBe(200);

    const submitted = await submitExample(c, citizen, BIRTH, documents);
    expect(submitted.code).toMatch(/-\d{6}-\d{4}$/);
    expect((await get(citizen, BIRTH)).status).toBe(404);
    expect((await list(citizen)).body.items.map((d: { procedureId: string }) => d.procedureId)).toEqual([
      HOUSEHOLD_BUSINESS,
    ]);
    // Claimed by the case, the upload has no expiry any more, and a draft can no longer name it.
    expect(await uploadExpiresAt(uploadId)).toBeUndefined();
    const again = await put(citizen, BIRTH, { data: {}, documents });
    expect(again.status).toBe(400);
    expect(again.body.errors.map((e: { path: string }) => e.path)).toEqual(['documents[0].uploadId']);
  });

  it('stays when the submission stores nothing: a replayed key answers the first case and removes no newer draft', async () => {
    const citizen = await newCitizen();
    const key = randomUUID();
    // No document required: the replay reaches the transaction (a claimed upload would refuse it before).
    const first = await submitExample(c, citizen, MARRIAGE, [], { key });
    // A new draft of the same procedure, saved after the first submission was stored.
    expect((await put(citizen, MARRIAGE, { data: {}, step: 'bride' })).status).toBe(200);

    // The replay's transaction fails on the idempotency record, so its deletion of the draft is not applied either.
    const replayed = await submitExample(c, citizen, MARRIAGE, [], { key });
    expect(replayed.code).toBe(first.code);
    const kept = await get(citizen, MARRIAGE);
    expect(kept.status).toBe(200);
    expect(kept.body.step).toBe('bride');
  });
});
