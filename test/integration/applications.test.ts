import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jpegBytes, textBytes } from '../support/files';
import {
  BIRTH,
  client,
  exampleData,
  HOUSEHOLD_BUSINESS,
  signIn,
  submitBirthRegistration,
  uploadFile,
} from '../support/flows';

const c = client();
const CODE_PATTERN = /^[0-9A-Z.]+-\d{6}-\d{4,}$/;

describe('POST /api/applications', () => {
  it('accepts a complete application and answers its code, PIN, status and due date', async () => {
    const created = await submitBirthRegistration(c, 'citizen1');
    expect(created.code).toMatch(CODE_PATTERN);
    expect(created.trackingPin).toMatch(/^[A-HJ-KM-NP-Z2-9]{8}$/);
    expect(created.status).toBe('submitted');
    expect(created.version).toBe(1);
    expect(created.submittedAt).toMatch(/\+07:00$/);
    expect(new Date(created.dueAt).getTime()).toBeGreaterThan(new Date(created.submittedAt).getTime());

    const token = await signIn(c, 'citizen1');
    const read = await c.get(`/api/applications/${created.code}`, { token });
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

  it('puts a level-4 procedure with a fee in awaiting_payment', async () => {
    const token = await signIn(c, 'citizen2');
    const response = await c.post('/api/applications', {
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        procedureId: HOUSEHOLD_BUSINESS,
        data: await exampleData(c, HOUSEHOLD_BUSINESS),
        documents: [],
      },
    });
    expect(response.status).toBe(201);
    expect(response.body.status).toBe('awaiting_payment');
  });

  it('lists every invalid field at once, in the language asked for, and stores nothing', async () => {
    const token = await signIn(c, 'citizen2');
    const before = await c.get('/api/applications?limit=100', { token });
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
    for (const lang of ['vi', 'en'] as const) {
      const response = await c.post('/api/applications', {
        token,
        headers: { 'idempotency-key': randomUUID(), 'accept-language': lang },
        body,
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const paths = response.body.errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'data.child.fullName',
          'data.child.dateOfBirth',
          'documents[1].documentType',
        ]),
      );
      for (const e of response.body.errors) expect(e.message).toMatch(/\S/);
      if (lang === 'vi')
        expect(JSON.stringify(response.body)).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
    }
    const after = await c.get('/api/applications?limit=100', { token });
    expect(after.body.items.length).toBe(before.body.items.length);
    // The upload was not claimed: a correct application can still use it.
    const ok = await c.post('/api/applications', {
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: { procedureId: BIRTH, data: await exampleData(c, BIRTH), documents: [body.documents[0]] },
    });
    expect(ok.status).toBe(201);
  });

  it('requires the required documents', async () => {
    const token = await signIn(c, 'citizen1');
    const response = await c.post('/api/applications', {
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: { procedureId: BIRTH, data: await exampleData(c, BIRTH), documents: [] },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'documents' })]);
  });

  it('checks each upload: stored, real size, real type, owner, not used twice', async () => {
    const token = await signIn(c, 'citizen1');
    const other = await signIn(c, 'citizen2');
    const spec = { procedureId: BIRTH, documentType: 'medical-birth-certificate' };
    const neverPosted = await uploadFile(c, token, spec, false);
    const fakePdf = await uploadFile(c, token, { ...spec, bytes: textBytes('plain text, not a PDF at all') });
    const jpegAsPdf = await uploadFile(c, token, {
      ...spec,
      bytes: jpegBytes(),
      contentType: 'application/pdf',
    });
    const someoneElses = await uploadFile(c, other, spec);
    const response = await c.post('/api/applications', {
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        procedureId: BIRTH,
        data: await exampleData(c, BIRTH),
        documents: [neverPosted, fakePdf, jpegAsPdf, someoneElses].map((uploadId) => ({
          documentType: 'medical-birth-certificate',
          uploadId,
        })),
      },
    });
    expect(response.status).toBe(400);
    const paths = response.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'documents[0].uploadId',
        'documents[1].uploadId',
        'documents[2].uploadId',
        'documents[3].uploadId',
      ]),
    );
  });

  it('accepts a JPEG photo where scans are accepted', async () => {
    const token = await signIn(c, 'citizen1');
    const uploadId = await uploadFile(c, token, {
      procedureId: BIRTH,
      documentType: 'medical-birth-certificate',
      bytes: jpegBytes(4096),
      contentType: 'image/jpeg',
      fileName: 'ảnh chụp.jpg',
    });
    const response = await c.post('/api/applications', {
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        procedureId: BIRTH,
        data: await exampleData(c, BIRTH),
        documents: [{ documentType: 'medical-birth-certificate', uploadId }],
      },
    });
    expect(response.status).toBe(201);
    // And the same upload cannot be claimed a second time.
    const again = await c.post('/api/applications', {
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        procedureId: BIRTH,
        data: await exampleData(c, BIRTH),
        documents: [{ documentType: 'medical-birth-certificate', uploadId }],
      },
    });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].path).toBe('documents[0].uploadId');
  });

  it('answers framing mistakes with 4xx problem details', async () => {
    const token = await signIn(c, 'citizen1');
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

    const official = await signIn(c, 'official-ubnd-xa-gia-sinh');
    const wrongRole = await c.post('/api/applications', {
      token: official,
      headers: { 'idempotency-key': randomUUID() },
      body: { procedureId: BIRTH, data: {}, documents: [] },
    });
    expect(wrongRole.status).toBe(403);
  });
});

