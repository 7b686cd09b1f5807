// Signed electronic results: issue_result with a PDF gets it stamped with the verification QR code and signed (PAdES
// B-B), checked here by poppler's pdfsig and OpenSSL; the applicant downloads it and is told; the QR's page and a
// PDF sent to POST /api/verify say whether it is genuine.
import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { type Account, newCitizen, newOfficial } from '../support/accounts';
import {
  act,
  BIRTH,
  COMMUNE,
  client,
  EVENTUALLY_MS,
  eventually,
  submitBirthRegistration,
  uploadFile,
} from '../support/flows';
import { opensslCms, opensslOrSkip } from '../support/openssl';
import { decodeQr, pdfSig, popplerOrSkip, renderPage } from '../support/poppler';

const c = client();
const poppler = popplerOrSkip('signed results over HTTP');
const openssl = opensslOrSkip('signed results over HTTP');
const SIGNING_CERTIFICATE_V2 = 'id-smime-aa-signingCertificateV2';

/** A result as an agency uploads it: one A4 page with some text. */
async function resultPdf(title: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595.28, 841.89]).drawText(title, { x: 72, y: 760, size: 16, font });
  return doc.save();
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A birth registration taken to `approved` by the commune's official, ready for its result. */
async function approvedCase() {
  const applicant = await newCitizen();
  const official = await newOfficial(COMMUNE);
  const { code } = await submitBirthRegistration(c, applicant);
  expect((await act(c, official, code, { action: 'receive', expectedVersion: 1 })).status).toBe(200);
  expect((await act(c, official, code, { action: 'approve', expectedVersion: 2 })).status).toBe(200);
  return { applicant, official, code };
}

async function issueSignedResult(official: Account, applicant: Account, code: string) {
  const uploadId = await uploadFile(c, official.token, {
    procedureId: BIRTH,
    documentType: 'result',
    fileName: 'trích lục khai sinh.pdf',
    bytes: await resultPdf(`Trich luc khai sinh ${code}`),
  });
  const issued = await act(c, official, code, {
    action: 'issue_result',
    expectedVersion: 3,
    result: { uploadId },
  });
  expect(issued.status).toBe(200);
  expect(issued.body.status).toBe('completed');
  const read = await eventually(
    () => c.get(`/api/applications/${encodeURIComponent(code)}`, { token: applicant.token }),
    (r) => r.body.result?.signature !== 'pending',
  );
  expect(read.body.result.signature).toBe('signed');
  return read.body.result as {
    fileName: string;
    size: number;
    sha256: string;
    signedAt: string;
    signer: { name: string; agency: string };
    downloadUrl: string;
    verifyUrl: string;
  };
}

async function download(url: string): Promise<Uint8Array> {
  const answer = await fetch(url, { redirect: 'follow' });
  expect(answer.status).toBe(200);
  return new Uint8Array(await answer.arrayBuffer());
}

