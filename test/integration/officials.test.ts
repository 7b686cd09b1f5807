// The officials' side: a case from intake to result, deadlines, the agency boundary and the queue's order.
// Each test works with an applicant and officials made for it, and reads the queue to its end, page by page,
// looking only for the cases it made: other files add to the same agencies' queues at the same time.
import { describe, expect, it } from 'vitest';
import { type Account, newAccount, newCitizen, newOfficial } from '../support/accounts';
import { pdfBytes } from '../support/files';
import {
  act,
  allPages,
  BIRTH,
  COMMUNE,
  client,
  exampleData,
  MARRIAGE,
  submitBirthRegistration,
  submitExample,
  uploadFile,
} from '../support/flows';
import { rewriteCaseAttribute } from '../support/table';
import { countWorkingDays, dueAfterWorkingDays, vietnamIso } from '../support/working-days';

const c = client();
const OTHER_AGENCY = 'so-tu-phap-ninh-binh';

/** A marriage registration (5 working days at the commune) with its example data. */
const submitMarriage = (applicant: Account) => submitExample(c, applicant, MARRIAGE);

/** Every item of an agency's queue of one status, read to the end by cursor. */
async function wholeQueue(official: Account, query: string) {
  const pages = await allPages(c, official.token, `/api/queue?${query}&limit=100`);
  return pages.flatMap((page) => page.items) as {
    code: string;
    submittedAt: string;
    dueAt: string;
    status: string;
  }[];
}

describe('a case from intake to result', () => {
  it('moves through every status with one event and one version per action', async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const { code } = await submitBirthRegistration(c, applicant);

    const received = await act(c, official, code, { action: 'receive', expectedVersion: 1 });
    expect(received.status).toBe(200);
    expect(received.body.status).toBe('processing');
    expect(received.body.version).toBe(2);
    expect(received.body.applicant.name).toBe(applicant.name);
    expect(received.body.documents[0].downloadUrl).toMatch(/^http/);
    const download = await fetch(received.body.documents[0].downloadUrl);
    expect(download.status).toBe(200);
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const missingItems = await act(c, official, code, { action: 'request_supplement', expectedVersion: 2 });
    expect(missingItems.status).toBe(400);
    expect(missingItems.body.errors.map((e: { path: string }) => e.path)).toContain('items');
    const badItems = await act(c, official, code, {
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

    const supplement = await act(c, official, code, {
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

    const uploadId = await uploadFile(c, applicant.token, {
      procedureId: BIRTH,
      documentType: 'medical-birth-certificate',
      bytes: pdfBytes('rõ nét hơn'),
    });
    const answered = await c.post(`/api/applications/${code}/supplement`, {
      token: applicant.token,
      body: {
        data: await exampleData(c, BIRTH),
        documents: [{ documentType: 'medical-birth-certificate', uploadId }],
      },
    });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('processing');
    expect(answered.body.supplementRequest).toBeUndefined();
    expect(answered.body.documents).toHaveLength(1);

    const approveStale = await act(c, official, code, { action: 'approve', expectedVersion: 3 });
    expect(approveStale.status).toBe(409);
    expect(approveStale.body.type).toMatch(/version-conflict$/);
    const approved = await act(c, official, code, { action: 'approve', expectedVersion: 4 });
    expect(approved.body.status).toBe('approved');

    const withdrawLate = await c.post(`/api/applications/${code}/withdraw`, {
      token: applicant.token,
      body: {},
    });
    expect(withdrawLate.status).toBe(409);

    const resultUpload = await uploadFile(c, official.token, {
      procedureId: BIRTH,
      documentType: 'result',
      fileName: 'trích lục khai sinh.pdf',
    });
    const issued = await act(c, official, code, {
      action: 'issue_result',
      expectedVersion: 5,
      result: { uploadId: resultUpload },
    });
    expect(issued.status).toBe(200);
    expect(issued.body.status).toBe('completed');
    expect(issued.body.result.document.fileName).toBe('trích lục khai sinh.pdf');

    const afterwards = await act(c, official, code, { action: 'receive', expectedVersion: 6 });
    expect(afterwards.status).toBe(409);
    expect(afterwards.body.type).toMatch(/invalid-transition$/);

    const read = await c.get(`/api/applications/${code}`, { token: applicant.token });
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
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const { code } = await submitBirthRegistration(c, applicant);
    const noReason = await act(c, official, code, { action: 'reject', expectedVersion: 1 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ path: 'note' })]);
    const rejected = await act(c, official, code, {
      action: 'reject',
      expectedVersion: 1,
      note: 'Sai thẩm quyền',
    });
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.history[1].note).toBe('Sai thẩm quyền');

    const second = await submitBirthRegistration(c, applicant);
    await act(c, official, second.code, { action: 'receive', expectedVersion: 1 });
    const denyNoReason = await act(c, official, second.code, { action: 'deny', expectedVersion: 2 });
    expect(denyNoReason.status).toBe(400);
    const denied = await act(c, official, second.code, {
      action: 'deny',
      expectedVersion: 2,
      note: 'Không đủ điều kiện',
    });
    expect(denied.body.status).toBe('denied');
  });

  it('rejects unknown actions and bad versions with the fields at fault', async () => {
    const { code } = await submitBirthRegistration(c, await newCitizen());
    const response = await act(c, await newOfficial(COMMUNE), code, {
      action: 'teleport',
      expectedVersion: 0,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'action',
      'expectedVersion',
    ]);
  });
});

