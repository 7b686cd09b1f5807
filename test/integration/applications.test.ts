// An applicant's side of the contract: submitting, the checks on data and uploads, Idempotency-Key, reading
// one's own cases, withdrawing. Every test signs in as people made for it, so it reads back only what it made.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newBusiness, newCitizen, newOfficial } from '../support/accounts';
import { jpegBytes, pdfBytes, textBytes } from '../support/files';
import {
  act,
  BIRTH,
  COMMUNE,
  client,
  exampleData,
  HOUSEHOLD_BUSINESS,
  submitBirthRegistration,
  submitHouseholdBusiness,
  uploadFile,
} from '../support/flows';
import { vietnamDay } from '../support/working-days';

const c = client();
const CODE_PATTERN = /^[0-9A-Z.]+-\d{6}-\d{4,}$/;
const VIETNAMESE_LETTERS = /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i;

describe('POST /api/applications', () => {
  it('accepts a complete application and answers its code, PIN, status and due date', async () => {
    const applicant = await newCitizen();
    const created = await submitBirthRegistration(c, applicant);
    expect(created.code).toMatch(CODE_PATTERN);
    expect(created.trackingPin).toMatch(/^[A-HJ-KM-NP-Z2-9]{8}$/);
    expect(created.status).toBe('submitted');
    expect(created.version).toBe(1);
    expect(created.submittedAt).toMatch(/\+07:00$/);
    expect(new Date(created.dueAt).getTime()).toBeGreaterThan(new Date(created.submittedAt).getTime());

    const read = await c.get(`/api/applications/${created.code}`, { token: applicant.token });
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('submitted');
    expect(read.body.documents).toEqual([
      expect.objectContaining({ documentType: 'medical-birth-certificate', contentType: 'application/pdf' }),
    ]);
    expect(read.body.history).toEqual([
      expect.objectContaining({
        status: 'submitted',
        action: 'submit',
        actor: expect.objectContaining({ role: 'citizen' }),
      }),
    ]);
    // The PIN is shown once and stored only as a hash.
    expect(JSON.stringify(read.body)).not.toContain(created.trackingPin);
  });

  it("codes each case with the receiving agency's code and the day of receipt in Vietnam, numbered in order", async () => {
    const applicant = await newCitizen();
    const business = await newBusiness();
    const agencyCode = async (procedureId: string) =>
      (await c.get(`/api/procedures/${procedureId}`)).body.agency.code as string;
    const [communeCode, districtCode] = [await agencyCode(BIRTH), await agencyCode(HOUSEHOLD_BUSINESS)];
    expect(communeCode).not.toBe(districtCode);

    const before = new Date();
    const first = await submitBirthRegistration(c, applicant);
    const second = await submitBirthRegistration(c, applicant);
    const district = await submitHouseholdBusiness(c, business);
    const after = new Date();

    const yymmdd = (iso: string) => vietnamDay(iso).replace(/-/g, '').slice(2);
    // The day is Vietnam's: the test's own clock, read before and after, brackets it (UTC+7, no DST).
    expect([yymmdd(before.toISOString()), yymmdd(after.toISOString())]).toContain(yymmdd(first.submittedAt));
    const parts = (code: string) =>
      code.match(/^(.+)-(\d{6})-(\d{4,})$/)!.slice(1) as [string, string, string];
    const [firstAgency, firstDay, firstNumber] = parts(first.code);
    expect(firstAgency).toBe(communeCode);
    expect(firstDay).toBe(yymmdd(first.submittedAt));
    const [secondAgency, secondDay, secondNumber] = parts(second.code);
    expect(secondAgency).toBe(communeCode);
    expect(secondDay).toBe(yymmdd(second.submittedAt));
    // Later in one agency's day, a higher number (other test files may take numbers in between).
    if (secondDay === firstDay) expect(Number(secondNumber)).toBeGreaterThan(Number(firstNumber));
    expect(district.code.startsWith(`${districtCode}-`)).toBe(true);
    expect(parts(district.code)[1]).toBe(yymmdd(district.submittedAt));
  });

  it('puts a level-4 procedure with a fee in awaiting_payment', async () => {
    const created = await submitHouseholdBusiness(c, await newBusiness());
    expect(created.status).toBe('awaiting_payment');
  });

  it('lists every invalid field at once, in the language asked for (Vietnamese or English), and stores nothing', async () => {
    const applicant = await newCitizen();
    const { token } = applicant;
    const data = await exampleData(c, BIRTH);
    const child = data.child as Record<string, unknown>;
    child.fullName = '';
    child.dateOfBirth = '2999-01-01';
    const uploadId = await uploadFile(c, token, {
      procedureId: BIRTH,
      documentType: 'medical-birth-certificate',
    });
    const body = {
      procedureId: BIRTH,
      data,
      documents: [
        { documentType: 'medical-birth-certificate', uploadId },
        { documentType: 'no-such-type', uploadId: randomUUID() },
      ],
    };
    const answers: Record<string, Record<string, string>> = {};
    for (const lang of ['vi', 'en'] as const) {
      const response = await c.post('/api/applications', {
        token,
        headers: { 'idempotency-key': randomUUID(), 'accept-language': lang },
        body,
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('content-language')).toBe(lang);
      const messages = Object.fromEntries(
        response.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]),
      );
      expect(Object.keys(messages)).toEqual(
        expect.arrayContaining([
          'data.child.fullName',
          'data.child.dateOfBirth',
          'documents[1].documentType',
        ]),
      );
      for (const message of Object.values(messages)) expect(message).toMatch(/\S/);
      answers[lang] = messages;
    }
    // Each language's own words, written out here; no English answer carries a Vietnamese letter.
    expect(answers.vi!['documents[1].documentType']).toBe('Loại giấy tờ không thuộc thủ tục này');
    expect(answers.en!['documents[1].documentType']).toBe('Not a document type of this procedure');
    expect(answers.vi!['data.child.dateOfBirth']).toBe('Ngày này không được sau ngày hôm nay');
    expect(answers.en!['data.child.dateOfBirth']).toBe('This date cannot be later than today');
    for (const message of Object.values(answers.en!)) expect(message).not.toMatch(VIETNAMESE_LETTERS);
    expect(Object.values(answers.vi!).join(' ')).toMatch(VIETNAMESE_LETTERS);

    // Nothing stored: the applicant has no case at all.
    const mine = await c.get('/api/applications', { token });
    expect(mine.body.items).toEqual([]);
    // The upload was not claimed: a correct application can still use it.
    const ok = await c.post('/api/applications', {
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: { procedureId: BIRTH, data: await exampleData(c, BIRTH), documents: [body.documents[0]] },
    });
    expect(ok.status).toBe(201);
  });

  it('requires the required documents', async () => {
    const { token } = await newCitizen();
    const response = await c.post('/api/applications', {
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: { procedureId: BIRTH, data: await exampleData(c, BIRTH), documents: [] },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'documents' })]);
  });

  it('checks each upload: stored, its real size (larger or smaller than declared), its real type, its owner', async () => {
    const { token } = await newCitizen();
    const other = await newCitizen();
    const spec = { procedureId: BIRTH, documentType: 'medical-birth-certificate' };
    const neverPosted = await uploadFile(c, token, spec, false);
    const fakePdf = await uploadFile(c, token, { ...spec, bytes: textBytes('plain text, not a PDF at all') });
    const jpegAsPdf = await uploadFile(c, token, {
      ...spec,
      bytes: jpegBytes(),
      contentType: 'application/pdf',
    });
    const someoneElses = await uploadFile(c, other.token, spec);
    // Storage here (s3rver) does not enforce the presigned policy's content-length-range, so these posts
    // succeed as a tampered client's would; the submission's own check must catch them.
    const pdf = pdfBytes('kích thước thật');
    const largerThanDeclared = await uploadFile(c, token, { ...spec, bytes: pdf, size: pdf.length - 10 });
    const smallerThanDeclared = await uploadFile(c, token, { ...spec, bytes: pdf, size: pdf.length + 10 });
    const honest = await uploadFile(c, token, { ...spec, bytes: pdfBytes('đúng kích thước') });
    const uploads = [
      neverPosted,
      fakePdf,
      jpegAsPdf,
      someoneElses,
      largerThanDeclared,
      smallerThanDeclared,
      honest,
    ];
    const response = await c.post('/api/applications', {
      token,
      headers: { 'idempotency-key': randomUUID(), 'accept-language': 'en' },
      body: {
        procedureId: BIRTH,
        data: await exampleData(c, BIRTH),
        documents: uploads.map((uploadId) => ({ documentType: 'medical-birth-certificate', uploadId })),
      },
    });
    expect(response.status).toBe(400);
    const byPath = (path: string) =>
      response.body.errors
        .filter((e: { path: string }) => e.path === path)
        .map((e: { message: string }) => e.message);
    expect(byPath('documents[0].uploadId')).toEqual(['The file was not uploaded']);
    expect(byPath('documents[1].uploadId')).toEqual(['File content does not match its declared type']);
    expect(byPath('documents[2].uploadId')).toEqual(['File content does not match its declared type']);
    expect(byPath('documents[3].uploadId')).toEqual(['Upload not found']);
    expect(byPath('documents[4].uploadId')).toEqual(['File size does not match what was declared']);
    expect(byPath('documents[5].uploadId')).toEqual(['File size does not match what was declared']);
    expect(byPath('documents[6].uploadId')).toEqual([]);
  });

  it('accepts a JPEG photo where scans are accepted, and never the same upload twice', async () => {
    const { token } = await newCitizen();
    const uploadId = await uploadFile(c, token, {
      procedureId: BIRTH,
      documentType: 'medical-birth-certificate',
      bytes: jpegBytes(4096),
      contentType: 'image/jpeg',
      fileName: 'ảnh chụp.jpg',
    });
    const submit = () =>
      exampleData(c, BIRTH).then((data) =>
        c.post('/api/applications', {
          token,
          headers: { 'idempotency-key': randomUUID() },
          body: {
            procedureId: BIRTH,
            data,
            documents: [{ documentType: 'medical-birth-certificate', uploadId }],
          },
        }),
      );
    expect((await submit()).status).toBe(201);
    const again = await submit();
    expect(again.status).toBe(400);
    expect(again.body.errors[0].path).toBe('documents[0].uploadId');
  });

  it('answers framing mistakes with 4xx problem details', async () => {
    const { token } = await newCitizen();
    const noKey = await c.post('/api/applications', {
      token,
      body: { procedureId: BIRTH, data: {}, documents: [] },
    });
    expect(noKey.status).toBe(400);
    expect(noKey.body.type).toMatch(/bad-header$/);

    const wrongType = await c.post('/api/applications', {
      token,
      headers: { 'idempotency-key': randomUUID(), 'content-type': 'text/plain' },
      body: JSON.stringify({ procedureId: BIRTH }),
    });
    expect(wrongType.status).toBe(415);

    const malformed = await c.post('/api/applications', {
      token,
      headers: { 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
      body: '{"procedureId": ',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.type).toMatch(/malformed-json$/);

    const huge = await c.post('/api/applications', {
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: { procedureId: BIRTH, data: { padding: 'x'.repeat(1024 * 1024) }, documents: [] },
    });
    expect(huge.status).toBe(413);

    const unknownProcedure = await c.post('/api/applications', {
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: { procedureId: 'no-such-procedure', data: {}, documents: [] },
    });
    expect(unknownProcedure.status).toBe(400);
    expect(unknownProcedure.body.errors[0].path).toBe('procedureId');

    const unsigned = await c.post('/api/applications', { body: {} });
    expect(unsigned.status).toBe(401);

    const official = await newOfficial(COMMUNE);
    const wrongRole = await c.post('/api/applications', {
      token: official.token,
      headers: { 'idempotency-key': randomUUID() },
      body: { procedureId: BIRTH, data: {}, documents: [] },
    });
    expect(wrongRole.status).toBe(403);
  });
});