describe('issue_result of a level-4 procedure', () => {
  it('requires the result document', async () => {
    const { official, code } = await approvedCase();
    const refused = await act(c, official, code, { action: 'issue_result', expectedVersion: 3 });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'result.uploadId' })]);
  });

  it('signs the result, which the applicant downloads, valid for pdfsig and OpenSSL, PAdES B-B, and is told of', {
    timeout: EVENTUALLY_MS * 2,
  }, async () => {
    const { applicant, official, code } = await approvedCase();
    const result = await issueSignedResult(official, applicant, code);
    expect(result.fileName).toBe('trích lục khai sinh.pdf');
    expect(result.signer).toEqual({
      name: 'Ủy ban nhân dân xã Gia Sinh',
      agency: 'Ủy ban nhân dân xã Gia Sinh',
    });
    const signed = await download(result.downloadUrl);
    expect(signed.length).toBe(result.size);
    expect(sha256(signed)).toBe(result.sha256);

    if (poppler) {
      const report = pdfSig(signed);
      expect(report.status, report.output).toBe(0);
      expect(report.output).toContain('Signature Type: ETSI.CAdES.detached');
      expect(report.output).toContain('Signature Validation: Signature is Valid.');
      expect(report.output).toContain('Total document signed');
      // The QR code on the last page opens the verification page of this case.
      expect(decodeQr(renderPage(signed, 1, 200))).toBe(result.verifyUrl);
    }
    if (openssl) {
      const cms = opensslCms(signed);
      expect(cms.verified, cms.verifyOutput).toBe(true);
      expect(cms.printed).toContain(SIGNING_CERTIFICATE_V2);
      expect(cms.printed).not.toContain('signingTime');
    }
    // The officials see the same signed result.
    const seen = await c.get(`/api/cases/${encodeURIComponent(code)}`, { token: official.token });
    expect(seen.body.result).toMatchObject({ signature: 'signed', sha256: result.sha256 });
    // The applicant is told the signed result is ready, besides the status change.
    const outbox = await eventually(
      () => c.get(`/api/local/outbox?caseCode=${encodeURIComponent(code)}`),
      (r) => r.body.items.some((n: { body: string | null }) => n.body?.includes('ký số')),
    );
    expect(outbox.body.items.some((n: { body: string | null }) => n.body?.includes('ký số'))).toBe(true);
  });

  it('makes a file that one changed byte invalidates, for pdfsig, OpenSSL and POST /api/verify', {
    timeout: EVENTUALLY_MS * 2,
  }, async () => {
    const { applicant, official, code } = await approvedCase();
    const result = await issueSignedResult(official, applicant, code);
    const signed = await download(result.downloadUrl);
    const genuine = await c.post('/api/verify', {
      body: signed,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(genuine.status).toBe(200);
    expect(genuine.body).toMatchObject({ valid: true, code, kind: 'result', problems: [] });
    expect(genuine.body.signer.name).toBe(result.signer.name);

    const altered = new Uint8Array(signed);
    // A byte of the signed range (the binary comment after the header, before the signature's gap): the file
    // still reads, only its signature no longer matches.
    const at = Buffer.from(altered).indexOf('\n') + 2;
    expect(at).toBeGreaterThan(1);
    altered[at] = altered[at]! ^ 0x01;
    if (poppler) expect(pdfSig(altered).output).not.toContain('Signature is Valid');
    if (openssl) expect(opensslCms(altered).verified).toBe(false);
    const checked = await c.post('/api/verify', {
      body: altered,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(checked.status).toBe(200);
    expect(checked.body.valid).toBe(false);
    expect(checked.body.code).toBeUndefined();
    expect(checked.body.problems).toContain('Nội dung tệp đã bị thay đổi sau khi ký.');
  });

  it('gives a download link that fails once altered', async () => {
    const { applicant, official, code } = await approvedCase();
    const result = await issueSignedResult(official, applicant, code);
    const forged = result.downloadUrl.replace(/sig=[^&]+/, 'sig=AAAAAAAAAAAAAAAAAAAAAA');
    expect((await fetch(forged, { redirect: 'manual' })).status).toBe(404);
    const later = result.downloadUrl.replace(/expires=\d+/, (m) => `expires=${Number(m.slice(8)) + 60}`);
    expect((await fetch(later, { redirect: 'manual' })).status).toBe(404);
  });
});

describe('GET /api/verify/{code}?t=', () => {
  it("answers the QR code's lookup with what was issued and no personal data; a wrong token as an unknown code", {
    timeout: EVENTUALLY_MS * 2,
  }, async () => {
    const { applicant, official, code } = await approvedCase();
    const result = await issueSignedResult(official, applicant, code);
    const link = new URL(result.verifyUrl);
    expect(link.pathname).toBe('/verify');
    expect(link.searchParams.get('c')).toBe(code);
    const token = link.searchParams.get('t')!;
    const found = await c.get(`/api/verify/${encodeURIComponent(code)}?t=${token}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      code,
      procedure: { id: BIRTH },
      agency: { id: COMMUNE },
      status: 'completed',
      documents: [{ kind: 'result', sha256: result.sha256, signer: result.signer }],
    });
    const text = JSON.stringify(found.body);
    expect(text).not.toContain(applicant.name);
    expect(text).not.toContain('Nguyễn Văn An');

    const wrong = await c.get(`/api/verify/${encodeURIComponent(code)}?t=${token.slice(0, -1)}A`);
    const missing = await c.get(`/api/verify/${encodeURIComponent(code)}`);
    const unknown = await c.get(`/api/verify/000.00.00.H00-990101-0001?t=${token}`);
    for (const answer of [wrong, missing]) {
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual(unknown.body);
    }
  });
});

describe('POST /api/verify', () => {
  it('says a PDF without a signature is not valid, 413 over 4 MB, 415 for another type', async () => {
    const plain = await resultPdf('Khong co chu ky');
    const unsigned = await c.post('/api/verify', {
      body: plain,
      headers: { 'content-type': 'application/pdf', 'accept-language': 'en' },
    });
    expect(unsigned.status).toBe(200);
    expect(unsigned.body).toMatchObject({ valid: false, sha256: sha256(plain) });
    expect(unsigned.body.problems).toEqual(['The file carries no digital signature.']);

    const large = new Uint8Array(4 * 1024 * 1024 + 1);
    large.set(Buffer.from('%PDF-1.7\n'));
    const tooLarge = await c.post('/api/verify', {
      body: large,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toContain('application/problem+json');
    const json = await c.post('/api/verify', { body: { pdf: 'no' } });
    expect(json.status).toBe(415);
  });
});
