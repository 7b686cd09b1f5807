// The apply wizard in Debian's Chromium at 360×740, keyboard only: every procedure of the catalogue from the
// catalogue to the confirmation with a photo and a PDF, then the case in My applications; English labels; a photo
// shrunk to 2,000 px with its EXIF orientation applied; bad input answered beside each field and nothing submitted;
// a network that drops during an upload and during the submission (route interception): no duplicate, no loss;
// axe-core on every state of the pages, no sideways scrolling, focus always visible.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Account, newAccount, newCitizen } from '../support/accounts';
import { pdfBytes, textBytes } from '../support/files';
import { client } from '../support/flows';
import { expectAccessible, hasChromium, launchChromium, type Opened, openPhone, visible } from './support';
import {
  chooseFilesByKeyboard,
  fillPageByKeyboard,
  pressByKeyboard,
  realPhoto,
  replaceByKeyboard,
  signInAs,
} from './wizard-driver';

const baseUrl = inject('baseUrl');
const c = client();
let browser: Browser;

interface DocumentRule {
  readonly type: string;
  readonly name: { vi: string; en: string };
  readonly required: boolean;
  readonly accept: string[];
  readonly maxFiles: number;
}
interface Procedure {
  readonly id: string;
  readonly name: { vi: string; en: string };
  readonly form: { examples: Record<string, unknown>[] };
  readonly documents: DocumentRule[];
}

const procedureOf = async (id: string) => (await c.get<Procedure>(`/api/procedures/${id}`)).body;

/** A phone that may post uploads to the local runtime's storage (another loopback port): its own headers. */
const phone = (options: { width?: number; height?: number } = {}) =>
  openPhone(browser, baseUrl, { runtimeHeaders: true, ...options });

/** A new citizen, signed in on a new phone. */
async function signedIn() {
  const account = await newCitizen();
  const opened = await phone();
  await signInAs(opened.page, baseUrl, account);
  return { account, opened, page: opened.page };
}

/** Each page of a birth registration's form, by keyboard, from `data`: the wizard then shows its documents. */
async function fillBirthRegistration(page: Page, data: Record<string, unknown>) {
  for (const step of ['child', 'mother', 'father', 'declarant']) {
    await page.goto(`${baseUrl}/apply/dang-ky-khai-sinh/?step=${step}`);
    await page.locator('#step-title').waitFor();
    await fillPageByKeyboard(page, data, 'Tiếp tục');
    await page.waitForFunction(`new URL(location.href).searchParams.get('step') !== ${JSON.stringify(step)}`);
  }
}

/** What the browser shows as focused has an outline (the site's :focus-visible). */
async function expectFocusVisible(page: Page) {
  const outline = (await page.evaluate(
    `(() => { const e = document.activeElement; return e && e !== document.body ? getComputedStyle(e).outlineStyle : 'none'; })()`,
  )) as string;
  expect(outline, 'the focused control shows where focus is').not.toBe('none');
}

/** Which files to give each document: a photo and a PDF in every application, and every required document. */
function filePlan(documents: readonly DocumentRule[]) {
  const plan: { type: string; kind: 'photo' | 'pdf' }[] = [];
  const room = (d: DocumentRule) => d.maxFiles - plan.filter((p) => p.type === d.type).length;
  for (const d of documents) {
    if (d.required) plan.push({ type: d.type, kind: d.accept.includes('image/jpeg') ? 'photo' : 'pdf' });
  }
  for (const kind of ['photo', 'pdf'] as const) {
    if (plan.some((p) => p.kind === kind)) continue;
    const accepts = kind === 'photo' ? 'image/jpeg' : 'application/pdf';
    const target = documents.find((d) => d.accept.includes(accepts) && room(d) > 0);
    if (target) plan.push({ type: target.type, kind });
  }
  return plan;
}