describe('deadlines', () => {
  it("sets dueAt at receipt to 17:00 on the procedure's n-th working day after the day of receipt", async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const days = (await c.get(`/api/procedures/${MARRIAGE}`)).body.processingDays as number;
    expect(days).toBe(5);
    const created = await submitMarriage(applicant);
    expect(created.dueAt).toBe(dueAfterWorkingDays(created.submittedAt, days));

    const received = await act(c, official, created.code, { action: 'receive', expectedVersion: 1 });
    expect(received.status).toBe(200);
    const receipt = received.body.history.at(-1);
    expect(receipt).toMatchObject({ action: 'receive', status: 'processing' });
    // Counted again from the receipt, whatever the submission's own date said.
    expect(received.body.dueAt).toBe(dueAfterWorkingDays(receipt.at, days));
    expect(countWorkingDays(receipt.at, received.body.dueAt)).toBe(days);
  });

  it('moves dueAt on by the working days a supplement request stood unanswered', async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const created = await submitMarriage(applicant);
    const received = await act(c, official, created.code, { action: 'receive', expectedVersion: 1 });
    const dueBefore = received.body.dueAt as string;
    const asked = await act(c, official, created.code, {
      action: 'request_supplement',
      expectedVersion: 2,
      items: [{ field: 'contactPhone', reason: 'Số điện thoại không liên lạc được' }],
    });
    expect(asked.status).toBe(200);
    expect(asked.body.dueAt).toBe(dueBefore);
    // The request has stood for three weeks: the only way to get there without waiting is to say so in the
    // stored case, which keeps when the clock stopped.
    const askedAt = asked.body.history.at(-1).at as string;
    const threeWeeksEarlier = vietnamIso(new Date(new Date(askedAt).getTime() - 21 * 86_400_000));
    await rewriteCaseAttribute(created.code, 'pausedAt', askedAt, threeWeeksEarlier);

    const answered = await c.post(`/api/applications/${created.code}/supplement`, {
      token: applicant.token,
      body: { data: await exampleData(c, MARRIAGE) },
    });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('processing');
    const resumedAt = answered.body.history.at(-1).at as string;
    const stood = countWorkingDays(threeWeeksEarlier, resumedAt);
    // Three calendar weeks hold at least 10 working days, whatever holidays fall in them.
    expect(stood).toBeGreaterThanOrEqual(10);
    expect(answered.body.dueAt).toBe(dueAfterWorkingDays(dueBefore, stood));
  });

  it('keeps dueAt when the applicant answers the same day', async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const created = await submitMarriage(applicant);
    const received = await act(c, official, created.code, { action: 'receive', expectedVersion: 1 });
    await act(c, official, created.code, {
      action: 'request_supplement',
      expectedVersion: 2,
      items: [{ field: 'contactPhone', reason: 'Số điện thoại không liên lạc được' }],
    });
    const answered = await c.post(`/api/applications/${created.code}/supplement`, {
      token: applicant.token,
      body: { data: await exampleData(c, MARRIAGE) },
    });
    const [askedAt, resumedAt] = answered.body.history.slice(-2).map((e: { at: string }) => e.at);
    // Unless the answer came after midnight of a working day, no working day passed.
    const stood = countWorkingDays(askedAt, resumedAt);
    expect(answered.body.dueAt).toBe(
      stood === 0 ? received.body.dueAt : dueAfterWorkingDays(received.body.dueAt, stood),
    );
  });
});

