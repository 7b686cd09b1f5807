// The one-stop forms over HTTP: every form of real cases rendered and read back by poppler (A4, the Vietnamese
// text whole, the case code, a QR code whose token is the case's), who may download which, and the register.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { type Account, newAccount, newCitizen, newOfficial } from '../support/accounts';
import {
  act,
  answerBirthSupplement,
  BIRTH,
  COMMUNE,
  client,
  exampleData,
  submitBirthRegistration,
} from '../support/flows';
import { decodeQr, pdfInfo, pdfText, popplerOrSkip, renderPage } from '../support/poppler';
import { isWorkingDay, nextDay, vietnamDay } from '../support/working-days';

const c = client();
const poppler = popplerOrSkip('one-stop forms over HTTP');

/** pdftotext ends lines where the layout wrapped them; the checks read words, not line breaks. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The verification token as the contract's QR codes carry it, computed here from the runtime's key file and the
 * documented construction (HMAC-SHA256 of the purpose and the code, first 12 bytes, base64url).
 */
function expectedToken(code: string): string {
  const key = Buffer.from(readFileSync(join(inject('dataDir'), 'verify-token-key'), 'utf8').trim(), 'base64');
  return createHmac('sha256', key)
    .update(`motcua/verify-token/v1\0${code}`, 'utf8')
    .digest()
    .subarray(0, 12)
    .toString('base64url');
}

/** The QR code at the foot of the first page, decoded by jsQR from poppler's rendering. */
function qrOf(pdf: Uint8Array): string | null {
  const image = renderPage(pdf, 1, 150);
  const start = Math.floor(image.height * 0.75);
  return decodeQr({
    ...image,
    height: image.height - start,
    pixels: image.pixels.subarray(start * image.width),
  });
}

async function form(who: Account, path: string) {
  const answer = await c.get(path, { token: who.token });
  return {
    status: answer.status,
    type: answer.headers.get('content-type'),
    pdf: new Uint8Array(answer.bytes),
  };
}

function laterWorkingDay(iso: string, days: number): string {
  let day = vietnamDay(iso);
  for (let i = 0; i < days; i++) day = nextDay(day);
  while (!isWorkingDay(day)) day = nextDay(day);
  return day;
}

describe.runIf(poppler)('the one-stop forms of a case', () => {
  it('renders each form the case has, A4, in Vietnamese with its code and a QR code to its verification', async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const { code } = await submitBirthRegistration(c, applicant);
    const before = await form(official, `/api/cases/${code}/forms/receipt`);
    expect(before.status).toBe(404);

    await act(c, official, code, { action: 'receive', expectedVersion: 1 });
    await act(c, official, code, {
      action: 'request_supplement',
      expectedVersion: 2,
      items: [
        { documentType: 'medical-birth-certificate', reason: 'Ảnh chụp bị mờ, không đọc được' },
        { field: 'child.fullName', reason: 'Kiểm tra lại dấu thanh trong họ tên' },
      ],
    });
    expect((await answerBirthSupplement(c, applicant, code)).status).toBe(200);
    const current = await c.get(`/api/cases/${code}`, { token: official.token });
    const newDay = laterWorkingDay(current.body.dueAt, 5);
    const extended = await c.post(`/api/cases/${code}/actions`, {
      token: official.token,
      body: {
        action: 'extend',
        expectedVersion: 4,
        note: 'Chờ kết quả xác minh nơi cư trú',
        dueAt: newDay,
      },
    });
    expect(extended.status).toBe(200);
    expect(extended.body.forms).toEqual(['receipt', 'supplement-request', 'apology', 'control-slip']);
    // The applicant as the queue and the forms name them: the procedure's own choice from the data.
    const applicantName = (await exampleData(c, BIRTH)).declarant as { fullName: string };

    const procedure = (await c.get(`/api/procedures/${BIRTH}`)).body;
    const birthCertificate = procedure.documents.find(
      (d: { type: string }) => d.type === 'medical-birth-certificate',
    ).name.vi as string;
    const expected: Record<string, string[]> = {
      receipt: ['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', birthCertificate],
      'supplement-request': [
        'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
        'Ảnh chụp bị mờ, không đọc được',
        'Họ, chữ đệm và tên của trẻ',
        'Kiểm tra lại dấu thanh trong họ tên',
      ],
      apology: ['PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', 'Chờ kết quả xác minh nơi cư trú'],
      'control-slip': ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'Tiếp nhận hồ sơ', official.name],
    };
    const verifyUrl = `${inject('baseUrl')}/verify?c=${encodeURIComponent(code)}&t=${expectedToken(code)}`;
    for (const [name, phrases] of Object.entries(expected)) {
      const { status, type, pdf } = await form(official, `/api/cases/${code}/forms/${name}`);
      expect(status, name).toBe(200);
      expect(type, name).toBe('application/pdf');
      expect(pdfInfo(pdf)['Page size'], name).toBe('595.28 x 841.89 pts (A4)');
      const text = flat(pdfText(pdf));
      for (const phrase of [
        ...phrases,
        `Mã hồ sơ: ${code}`,
        'ỦY BAN NHÂN DÂN HUYỆN GIA VIỄN',
        'ỦY BAN NHÂN DÂN XÃ GIA SINH',
        'Gia Sinh, ngày',
        applicantName.fullName,
      ]) {
        expect(text, `${name}: ${phrase}`).toContain(phrase);
      }
      expect(qrOf(pdf), name).toBe(verifyUrl);
    }

    // The owner downloads theirs, the same file as the desk's; the control slip is the agency's own.
    const own = await form(applicant, `/api/applications/${code}/forms/receipt`);
    const desk = await form(official, `/api/cases/${code}/forms/receipt`);
    expect(own.status).toBe(200);
    expect(Buffer.from(own.pdf).equals(Buffer.from(desk.pdf))).toBe(true);
    expect((await form(applicant, `/api/applications/${code}/forms/control-slip`)).status).toBe(404);
    expect((await form(applicant, `/api/applications/${code}/forms/refusal`)).status).toBe(404);
    expect((await form(applicant, `/api/applications/${code}/forms/no-such-form`)).status).toBe(404);
    expect((await form(official, `/api/applications/${code}/forms/receipt`)).status).toBe(403);
  });

  it('writes a refusal (Mẫu 03) with its reason when the desk refuses the file', async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const { code } = await submitBirthRegistration(c, applicant);
    await act(c, official, code, {
      action: 'reject',
      expectedVersion: 1,
      note: 'Trẻ sinh ra và cư trú ngoài địa bàn xã Gia Sinh',
    });
    const refusal = await form(applicant, `/api/applications/${code}/forms/refusal`);
    expect(refusal.status).toBe(200);
    const text = flat(pdfText(refusal.pdf));
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Trẻ sinh ra và cư trú ngoài địa bàn xã Gia Sinh');
    expect((await form(applicant, `/api/applications/${code}/forms/receipt`)).status).toBe(404);
  });
});