const PDF = { name: 'giay-to.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdfBytes('scan')) };

/** From the catalogue to the confirmation, by keyboard only; returns the case code and PIN shown. */
async function applyByKeyboard(opened: Opened, procedure: Procedure, lang: 'vi' | 'en', photo: Buffer) {
  const { page } = opened;
  const words =
    lang === 'vi'
      ? { apply: 'Nộp hồ sơ trực tuyến', next: 'Tiếp tục', submit: 'Nộp hồ sơ', done: 'Đã nộp hồ sơ' }
      : {
          apply: 'Apply online',
          next: 'Continue',
          submit: 'Submit application',
          done: 'Application submitted',
        };
  const prefix = lang === 'vi' ? '' : '/en';
  await page.goto(`${baseUrl}${prefix}/`);
  await pressByKeyboard(page, procedure.name[lang]);
  await page.waitForURL(new RegExp(`/procedures/${procedure.id}/$`));
  await pressByKeyboard(page, words.apply);
  await page.waitForURL(new RegExp(`/apply/${procedure.id}/\\?step=`));
  const data = procedure.form.examples[0]!;
  const states: string[] = [];
  for (let pages = 0; pages < 20; pages++) {
    await page.locator('#step-title').waitFor();
    const step = new URL(page.url()).searchParams.get('step');
    if (!states.includes(step ?? '')) {
      states.push(step ?? '');
      await expectAccessible(page, `${procedure.id} (${lang}) step ${step}`);
    }
    if (step === 'documents') {
      for (const [i, file] of filePlan(procedure.documents).entries()) {
        await chooseFilesByKeyboard(
          page,
          `doc-${file.type}`,
          file.kind === 'photo' ? { name: `anh-${i}.jpg`, mimeType: 'image/jpeg', buffer: photo } : PDF,
        );
      }
      const uploaded = lang === 'vi' ? 'Đã tải lên' : 'Uploaded';
      await expect
        .poll(() => page.locator('.file__state', { hasText: uploaded }).count(), { timeout: 30_000 })
        .toBe(filePlan(procedure.documents).length);
      await expectAccessible(page, `${procedure.id} (${lang}) documents with files`);
      await fillPageByKeyboard(page, data, words.next);
    } else if (step === 'check') {
      await fillPageByKeyboard(page, data, words.submit);
      break;
    } else {
      await fillPageByKeyboard(page, data, words.next);
    }
    await page.waitForFunction(`new URL(location.href).searchParams.get('step') !== ${JSON.stringify(step)}`);
  }
  await page.getByRole('heading', { level: 1, name: words.done }).waitFor({ timeout: 30_000 });
  await expectAccessible(page, `${procedure.id} (${lang}) confirmation`);
  const code = (await page.locator('#case-code').textContent())!;
  const pin = (await page.locator('#tracking-pin').textContent())!;
  return { code, pin, states };
}

describe.skipIf(!hasChromium)('the apply wizard in Chromium at 360 px, keyboard only', () => {
  let photo: Buffer;

  beforeAll(async () => {
    browser = await launchChromium();
    photo = await realPhoto(browser, { width: 800, height: 600 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const catalogue = [
    'dang-ky-khai-sinh',
    'dang-ky-ket-hon',
    'dang-ky-thanh-lap-ho-kinh-doanh',
    'cap-giay-phep-xay-dung-nha-o-rieng-le',
    'cap-phieu-ly-lich-tu-phap',
  ];

  it('lists the catalogue it covers: every procedure the API publishes', async () => {
    const published = (await c.get<{ items: { id: string }[] }>('/api/procedures')).body.items.map(
      (p) => p.id,
    );
    expect([...published].sort()).toEqual([...catalogue].sort());
  });

  it.each(catalogue)(
    'applies for %s from the catalogue to the confirmation with a photo and a PDF, then finds the case in My applications',
    async (id) => {
      const procedure = await procedureOf(id);
      const account = await newAccount(id === 'dang-ky-thanh-lap-ho-kinh-doanh' ? 'business' : 'citizen');
      const opened = await phone();
      await signInAs(opened.page, baseUrl, account);
      const { code, pin, states } = await applyByKeyboard(opened, procedure, 'vi', photo);
      expect(states).toContain('check');
      expect(pin).toMatch(/^[A-Z0-9]{8}$/);

      // The case, as the API holds it: the example's data and one file per planned upload, photo and PDF.
      const stored = await c.get(`/api/applications/${encodeURIComponent(code)}`, { token: account.token });
      expect(stored.status).toBe(200);
      const types = stored.body.documents.map((d: { contentType: string }) => d.contentType).sort();
      expect(types).toEqual(['application/pdf', 'image/jpeg']);
      // Tracking with the PIN shown works, and the draft is gone with the submission.
      expect((await c.get(`/api/track/${encodeURIComponent(code)}?pin=${pin}`)).status).toBe(200);
      expect((await c.get(`/api/drafts/${id}`, { token: account.token })).status).toBe(404);

      const { page } = opened;
      // A fee to pay: the confirmation's "Thanh toán" leads to level 4's payment page of the case.
      const pay = page.getByRole('link', { name: 'Thanh toán' });
      expect(await pay.count()).toBe(stored.body.status === 'awaiting_payment' ? 1 : 0);
      if (stored.body.status === 'awaiting_payment')
        expect(await pay.getAttribute('href')).toBe(`/pay/?code=${encodeURIComponent(code)}`);
      await pressByKeyboard(page, 'Xem hồ sơ trong Hồ sơ của tôi');
      await page.waitForURL(/\/my\/case\/\?code=/);
      await page.getByRole('heading', { level: 1, name: procedure.name.vi }).waitFor();
      await page.goto(`${baseUrl}/my/`);
      const item = page.locator('#cases > li', { hasText: code });
      await item.waitFor();
      expect(await visible(item)).toMatch(/Đã nộp, chờ tiếp nhận|Chờ thanh toán phí, lệ phí/);
      await expectAccessible(page, '/my/ with a case');
      expect(opened.unexpectedErrors(true)).toEqual([]);
      await opened.close();
    },
  );

  it('speaks English under /en/: English labels from the schema, English errors, the confirmation', async () => {
    const procedure = await procedureOf('dang-ky-ket-hon');
    const opened = await phone();
    const { page } = opened;
    await signInAs(page, baseUrl, await newCitizen());
    await page.goto(`${baseUrl}/en/apply/dang-ky-ket-hon/`);
    await page.getByRole('heading', { level: 1, name: 'The man' }).waitFor();
    expect(await page.getByLabel('Personal identification number (CCCD number)').count()).toBe(1);
    await pressByKeyboard(page, 'Continue');
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await visible(page.locator('.error-summary'))).toContain('Full name: This field is required');
    await expectAccessible(page, '/en/apply/dang-ky-ket-hon/ with errors');
    await page.goto(`${baseUrl}/en/apply/dang-ky-ket-hon/?step=groom`);
    await page.locator('#step-title').waitFor();
    const { code } = await (async () => {
      const data = procedure.form.examples[0]!;
      for (const step of ['groom', 'bride', 'more']) {
        await page.waitForFunction(
          `new URL(location.href).searchParams.get('step') === ${JSON.stringify(step)}`,
        );
        await fillPageByKeyboard(page, data, 'Continue');
      }
      await page.waitForFunction(`new URL(location.href).searchParams.get('step') === 'documents'`);
      await fillPageByKeyboard(page, data, 'Continue');
      await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
      expect(await page.getByRole('link', { name: /^Change/ }).count()).toBeGreaterThan(10);
      await expectAccessible(page, '/en/ check your answers');
      await fillPageByKeyboard(page, data, 'Submit application');
      await page.getByRole('heading', { level: 1, name: 'Application submitted' }).waitFor();
      return { code: await page.locator('#case-code').textContent() };
    })();
    expect(code).toMatch(/-\d{6}-\d{4}$/);
    expect(await visible(page.locator('main'))).toContain('The tracking PIN is shown only once');
    expect(opened.unexpectedErrors(true)).toEqual([]);
    await opened.close();
  });

  it('shrinks a 3,000 × 2,000 photo with EXIF orientation 6 to a 1,333 × 2,000 upright JPEG before uploading', async () => {
    const big = await realPhoto(browser, { width: 3000, height: 2000, orientation: 6 });
    expect(big.length).toBeGreaterThan(1.5 * 1024 * 1024);
    const { account, opened, page } = await signedIn();
    const posted: number[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/uploads') {
        posted.push((request.postDataJSON() as { size: number }).size);
      }
    });
    await page.goto(`${baseUrl}/apply/dang-ky-khai-sinh/?step=documents`);
    await page.locator('#step-title').waitFor();
    await chooseFilesByKeyboard(page, 'doc-medical-birth-certificate', {
      name: 'IMG_0001.jpg',
      mimeType: 'image/jpeg',
      buffer: big,
    });
    await page.locator('.file__state', { hasText: 'Đã tải lên' }).waitFor({ timeout: 30_000 });
    expect(await visible(page.locator('.file__name'))).toContain('IMG_0001.jpg');
    expect(posted).toHaveLength(1);
    await pressByKeyboard(page, 'Lưu nháp');
    await page.locator('#draft-status', { hasText: 'Đã lưu nháp lúc' }).waitFor();
    expect(posted[0]).toBeLessThan(big.length);
    // What storage received, read back through the draft's upload and an official's download link.
    const draft = await c.get(`/api/drafts/dang-ky-khai-sinh`, { token: account.token });
    const uploadId = draft.body.documents[0].uploadId as string;
    const official = await newAccount('official', { agencyId: 'ubnd-xa-gia-sinh' });
    const submitted = await c.post('/api/applications', {
      token: account.token,
      headers: { 'idempotency-key': `photo-${uploadId}` },
      body: {
        procedureId: 'dang-ky-khai-sinh',
        data: (await procedureOf('dang-ky-khai-sinh')).form.examples[0],
        documents: [{ documentType: 'medical-birth-certificate', uploadId }],
      },
    });
    expect(submitted.status).toBe(201);
    const seen = await c.get(`/api/cases/${encodeURIComponent(submitted.body.code)}`, {
      token: official.token,
    });
    const jpeg = new Uint8Array(await (await fetch(seen.body.documents[0].downloadUrl)).arrayBuffer());
    expect(jpegSize(jpeg)).toEqual({ width: 1333, height: 2000 });
    await opened.close();
  });

  it('answers bad input beside each field and in the summary, and submits nothing', async () => {
    const { account, opened, page } = await signedIn();
    const procedure = await procedureOf('dang-ky-khai-sinh');
    const data = structuredClone(procedure.form.examples[0]!) as Record<string, Record<string, unknown>>;

    // Every required field empty: each one listed, focus on the summary, its links go to the fields.
    await page.goto(`${baseUrl}/apply/dang-ky-khai-sinh/`);
    await page.locator('#step-title').waitFor();
    await pressByKeyboard(page, 'Tiếp tục');
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await page.evaluate('document.activeElement.className')).toBe('error-summary');
    expect(await summary.getByRole('alert').count()).toBe(1);
    expect(await summary.getByRole('heading', { name: 'Có lỗi cần sửa' }).count()).toBe(1);
    const required = ['fullName', 'sex', 'dateOfBirth', 'placeOfBirth', 'ethnicity', 'nationality'];
    expect(await summary.getByRole('link').count()).toBe(required.length);
    for (const field of required) {
      expect(await page.locator(`#f-child-${field}-error`).textContent()).toContain('Trường này là bắt buộc');
    }
    await expectAccessible(page, 'every required field empty');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('f-child-fullName');
    await expectFocusVisible(page);

    // A future date and a CCCD that does not match its birth date: the server judges, its messages go back to
    // their fields on their pages.
    const nextYear = new Date().getFullYear() + 1;
    data.child!.dateOfBirth = `${nextYear}-01-15`;
    data.mother!.cccd = '037092001234';
    await fillBirthRegistration(page, data);

    // A 30 MB file and an .exe renamed .pdf: refused on the phone, before anything is sent.
    const uploads: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/uploads') uploads.push(request.url());
    });
    await page.locator('#step-title').waitFor();
    await chooseFilesByKeyboard(page, 'doc-medical-birth-certificate', {
      name: 'to.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from(pdfBytes()), Buffer.alloc(30 * 1024 * 1024)]),
    });
    await page.locator('.file__state', { hasText: 'Tệp lớn hơn 10 MB' }).waitFor();
    await chooseFilesByKeyboard(page, 'doc-parents-marriage-certificate', {
      name: 'setup.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([
        Buffer.from('MZ\x90\x00'),
        Buffer.from(textBytes('this program cannot be run')),
      ]),
    });
    await page.locator('.file__state', { hasText: 'Nội dung tệp không phải PDF, JPG, PNG, HEIC' }).waitFor();
    expect(uploads).toEqual([]);
    await expectAccessible(page, 'documents refused on the phone');
    await pressByKeyboard(page, 'Tiếp tục');
    await summary.waitFor();
    expect(await visible(summary)).toContain('Có tệp cần xử lý');

    // The required document, for real, then the check page's submission: the server's two messages.
    for (const key of ['remove', 'remove']) {
      await page.locator(`[data-file-action="${key}"]`).first().focus();
      await page.keyboard.press('Enter');
    }
    await chooseFilesByKeyboard(page, 'doc-medical-birth-certificate', PDF);
    await page.locator('.file__state', { hasText: 'Đã tải lên' }).waitFor({ timeout: 30_000 });
    await pressByKeyboard(page, 'Tiếp tục');
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra lại thông tin' }).waitFor();
    await pressByKeyboard(page, 'Nộp hồ sơ');
    await page.locator('.error-summary').waitFor({ timeout: 30_000 });
    const problems = await visible(page.locator('.error-summary'));
    expect(problems).toContain('Ngày này không được sau ngày hôm nay');
    expect(problems).toContain('Số CCCD không khớp với ngày sinh');
    await expectAccessible(page, 'the server refused the submission');
    // The link goes to the field on its page, with the message beside it.
    await page.locator('.error-summary a', { hasText: 'Số CCCD không khớp' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/step=mother#f-mother-cccd$/);
    expect(await page.locator('#f-mother-cccd-error').textContent()).toContain(
      'Số CCCD không khớp với ngày sinh',
    );
    expect(await page.evaluate('document.activeElement.id')).toBe('f-mother-cccd');

    const cases = await c.get('/api/applications', { token: account.token });
    expect(cases.body.items).toEqual([]);
    // Chromium logs the refused submission's 400: it is what this test asked for.
    expect(opened.unexpectedErrors(true).filter((e) => !/status of 400/.test(e))).toEqual([]);
    await opened.close();
  });

  it('survives a network that drops during an upload and during the submission, replaces a file with its progress shown: one case, nothing lost', async () => {
    const { account, opened, page } = await signedIn();
    const procedure = await procedureOf('dang-ky-khai-sinh');
    const data = procedure.form.examples[0]!;
    await fillBirthRegistration(page, data);

    // The upload to storage is cut once: the file stays, "Thử lại" sends it. Later ones wait until released, to
    // see their progress.
    let cut = 1;
    let hold: Promise<void> | undefined;
    let release = () => {};
    await page.route(
      (url) => url.port !== new URL(baseUrl).port && url.hostname === '127.0.0.1',
      async (route) => {
        if (route.request().method() === 'POST' && cut > 0) {
          cut--;
          await route.abort('connectionreset');
          return;
        }
        await hold;
        await route.continue();
      },
    );
    await chooseFilesByKeyboard(page, 'doc-medical-birth-certificate', PDF);
    await page
      .locator('.file__state', { hasText: 'Mất kết nối khi đang tải lên' })
      .waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'an upload cut off');
    await page.locator('[data-file-action="retry"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('.file__state', { hasText: 'Đã tải lên' }).waitFor({ timeout: 30_000 });

    // "Thay tệp" replaces it by keyboard: its progress shows while it goes, then only the new file is there.
    hold = new Promise<void>((done) => {
      release = done;
    });
    await page.locator('[data-file-action="replace"]').focus();
    await replaceByKeyboard(page, { ...PDF, name: 'giay-chung-sinh-moi.pdf' });
    const progress = page.getByRole('progressbar', { name: 'Tiến độ tải lên giay-chung-sinh-moi.pdf' });
    await progress.waitFor();
    await expectAccessible(page, 'an upload in progress');
    release();
    await page.locator('.file__state', { hasText: 'Đã tải lên' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.file__name').allInnerTexts()).toEqual([
      expect.stringContaining('giay-chung-sinh-moi.pdf'),
    ]);
    await pressByKeyboard(page, 'Tiếp tục');
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra lại thông tin' }).waitFor();

    // The submission reaches the server but every answer is lost on the way back (the retries too).
    const keys = new Set<string>();
    await page.route('**/api/applications', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.add(route.request().headers()['idempotency-key'] ?? '');
      await route.fetch();
      await route.abort('connectionreset');
    });
    await pressByKeyboard(page, 'Nộp hồ sơ');
    const summary = page.locator('.error-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await visible(summary)).toContain('Chưa gửi được hồ sơ vì mất kết nối');
    expect(await visible(summary)).toContain('sẽ không bị nộp hai lần');
    await expectAccessible(page, 'the submission cut off');

    // The case exists (the server stored it, and with it removed the draft); a reload keeps everything here and
    // says the last attempt may have arrived; the same key goes again and gets its answer.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra lại thông tin' }).waitFor();
    await page.waitForLoadState('networkidle');
    const main = await visible(page.locator('main'));
    expect(main).toContain('Trần Bảo Ngọc');
    expect(main).toContain('hồ sơ có thể đã tới cơ quan');
    await page.unroute('**/api/applications');
    await pressByKeyboard(page, 'Nộp hồ sơ');
    await page.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' }).waitFor({ timeout: 30_000 });
    expect(keys.size).toBe(1);

    const cases = await c.get('/api/applications', { token: account.token });
    expect(cases.body.items).toHaveLength(1);
    expect(cases.body.items[0].code).toBe(await page.locator('#case-code').textContent());
    const stored = await c.get(`/api/applications/${encodeURIComponent(cases.body.items[0].code)}`, {
      token: account.token,
    });
    expect(stored.body.documents.map((d: { fileName: string }) => d.fileName)).toEqual([
      'giay-chung-sinh-moi.pdf',
    ]);
    await opened.close();
  });

  it('shows a file the check on arrival rejects with its reason, beside its control and in the summary; a draft resumed on another device names its uploaded files', async () => {
    const { account, opened, page } = await signedIn();
    const procedure = await procedureOf('dang-ky-khai-sinh');
    await fillBirthRegistration(page, procedure.form.examples[0]!);

    // The phone sends a real PDF, but what lands in storage starts with an executable's bytes (same length): only
    // the check on arrival can tell, and GET /api/uploads/{uploadId} says "rejected" with why.
    let tamper = 1;
    await page.route(
      (url) => url.port !== new URL(baseUrl).port && url.hostname === '127.0.0.1',
      async (route) => {
        const body = route.request().postDataBuffer();
        if (route.request().method() !== 'POST' || tamper === 0 || !body) return route.continue();
        tamper--;
        const at = body.indexOf('%PDF-');
        expect(at).toBeGreaterThan(0);
        Buffer.from('MZ\x90\x00\x00', 'latin1').copy(body, at);
        await route.continue({ postData: body });
      },
    );
    await chooseFilesByKeyboard(page, 'doc-parents-marriage-certificate', {
      ...PDF,
      name: 'giay-ket-hon.pdf',
    });
    const reason = 'Nội dung tệp không đúng định dạng đã khai báo';
    const rejected = page.locator('.file', { hasText: 'giay-ket-hon.pdf' });
    await rejected.locator('.file__state', { hasText: reason }).waitFor({ timeout: 120_000 });
    expect(await page.locator('#doc-parents-marriage-certificate-error').textContent()).toContain(reason);
    await chooseFilesByKeyboard(page, 'doc-medical-birth-certificate', PDF);
    await page.locator('.file__state', { hasText: 'Đã tải lên và kiểm tra' }).waitFor({ timeout: 120_000 });
    await expectAccessible(page, 'a file rejected by the check on arrival');

    await pressByKeyboard(page, 'Tiếp tục');
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await visible(summary)).toContain('Có tệp cần xử lý');
    expect(await visible(summary)).toContain(reason);
    expect(new URL(page.url()).searchParams.get('step')).toBe('documents');

    // The rejected file goes; the draft keeps the checked one.
    await rejected.locator('[data-file-action="remove"]').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.file__name').allInnerTexts()).toEqual([
      expect.stringContaining('giay-to.pdf'),
    ]);
    await pressByKeyboard(page, 'Lưu nháp');
    await page.locator('#draft-status', { hasText: 'Đã lưu nháp lúc' }).waitFor();
    await opened.close();

    // Another phone, in English: the draft resumes at its documents, naming the file uploaded on the first.
    const second = await phone();
    await signInAs(second.page, baseUrl, account);
    await second.page.goto(`${baseUrl}/en/my/`);
    await pressByKeyboard(second.page, 'Carry on: Birth registration');
    await second.page.waitForURL(/\/en\/apply\/dang-ky-khai-sinh\/\?step=documents/);
    const file = second.page.locator('.file', { hasText: 'giay-to.pdf' });
    await file.locator('.file__state', { hasText: 'Uploaded and checked' }).waitFor({ timeout: 120_000 });
    expect(await second.page.locator('.file__name').allInnerTexts()).toEqual([
      expect.stringContaining('giay-to.pdf'),
    ]);
    await expectAccessible(second.page, 'documents of a draft resumed on another device');
    expect(second.unexpectedErrors(true)).toEqual([]);
    await second.close();
  });

  it('stays usable at 200% zoom (180 CSS px wide): no sideways scrolling on any step', async () => {
    const opened = await phone({ width: 180, height: 370 });
    const { page } = opened;
    await signInAs(page, baseUrl, await newCitizen());
    for (const step of ['child', 'mother', 'declarant', 'documents', 'check']) {
      await page.goto(`${baseUrl}/apply/dang-ky-khai-sinh/?step=${step}`);
      await page.locator('#step-title').waitFor();
      await expectAccessible(page, `200% zoom, step ${step}`);
    }
    await page.goto(`${baseUrl}/en/apply/cap-phieu-ly-lich-tu-phap/?step=residenceHistory`);
    await page.locator('#step-title').waitFor();
    await expectAccessible(page, '200% zoom, a list with "add another"');
    await opened.close();
  });
});

/** Width and height of a baseline or progressive JPEG, from its SOF marker. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (marker >= 0xc0 && marker <= 0xc2) {
      return {
        height: (bytes[at + 5]! << 8) | bytes[at + 6]!,
        width: (bytes[at + 7]! << 8) | bytes[at + 8]!,
      };
    }
    at += 2 + length;
  }
  return null;
}

export type { Account };