describe('the agency boundary', () => {
  it("shows an official only their own agency's cases; anything else is 404", async () => {
    const applicant = await newCitizen();
    const { code } = await submitBirthRegistration(c, applicant);
    const outsider = await newOfficial(OTHER_AGENCY);
    const seen = await c.get(`/api/cases/${code}`, { token: outsider.token });
    const unknown = await c.get('/api/cases/000.00.00.H00-990101-0001', { token: outsider.token });
    expect(seen.status).toBe(404);
    expect(seen.body).toEqual(unknown.body);
    const acted = await c.post(`/api/cases/${code}/actions`, {
      token: outsider.token,
      body: { action: 'receive', expectedVersion: 1 },
    });
    expect(acted.status).toBe(404);
    const outsiderQueue = await wholeQueue(outsider, 'status=submitted');
    expect(outsiderQueue.map((i) => i.code)).not.toContain(code);

    const insider = await newOfficial(COMMUNE);
    expect((await c.get(`/api/cases/${code}`, { token: insider.token })).status).toBe(200);
    expect((await wholeQueue(insider, 'status=submitted')).map((i) => i.code)).toContain(code);
    expect((await c.get('/api/queue', { token: applicant.token })).status).toBe(403);
  });

  it('orders the queue: submitted oldest first, processing by soonest due date', async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const first = await submitBirthRegistration(c, applicant);
    const second = await submitBirthRegistration(c, applicant);
    const submitted = await wholeQueue(official, 'status=submitted');
    const codes = submitted.map((i) => i.code);
    expect(codes).toContain(first.code);
    expect(codes.indexOf(first.code)).toBeLessThan(codes.indexOf(second.code));
    const times = submitted.map((i) => i.submittedAt);
    expect([...times].sort()).toEqual(times);
    expect(submitted.find((i) => i.code === first.code)).toMatchObject({
      status: 'submitted',
      overdue: false,
      version: 1,
      applicantName: expect.any(String),
    });

    // A birth registration (1 working day) received after a marriage (5) is due first.
    const marriage = await submitMarriage(applicant);
    await act(c, official, marriage.code, { action: 'receive', expectedVersion: 1 });
    await act(c, official, first.code, { action: 'receive', expectedVersion: 1 });
    const processing = await wholeQueue(official, 'status=processing');
    const dues = processing.map((i) => i.dueAt);
    expect([...dues].sort()).toEqual(dues);
    const processingCodes = processing.map((i) => i.code);
    expect(processingCodes.indexOf(first.code)).toBeGreaterThanOrEqual(0);
    expect(processingCodes.indexOf(first.code)).toBeLessThan(processingCodes.indexOf(marriage.code));

    const { token: admin } = await newAccount('admin');
    const noAgency = await c.get('/api/queue', { token: admin });
    expect(noAgency.status).toBe(400);
    const adminPages = await allPages(c, admin, `/api/queue?agencyId=${COMMUNE}&status=processing&limit=100`);
    expect(adminPages.flatMap((p) => p.items).map((i) => i.code)).toContain(first.code);
  });
});