describe('Idempotency-Key', () => {
  it('answers the first response again for the same body, and 409 for another body', async () => {
    const { token } = await newCitizen();
    const uploadId = await uploadFile(c, token, {
      procedureId: BIRTH,
      documentType: 'medical-birth-certificate',
    });
    const key = randomUUID();
    const body = {
      procedureId: BIRTH,
      data: await exampleData(c, BIRTH),
      documents: [{ documentType: 'medical-birth-certificate', uploadId }],
    };
    const first = await c.post('/api/applications', { token, headers: { 'idempotency-key': key }, body });
    const second = await c.post('/api/applications', { token, headers: { 'idempotency-key': key }, body });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);

    const other = await c.post('/api/applications', {
      token,
      headers: { 'idempotency-key': key },
      body: { ...body, contact: { email: 'khac@example.com' } },
    });
    expect(other.status).toBe(409);
    expect(other.body.type).toMatch(/idempotency-conflict$/);
    const mine = await c.get('/api/applications', { token });
    expect(mine.body.items.map((i: { code: string }) => i.code)).toEqual([first.body.code]);
  });
});

describe('GET /api/applications and /api/applications/{code}', () => {
  it("lists the caller's own cases, newest first, page by page, and hides everyone else's", async () => {
    const owner = await newCitizen();
    const stranger = await newCitizen();
    const a = await submitBirthRegistration(c, owner);
    const b = await submitBirthRegistration(c, owner);
    const first = await c.get('/api/applications?limit=1', { token: owner.token });
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: { code: string }) => i.code)).toEqual([b.code]);
    expect(first.body.items[0]).toMatchObject({
      code: b.code,
      procedureId: BIRTH,
      procedureName: { vi: expect.any(String), en: expect.any(String) },
      status: 'submitted',
      submittedAt: b.submittedAt,
      dueAt: b.dueAt,
    });
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await c.get(`/api/applications?limit=1&cursor=${first.body.nextCursor}`, {
      token: owner.token,
    });
    expect(second.body.items.map((i: { code: string }) => i.code)).toEqual([a.code]);

    const hidden = await c.get(`/api/applications/${a.code}`, { token: stranger.token });
    const unknown = await c.get('/api/applications/000.00.00.H00-990101-0001', { token: stranger.token });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(unknown.body);
    expect((await c.get('/api/applications', { token: stranger.token })).body.items).toEqual([]);
    // Someone else's cursor is refused, not followed into their cases.
    const borrowed = await c.get(`/api/applications?limit=1&cursor=${first.body.nextCursor}`, {
      token: stranger.token,
    });
    expect(borrowed.status).toBe(400);

    const badCursor = await c.get('/api/applications?cursor=bm90LWEtY3Vyc29y', { token: owner.token });
    expect(badCursor.status).toBe(400);
    const badLimit = await c.get('/api/applications?limit=1000', { token: owner.token });
    expect(badLimit.status).toBe(400);
  });
});