describe('Idempotency-Key', () => {
  it('answers the first response again for the same body, and 409 for another body', async () => {
    const token = await signIn(c, 'citizen2');
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
  });
});

describe('GET /api/applications and /api/applications/{code}', () => {
  it("lists the caller's own cases, newest first, paginated, and hides everyone else's", async () => {
    const a = await submitBirthRegistration(c, 'citizen2');
    const b = await submitBirthRegistration(c, 'citizen2');
    const token = await signIn(c, 'citizen2');
    const first = await c.get('/api/applications?limit=1', { token });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0].code).toBe(b.code);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await c.get(`/api/applications?limit=1&cursor=${first.body.nextCursor}`, { token });
    expect(second.body.items[0].code).toBe(a.code);

    const stranger = await signIn(c, 'citizen1');
    const hidden = await c.get(`/api/applications/${a.code}`, { token: stranger });
    const unknown = await c.get('/api/applications/000.00.00.H00-990101-0001', { token: stranger });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(unknown.body);
    const mine = await c.get('/api/applications?limit=100', { token: stranger });
    expect(mine.body.items.map((i: { code: string }) => i.code)).not.toContain(a.code);

    const badCursor = await c.get('/api/applications?cursor=bm90LWEtY3Vyc29y', { token });
    expect(badCursor.status).toBe(400);
    const badLimit = await c.get('/api/applications?limit=1000', { token });
    expect(badLimit.status).toBe(400);
  });
});

describe('withdraw and supplement', () => {
  it('lets the applicant withdraw before a decision, and not after', async () => {
    const created = await submitBirthRegistration(c, 'citizen1');
    const token = await signIn(c, 'citizen1');
    const withdrawn = await c.post(`/api/applications/${created.code}/withdraw`, {
      token,
      body: { reason: 'Nộp nhầm' },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(withdrawn.body.version).toBe(2);
    const again = await c.post(`/api/applications/${created.code}/withdraw`, { token, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/invalid-transition$/);
  });

  it('answers 409 to a supplement nobody asked for', async () => {
    const created = await submitBirthRegistration(c, 'citizen1');
    const token = await signIn(c, 'citizen1');
    const response = await c.post(`/api/applications/${created.code}/supplement`, {
      token,
      body: { data: await exampleData(c, BIRTH) },
    });
    expect(response.status).toBe(409);
  });
});
