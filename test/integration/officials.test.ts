import { describe, expect, it } from 'vitest';
import { pdfBytes } from '../support/files';
import {
  act,
  BIRTH,
  COMMUNE,
  client,
  exampleData,
  signIn,
  submitBirthRegistration,
  uploadFile,
} from '../support/flows';

const c = client();
const OFFICIAL = `official-${COMMUNE}`;
const OTHER_OFFICIAL = 'official-so-tu-phap-ninh-binh';

describe('a case from intake to result', () => {
  it('moves through every status with one event and one version per action', async () => {
    const created = await submitBirthRegistration(c, 'citizen1');
    const { code } = created;
    const applicant = await signIn(c, 'citizen1');

    const received = await act(c, OFFICIAL, code, { action: 'receive', expectedVersion: 1 });
    expect(received.status).toBe(200);
    expect(received.body.status).toBe('processing');
    expect(received.body.version).toBe(2);
    expect(received.body.applicant.name).toBe('Nguyễn Văn An');
    expect(received.body.documents[0].downloadUrl).toMatch(/^http/);
    const download = await fetch(received.body.documents[0].downloadUrl);
    expect(download.status).toBe(200);
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const missingItems = await act(c, OFFICIAL, code, { action: 'request_supplement', expectedVersion: 2 });
    expect(missingItems.status).toBe(400);
    expect(missingItems.body.errors.map((e: { path: string }) => e.path)).toContain('items');
    const badItems = await act(c, OFFICIAL, code, {
      action: 'request_supplement',
      expectedVersion: 2,
      items: [
        { field: 'child.noSuchField', reason: 'x' },
        { documentType: 'nope', reason: 'y' },
      ],
    });
    expect(badItems.status).toBe(400);
    expect(badItems.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'items[0].field',
      'items[1].documentType',
    ]);

    const supplement = await act(c, OFFICIAL, code, {
      action: 'request_supplement',
      expectedVersion: 2,
      note: 'Bổ sung giấy chứng sinh bản rõ nét',
      items: [
        { documentType: 'medical-birth-certificate', reason: 'Ảnh bị mờ' },
        { field: 'child.fullName', reason: 'Kiểm tra lại chính tả' },
      ],
    });
    expect(supplement.status).toBe(200);
    expect(supplement.body.status).toBe('needs_supplement');
    expect(supplement.body.supplementRequest.items).toHaveLength(2);

    const uploadId = await uploadFile(c, applicant, {
      procedureId: BIRTH,
      documentType: 'medical-birth-certificate',
      bytes: pdfBytes('rõ nét hơn'),
    });
    const answered = await c.post(`/api/applications/${code}/supplement`, {
      token: applicant,
      body: {
        data: await exampleData(c, BIRTH),
        documents: [{ documentType: 'medical-birth-certificate', uploadId }],
      },
    });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('processing');
    expect(answered.body.supplementRequest).toBeUndefined();
    expect(answered.body.documents).toHaveLength(1);

    const approveStale = await act(c, OFFICIAL, code, { action: 'approve', expectedVersion: 3 });
    expect(approveStale.status).toBe(409);
    expect(approveStale.body.type).toMatch(/version-conflict$/);
    const approved = await act(c, OFFICIAL, code, { action: 'approve', expectedVersion: 4 });
    expect(approved.body.status).toBe('approved');

    const withdrawLate = await c.post(`/api/applications/${code}/withdraw`, { token: applicant, body: {} });
    expect(withdrawLate.status).toBe(409);

    const officialToken = await signIn(c, OFFICIAL);
    const resultUpload = await uploadFile(c, officialToken, {
      procedureId: BIRTH,
      documentType: 'result',
      fileName: 'trích lục khai sinh.pdf',
    });
    const issued = await act(c, OFFICIAL, code, {
      action: 'issue_result',
      expectedVersion: 5,
      result: { uploadId: resultUpload },
    });
    expect(issued.status).toBe(200);
    expect(issued.body.status).toBe('completed');
    expect(issued.body.result.document.fileName).toBe('trích lục khai sinh.pdf');

    const afterwards = await act(c, OFFICIAL, code, { action: 'receive', expectedVersion: 6 });
    expect(afterwards.status).toBe(409);
    expect(afterwards.body.type).toMatch(/invalid-transition$/);

    const read = await c.get(`/api/applications/${code}`, { token: applicant });
    expect(read.body.history.map((e: { status: string }) => e.status)).toEqual([
      'submitted',
      'processing',
      'needs_supplement',
      'processing',
      'approved',
      'completed',
    ]);
    expect(read.body.history.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'receive',
      'request_supplement',
      'supplement',
      'approve',
      'issue_result',
    ]);
  });

  it('needs a reason to reject or deny', async () => {
    const { code } = await submitBirthRegistration(c, 'citizen2');
    const noReason = await act(c, OFFICIAL, code, { action: 'reject', expectedVersion: 1 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ path: 'note' })]);
    const rejected = await act(c, OFFICIAL, code, {
      action: 'reject',
      expectedVersion: 1,
      note: 'Sai thẩm quyền',
    });
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.history[1].note).toBe('Sai thẩm quyền');

    const second = await submitBirthRegistration(c, 'citizen2');
    await act(c, OFFICIAL, second.code, { action: 'receive', expectedVersion: 1 });
    const denyNoReason = await act(c, OFFICIAL, second.code, { action: 'deny', expectedVersion: 2 });
    expect(denyNoReason.status).toBe(400);
    const denied = await act(c, OFFICIAL, second.code, {
      action: 'deny',
      expectedVersion: 2,
      note: 'Không đủ điều kiện',
    });
    expect(denied.body.status).toBe('denied');
  });

  it('rejects unknown actions and bad versions with the fields at fault', async () => {
    const { code } = await submitBirthRegistration(c, 'citizen2');
    const response = await act(c, OFFICIAL, code, { action: 'teleport', expectedVersion: 0 });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'action',
      'expectedVersion',
    ]);
  });
});

