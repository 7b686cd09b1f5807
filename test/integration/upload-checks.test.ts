// Uploads tried as an attacker would, and each upload checked as it lands: file names, empty files, a file
// swapped through the same presigned form, the upload's status and who may read it.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newCitizen, newOfficial } from '../support/accounts';
import { exeBytes, jpegBytes, pdfBytes } from '../support/files';
import { BIRTH, COMMUNE, client, eventually, exampleData } from '../support/flows';
import { postToStorage, presignUpload, uploadFile, uploadVerdict } from '../support/uploads';

const c = client();
const DOCUMENT = 'medical-birth-certificate';
const spec = { procedureId: BIRTH, documentType: DOCUMENT };

const submit = async (token: string, uploadId: string) =>
  c.post('/api/applications', {
    token,
    headers: { 'idempotency-key': randomUUID(), 'accept-language': 'en' },
    body: {
      procedureId: BIRTH,
      data: await exampleData(c, BIRTH),
      documents: [{ documentType: DOCUMENT, uploadId }],
    },
  });

describe('file names', () => {
  it.each([
    ['a path', '../../../../etc/passwd%00.pdf'],
    ['a Windows path', 'C:\\Users\\dan\\giay-to.pdf'],
    ['a NUL and a header break', 'giay\u0000to\r\nContent-Type: text/html.pdf'],
    ['a right-to-left override', 'hoa-don\u202Efdp.exe'],
    ['an isolate', 'hoa-don\u2067.pdf'],
    ['a C1 control', 'giay\u0085to.pdf'],
  ])('refuses a name holding %s with 400 at fileName', async (_, fileName) => {
    const { token } = await newCitizen();
    const answer = await c.post('/api/uploads', {
      token,
      headers: { 'accept-language': 'en' },
      body: { ...spec, fileName, contentType: 'application/pdf', size: 100 },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { path: 'fileName', message: expect.stringContaining('bidirectional formatting') },
    ]);
  });

  it('keeps a Vietnamese name with spaces, dots and brackets as it was given (NFC)', async () => {
    const { token } = await newCitizen();
    const fileName = 'Giấy chứng sinh (bản sao) v2.1.pdf';
    const uploadId = await uploadFile(c, token, { ...spec, fileName: fileName.normalize('NFD') });
    const status = await c.get(`/api/uploads/${uploadId}`, { token });
    expect(status.body.fileName).toBe(fileName.normalize('NFC'));
  });
});

describe('an empty file', () => {
  it('is refused with 400 at submission, never a 5xx', async () => {
    const { token } = await newCitizen();
    const form = await presignUpload(c, token, { ...spec, bytes: new Uint8Array(0), size: 1 });
    await postToStorage(form, new Uint8Array(0));
    const answer = await submit(token, form.uploadId);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ path: 'documents[0].uploadId', message: 'The file is empty' }]);
  });
});

describe('a file swapped through the same presigned form', () => {
  it('never puts into a case anything but the bytes that were checked', async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    let accepted = 0;
    for (let attempt = 0; attempt < 5; attempt++) {
      const pdf = pdfBytes(`thật ${attempt}`);
      const exe = exeBytes(pdf.length);
      const form = await presignUpload(c, applicant.token, { ...spec, bytes: pdf });
      await postToStorage(form, pdf);
      // While the submission runs, the attacker keeps posting the same form: the executable, the PDF again…
      let answered = false;
      const attacker = (async () => {
        for (let i = 0; !answered && i < 50; i++) await postToStorage(form, i % 2 === 0 ? exe : pdf);
      })();
      const answer = await submit(applicant.token, form.uploadId).finally(() => {
        answered = true;
      });
      await attacker;
      if (answer.status !== 201) {
        // The swap was checked first: refused, as any bad file is.
        expect(answer.status).toBe(400);
        expect(answer.body.errors[0].path).toBe('documents[0].uploadId');
        continue;
      }
      accepted++;
      // Later posts to the same form change nothing either.
      await postToStorage(form, exe);
      const view = await c.get(`/api/cases/${answer.body.code}`, { token: official.token });
      const served = Buffer.from(await (await fetch(view.body.documents[0].downloadUrl)).arrayBuffer());
      expect(served.equals(Buffer.from(pdf))).toBe(true);
    }
    console.log(`swap attack: ${accepted} of 5 submissions accepted, each holding the checked PDF`);
  });

  it('checks a file again when it is replaced after its check, and the case refuses the replacement', async () => {
    const { token } = await newCitizen();
    const pdf = pdfBytes('bản gốc');
    const form = await presignUpload(c, token, { ...spec, bytes: pdf });
    await postToStorage(form, pdf);
    expect((await uploadVerdict(c, token, form.uploadId)).status).toBe('verified');

    await postToStorage(form, exeBytes(pdf.length));
    const rejected = await eventually(
      async () => (await c.get(`/api/uploads/${form.uploadId}`, { token })).body,
      (b) => b.status === 'rejected',
    );
    expect(rejected.problems).toEqual([{ path: 'contentType', message: expect.any(String) }]);
    const answer = await submit(token, form.uploadId);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { path: 'documents[0].uploadId', message: 'File content does not match its declared type' },
    ]);

    // A good file posted again is checked again, and accepted.
    await postToStorage(form, pdf);
    await eventually(
      async () => (await c.get(`/api/uploads/${form.uploadId}`, { token })).body,
      (b) => b.status === 'verified',
    );
    expect((await submit(token, form.uploadId)).status).toBe(201);
  });
});

describe('GET /api/uploads/{uploadId}', () => {
  it('answers the uploader its status and problems, in their language', async () => {
    const { token } = await newCitizen();
    const good = await uploadFile(c, token, {
      ...spec,
      bytes: jpegBytes(),
      contentType: 'image/jpeg',
      fileName: 'ảnh.jpg',
    });
    const verified = await c.get(`/api/uploads/${good}`, { token });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({
      uploadId: good,
      documentType: DOCUMENT,
      fileName: 'ảnh.jpg',
      contentType: 'image/jpeg',
      size: 2048,
      status: 'verified',
    });

    const pdf = pdfBytes('nhỏ hơn khai báo');
    const short = await uploadFile(c, token, { ...spec, bytes: pdf, size: pdf.length + 1 });
    for (const [lang, message] of [
      ['en', 'File size does not match what was declared'],
      ['vi', 'Dung lượng tệp không khớp với khai báo'],
    ]) {
      const answer = await c.get(`/api/uploads/${short}`, { token, headers: { 'accept-language': lang! } });
      expect(answer.body.status).toBe('rejected');
      expect(answer.body.problems).toEqual([{ path: 'size', message }]);
    }

    const never = await uploadFile(c, token, spec, false);
    expect((await c.get(`/api/uploads/${never}`, { token })).body.status).toBe('pending');
  });

  it('answers anyone but the uploader exactly as an unknown upload: 404', async () => {
    const owner = await newCitizen();
    const stranger = await newCitizen();
    const uploadId = await uploadFile(c, owner.token, spec);
    const hidden = await c.get(`/api/uploads/${uploadId}`, { token: stranger.token });
    const unknown = await c.get(`/api/uploads/${randomUUID()}`, { token: stranger.token });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(unknown.body);
    expect((await c.get(`/api/uploads/${uploadId}`)).status).toBe(401);
  });
});