describe.runIf(poppler)('the register (Mẫu 06)', () => {
  it('lists the cases the agency received in a period, as PDF and as CSV', async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const { code } = await submitBirthRegistration(c, applicant);
    const received = await act(c, official, code, { action: 'receive', expectedVersion: 1 });
    const day = vietnamDay(received.body.receivedAt);

    const pdf = await c.get(`/api/register?from=${day}&to=${day}`, { token: official.token });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`so-theo-doi-ho-so-${day}-${day}.pdf`);
    const text = flat(pdfText(new Uint8Array(pdf.bytes)));
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(text.replace(/\s/g, '')).toContain(code);

    const csv = await c.get(`/api/register?from=${day}&to=${day}&format=csv`, { token: official.token });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = csv.bytes.toString('utf8').split(/\r?\n/);
    expect(lines.some((line) => line.includes(code))).toBe(true);

    // Another agency's register does not hold it.
    const outsider = await newOfficial('so-tu-phap-ninh-binh');
    const theirs = await c.get(`/api/register?from=${day}&to=${day}&format=csv`, { token: outsider.token });
    expect(theirs.bytes.toString('utf8')).not.toContain(code);

    const backwards = await c.get(`/api/register?from=${day}&to=2000-01-01`, { token: official.token });
    expect(backwards.status).toBe(400);
    const tooLong = await c.get('/api/register?from=2024-01-01&to=2025-06-30', { token: official.token });
    expect(tooLong.status).toBe(400);
    const notADay = await c.get('/api/register?from=2024-02-30&to=2024-03-01', { token: official.token });
    expect(notADay.status).toBe(400);
    expect((await c.get(`/api/register?from=${day}&to=${day}`, { token: applicant.token })).status).toBe(403);
  });
});

describe("the agency's access log", () => {
  /** Every entry of an agency's log that `actorId` wrote, read to its end by cursor (other tests write there too). */
  async function entriesBy(who: Account, actorId: string, agencyId?: string) {
    const found: { action: string; detail?: string; actor: { id: string; role: string } }[] = [];
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({
        limit: '100',
        ...(agencyId ? { agencyId } : {}),
        ...(cursor ? { cursor } : {}),
      });
      const page = await c.get(`/api/audit?${query}`, { token: who.token });
      expect(page.status).toBe(200);
      found.push(...page.body.items.filter((entry: { actor: { id: string } }) => entry.actor.id === actorId));
      cursor = page.body.nextCursor;
    } while (cursor);
    return found;
  }

  it('records each register download before answering it, for the agency and admins only', async () => {
    const official = await newOfficial(COMMUNE);
    const day = vietnamDay(new Date().toISOString());
    expect(await entriesBy(official, official.sub)).toEqual([]);

    const csv = await c.get(`/api/register?from=${day}&to=${day}&format=csv`, { token: official.token });
    expect(csv.status).toBe(200);
    const cases =
      csv.bytes
        .toString('utf8')
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '').length - 1;

    const mine = await entriesBy(official, official.sub);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ action: 'download', actor: { id: official.sub, role: 'official' } });
    expect(mine[0]!.detail).toBe(`register ${day}..${day} (csv, ${cases} cases)`);

    // A refused request reads nothing and records nothing.
    const backwards = await c.get(`/api/register?from=${day}&to=2000-01-01`, { token: official.token });
    expect(backwards.status).toBe(400);
    expect(await entriesBy(official, official.sub)).toHaveLength(1);

    // Another agency's official reads their own agency's log, without it; an admin reads the commune's, with it.
    const outsider = await newOfficial('so-tu-phap-ninh-binh');
    expect(await entriesBy(outsider, official.sub)).toEqual([]);
    expect(await entriesBy(outsider, official.sub, COMMUNE)).toEqual([]);
    const admin = await newAccount('admin');
    expect(await entriesBy(admin, official.sub, COMMUNE)).toHaveLength(1);
    expect((await c.get('/api/audit', { token: (await newCitizen()).token })).status).toBe(403);
  });
});