describe('withdraw and supplement', () => {
  it('lets the applicant withdraw a submitted case before a decision, and only once', async () => {
    const applicant = await newCitizen();
    const created = await submitBirthRegistration(c, applicant);
    const withdrawn = await c.post(`/api/applications/${created.code}/withdraw`, {
      token: applicant.token,
      body: { reason: 'Nộp nhầm' },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(withdrawn.body.version).toBe(2);
    expect(withdrawn.body.history.at(-1)).toMatchObject({
      status: 'withdrawn',
      action: 'withdraw',
      note: 'Nộp nhầm',
    });
    const again = await c.post(`/api/applications/${created.code}/withdraw`, {
      token: applicant.token,
      body: {},
    });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/invalid-transition$/);
  });

  it('lets the applicant withdraw a case awaiting payment', async () => {
    const business = await newBusiness();
    const created = await submitHouseholdBusiness(c, business);
    expect(created.status).toBe('awaiting_payment');
    const withdrawn = await c.post(`/api/applications/${created.code}/withdraw`, {
      token: business.token,
      body: { reason: 'Không đăng ký nữa' },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(withdrawn.body.history.map((e: { status: string }) => e.status)).toEqual([
      'awaiting_payment',
      'withdrawn',
    ]);
    // Withdrawn is final: the payment that comes late no longer moves it.
    const paid = await c.post(`/api/local/payments/${created.code}/confirm`, {});
    expect(paid.status).toBe(409);
  });

  it('lets the applicant withdraw while a supplement is asked for, and the agency can no longer act on it', async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const created = await submitBirthRegistration(c, applicant);
    const asked = await act(c, official, created.code, {
      action: 'request_supplement',
      expectedVersion: 1,
      items: [{ field: 'child.fullName', reason: 'Kiểm tra lại chính tả' }],
    });
    expect(asked.body.status).toBe('needs_supplement');
    const withdrawn = await c.post(`/api/applications/${created.code}/withdraw`, {
      token: applicant.token,
      body: {},
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(withdrawn.body.version).toBe(3);
    const received = await act(c, official, created.code, { action: 'receive', expectedVersion: 3 });
    expect(received.status).toBe(409);
    expect(received.body.type).toMatch(/invalid-transition$/);
    const answered = await c.post(`/api/applications/${created.code}/supplement`, {
      token: applicant.token,
      body: { data: await exampleData(c, BIRTH) },
    });
    expect(answered.status).toBe(409);
  });

  it('answers 409 to a supplement nobody asked for', async () => {
    const applicant = await newCitizen();
    const created = await submitBirthRegistration(c, applicant);
    const response = await c.post(`/api/applications/${created.code}/supplement`, {
      token: applicant.token,
      body: { data: await exampleData(c, BIRTH) },
    });
    expect(response.status).toBe(409);
  });
});