describe('the agency boundary', () => {
  it("shows an official only their own agency's cases; anything else is 404", async () => {
    const { code } = await submitBirthRegistration(c, 'citizen1');
    const outsider = await signIn(c, OTHER_OFFICIAL);
    const seen = await c.get(`/api/cases/${code}`, { token: outsider });
    const unknown = await c.get('/api/cases/000.00.00.H00-990101-0001', { token: outsider });
    expect(seen.status).toBe(404);
    expect(seen.body).toEqual(unknown.body);
    const acted = await c.post(`/api/cases/${code}/actions`, {
      token: outsider,
      body: { action: 'receive', expectedVersion: 1 },
    });
    expect(acted.status).toBe(404);
    const queue = await c.get('/api/queue?status=submitted&limit=100', { token: outsider });
    expect(queue.body.items.map((i: { code: string }) => i.code)).not.toContain(code);

    const insider = await signIn(c, OFFICIAL);
    expect((await c.get(`/api/cases/${code}`, { token: insider })).status).toBe(200);
    const citizen = await signIn(c, 'citizen1');
    expect((await c.get('/api/queue', { token: citizen })).status).toBe(403);
  });

  it('orders the queue: submitted oldest first, processing by soonest due date', async () => {
    const first = await submitBirthRegistration(c, 'citizen1');
    const second = await submitBirthRegistration(c, 'citizen2');
    const token = await signIn(c, OFFICIAL);
    const submitted = await c.get('/api/queue?status=submitted&limit=100', { token });
    expect(submitted.status).toBe(200);
    const codes = submitted.body.items.map((i: { code: string }) => i.code);
    expect(codes.indexOf(first.code)).toBeLessThan(codes.indexOf(second.code));
    const times = submitted.body.items.map((i: { submittedAt: string }) => i.submittedAt);
    expect([...times].sort()).toEqual(times);
    const item = submitted.body.items.find((i: { code: string }) => i.code === first.code);
    expect(item).toMatchObject({
      status: 'submitted',
      overdue: false,
      version: 1,
      applicantName: expect.any(String),
    });

    await act(c, OFFICIAL, first.code, { action: 'receive', expectedVersion: 1 });
    const processing = await c.get('/api/queue?status=processing&limit=100', { token });
    const dues = processing.body.items.map((i: { dueAt: string }) => i.dueAt);
    expect([...dues].sort()).toEqual(dues);
    expect(processing.body.items.map((i: { code: string }) => i.code)).toContain(first.code);

    const admin = await signIn(c, 'admin');
    const noAgency = await c.get('/api/queue', { token: admin });
    expect(noAgency.status).toBe(400);
    const adminQueue = await c.get(`/api/queue?agencyId=${COMMUNE}&status=processing&limit=100`, {
      token: admin,
    });
    expect(adminQueue.body.items.map((i: { code: string }) => i.code)).toContain(first.code);
  });
});
