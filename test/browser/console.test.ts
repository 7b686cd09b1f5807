// The officials' console in Chromium, by keyboard-reachable controls named as CONTRACT.md names them: a case taken
// from the queue (found by paging) through every action at 1280×800 and at 360×740, documents shown in the page,
// forms downloaded; two officials acting on one case at once; axe-core on each state of the console's pages; the
// public statistics drawn as a chart and as a table from figures made for the test.

import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Account, newAccount, newBusiness, newCitizen, newOfficial } from '../support/accounts';
import { heicBytes, jpegBytes, pdfBytes } from '../support/files';
import {
  act,
  answerBirthSupplement,
  BIRTH,
  COMMUNE,
  client,
  DISTRICT,
  EVENTUALLY_MS,
  eventually,
  exampleData,
  MARRIAGE,
  payThroughIpn,
  submitBirthRegistration,
  submitExample,
  submitHouseholdBusiness,
  uploadFile,
} from '../support/flows';
import { isWorkingDay, nextDay, vietnamDay } from '../support/working-days';
import {
  cspUnsafeAttributes,
  expectAccessible,
  hasChromium,
  launchChromium,
  type Opened,
  openPhone,
  PHONE,
  visible,
} from './support';

const baseUrl = inject('baseUrl');
const c = client();
let browser: Browser;

const DESK = { width: 1280, height: 800 } as const;

/**
 * A browser tab signed in as `who` (the session the sign-in page would have stored), at `size`, under the local
 * runtime's CSP: the production policy, with s3rver as the documents' origin (see `runtimeHeaders`).
 */
async function signedIn(who: Account, size: { width: number; height: number }): Promise<Opened> {
  const opened = await openPhone(browser, baseUrl, {
    width: size.width,
    height: size.height,
    desktop: size.width > 1000,
    runtimeHeaders: true,
  });
  const session = JSON.stringify({ accessToken: who.token, expiresAt: Date.now() + 3_600_000 });
  await opened.context.addInitScript({
    // The top page only: a document shown in a frame has no storage of its own.
    content: `if (window === window.top) sessionStorage.setItem('motcua.auth.session', ${JSON.stringify(session)});`,
  });
  return opened;
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Waits for the notice the case page shows once it has reloaded the case after an action (or a conflict). */
async function waitForNotice(page: Page, text: string): Promise<void> {
  await page.locator('#notice .notice', { hasText: text }).waitFor();
}

/**
 * Takes `action` from the case page: its button (to the action's own page), what it asks, the check, the
 * confirmation, and back on the case page the notice that it was done.
 */
async function take(page: Page, action: string, fill?: () => Promise<void>) {
  await button(page, action).click();
  await fill?.();
  await button(page, 'Tiếp tục').click();
  await button(page, `Xác nhận: ${action}`).click();
  await waitForNotice(page, `Đã thực hiện: ${action}.`);
}

/** Pages through the queue's tab with "Trang sau" until the case's link shows, then opens it. */
async function findInQueue(page: Page, code: string, query: string) {
  await page.goto(`${baseUrl}/console/?${query}`);
  for (let pageNumber = 0; pageNumber < 50; pageNumber++) {
    await page.locator('#cases > li').first().waitFor();
    const link = page.getByRole('link', { name: code, exact: true });
    if ((await link.count()) > 0) {
      await link.click();
      return;
    }
    // Straight to the next page's address: a click would race the old page's list.
    const next = await page.getByRole('link', { name: 'Trang sau' }).getAttribute('href');
    if (!next) break;
    await page.goto(new URL(next, baseUrl).href);
  }
  throw new Error(`${code} not found in 50 pages of the queue`);
}

const statusOf = (page: Page) => visible(page.locator('#summary .tag').first());

function laterWorkingDay(iso: string, days: number): string {
  let day = vietnamDay(iso);
  for (let i = 0; i < days; i++) day = nextDay(day);
  while (!isWorkingDay(day)) day = nextDay(day);
  return day;
}

describe.skipIf(!hasChromium)('the officials’ console in Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const size of [DESK, PHONE]) {
    it(`takes a case from the queue through every action at ${size.width}×${size.height}`, async () => {
      const applicant = await newCitizen();
      const official = await newAccount('official', {
        agencyId: COMMUNE,
        name: `Cán bộ Một cửa ${size.width}`,
      });
      const { code } = await submitBirthRegistration(c, applicant);
      const opened = await signedIn(official, size);
      const { page } = opened;

      // The queue, oldest submission first: page by page to the case.
      await findInQueue(page, code, 'status=submitted');
      await page.waitForURL(/\/console\/case\/\?code=/);
      await page.locator('#case:not([hidden])').waitFor();
      expect(await statusOf(page)).toBe('Đã nộp, chờ tiếp nhận');
      const body = await visible(page.locator('#data-view'));
      // The form's data under the schema's titles, nested objects included.
      expect(body).toContain('Thông tin của trẻ');
      expect(body).toContain('Họ, chữ đệm và tên của trẻ');
      expect(body).not.toContain('fullName');

      // A document shown in the page: its download recorded, a PDF in a frame, and a link to save it.
      await page.getByRole('button', { name: /^Xem / }).first().click();
      const frame = page.locator('#viewer iframe');
      await frame.waitFor();
      expect(await frame.getAttribute('src')).toMatch(/^blob:/);
      expect(await page.locator('#viewer a[download]').getAttribute('download')).toMatch(/\.pdf$/);
      await button(page, 'Đóng').click();

      // Assign to oneself (asking for the agency's officials listed this one among them).
      await take(page, 'Phân công', async () => {
        await page.getByLabel('Phân công cho').selectOption({ label: official.name });
      });
      expect(await visible(page.locator('#summary'))).toContain(official.name);

      // Receive; a request for a supplement first refused for want of items, then sent with two.
      await take(page, 'Tiếp nhận');
      expect(await statusOf(page)).toBe('Đang giải quyết');
      await button(page, 'Yêu cầu bổ sung').click();
      await button(page, 'Tiếp tục').click();
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      expect(await visible(summary)).toContain('Hãy chọn ít nhất một nội dung cần bổ sung.');
      await page
        .getByLabel(/^Giấy tờ: /)
        .first()
        .check();
      await page
        .getByLabel(/^Lý do cần bổ sung: Giấy tờ: /)
        .first()
        .fill('Ảnh chụp bị mờ');
      await page
        .getByLabel('Tờ khai: Thông tin của trẻ – Họ, chữ đệm và tên của trẻ', { exact: true })
        .check();
      await page
        .getByLabel('Lý do cần bổ sung: Tờ khai: Thông tin của trẻ – Họ, chữ đệm và tên của trẻ', {
          exact: true,
        })
        .fill('Kiểm tra dấu thanh');
      await button(page, 'Tiếp tục').click();
      expect(await visible(page.locator('.action-check'))).toContain('Kiểm tra dấu thanh');
      await button(page, 'Xác nhận: Yêu cầu bổ sung').click();
      await waitForNotice(page, 'Đã thực hiện: Yêu cầu bổ sung.');
      expect(await statusOf(page)).toBe('Cần bổ sung, hoàn thiện hồ sơ');

      // The applicant answers; the official reloads and extends with an apology.
      expect((await answerBirthSupplement(c, applicant, code)).status).toBe(200);
      await page.reload();
      await page.locator('#case:not([hidden])').waitFor();
      const due = (await c.get(`/api/cases/${code}`, { token: official.token })).body.dueAt as string;
      const newDay = laterWorkingDay(due, 5);
      await take(page, 'Gia hạn', async () => {
        await page.getByLabel('Ngày hẹn trả kết quả mới').fill(newDay);
        await page.getByLabel(/^Lý do chậm trễ/).fill('Chờ xác minh của cơ quan công an');
      });
      expect(await visible(page.locator('#summary'))).toContain(newDay.split('-').reverse().join('/'));

      // Approve, then issue the result with its file.
      await take(page, 'Phê duyệt');
      await take(page, 'Trả kết quả', async () => {
        await page.getByLabel('Tệp kết quả (PDF)').setInputFiles({
          name: 'ket-qua.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from(pdfBytes('trích lục khai sinh')),
        });
      });
      expect(await statusOf(page)).toBe('Đã trả kết quả');
      expect(await visible(page.locator('#action-buttons'))).toContain(
        'Hồ sơ ở trạng thái này không còn thao tác nào.',
      );

      // Every form the case has, downloaded as the PDF the API makes.
      for (const form of ['Mẫu 01', 'Mẫu 02', 'Mẫu 04', 'Mẫu 05']) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: new RegExp(`^Tải về: ${form}`) }).click(),
        ]);
        expect((download as Download).suggestedFilename(), form).toMatch(/^mau-0\d-.+\.pdf$/);
        const saved = await (download as Download).createReadStream();
        const chunks: Buffer[] = [];
        for await (const chunk of saved) chunks.push(chunk as Buffer);
        expect(Buffer.concat(chunks).subarray(0, 5).toString(), form).toBe('%PDF-');
      }

      // The access log lists the views, the document and forms downloaded, and each action.
      await page.reload();
      await page.locator('#audit-table tbody tr').first().waitFor();
      const log = await visible(page.locator('#audit-table'));
      for (const entry of [
        'Xem hồ sơ',
        'Tải về',
        'Tiếp nhận',
        'Yêu cầu bổ sung',
        'Gia hạn',
        'Phê duyệt',
        'Trả kết quả',
        'Phân công',
      ]) {
        expect(log, entry).toContain(entry);
      }
      expect(await cspUnsafeAttributes(page)).toEqual([]);
      expect(opened.unexpectedErrors()).toEqual([]);
      await opened.close();
    });
  }

  it('refuses a file at the desk (with its reason) and denies another, from the buttons', async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const refused = await submitExample(c, applicant, MARRIAGE);
    const denied = await submitExample(c, applicant, MARRIAGE);
    const opened = await signedIn(official, PHONE);
    const { page } = opened;
    await page.goto(`${baseUrl}/console/case/?code=${encodeURIComponent(refused.code)}`);
    await page.locator('#case:not([hidden])').waitFor();
    // A refusal without a reason is not sent.
    await button(page, 'Từ chối tiếp nhận').click();
    await button(page, 'Tiếp tục').click();
    expect(await visible(page.locator('.error-summary'))).toContain('Hãy nêu lý do.');
    await page.getByRole('link', { name: 'Hãy nêu lý do.' }).click();
    expect(await page.evaluate('document.activeElement.id')).toBe('action-note');
    await page.keyboard.type('Hồ sơ không thuộc thẩm quyền của xã');
    await button(page, 'Tiếp tục').click();
    await button(page, 'Xác nhận: Từ chối tiếp nhận').click();
    await waitForNotice(page, 'Đã thực hiện: Từ chối tiếp nhận.');
    expect(await statusOf(page)).toBe('Từ chối tiếp nhận');
    expect(await visible(page.locator('#form-list'))).toContain('Mẫu 03');

    await page.goto(`${baseUrl}/console/case/?code=${encodeURIComponent(denied.code)}`);
    await page.locator('#case:not([hidden])').waitFor();
    await take(page, 'Tiếp nhận');
    await take(page, 'Không giải quyết', async () => {
      await page.getByLabel('Lý do').fill('Không đủ điều kiện đăng ký kết hôn');
    });
    expect(await statusOf(page)).toBe('Không được giải quyết');
    expect(opened.unexpectedErrors()).toEqual([]);
    await opened.close();
  });

  it('shows a photo in the page, and offers a HEIC photo (which browsers cannot show) to download', async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const documents = [];
    for (const [bytes, contentType, fileName] of [
      [jpegBytes(), 'image/jpeg', 'anh-giay-chung-sinh.jpg'],
      [heicBytes(), 'image/heic', 'IMG_0001.HEIC'],
    ] as const) {
      const uploadId = await uploadFile(c, applicant.token, {
        procedureId: BIRTH,
        documentType: 'medical-birth-certificate',
        bytes,
        contentType,
        fileName,
      });
      documents.push({ documentType: 'medical-birth-certificate', uploadId });
    }
    const submitted = await c.post('/api/applications', {
      token: applicant.token,
      headers: { 'idempotency-key': crypto.randomUUID() },
      body: { procedureId: BIRTH, data: await exampleData(c, BIRTH), documents },
    });
    expect(submitted.status).toBe(201);
    const opened = await signedIn(official, PHONE);
    const { page } = opened;
    await page.goto(`${baseUrl}/console/case/?code=${encodeURIComponent(submitted.body.code)}`);
    await page.locator('#case:not([hidden])').waitFor();
    await page.getByRole('button', { name: 'Xem anh-giay-chung-sinh.jpg' }).click();
    const image = page.locator('#viewer img');
    await image.waitFor();
    expect(await image.getAttribute('alt')).toBe('anh-giay-chung-sinh.jpg');
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    await page.getByRole('button', { name: 'Xem IMG_0001.HEIC' }).click();
    await page.locator('#viewer', { hasText: 'Trình duyệt không hiển thị được ảnh HEIC' }).waitFor();
    expect(await page.locator('#viewer img').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Tải về IMG_0001.HEIC' }).getAttribute('download')).toBe(
      'IMG_0001.HEIC',
    );
    expect(opened.unexpectedErrors()).toEqual([]);
    await opened.close();
  });

  it('tells the second of two officials acting on one case at once, and shows the case as it now is', async () => {
    const applicant = await newCitizen();
    const [first, second] = await Promise.all([newOfficial(COMMUNE), newOfficial(COMMUNE)]);
    const { code } = await submitExample(c, applicant, MARRIAGE);
    const [a, b] = await Promise.all([signedIn(first, DESK), signedIn(second, DESK)]);
    for (const { page } of [a, b]) {
      await page.goto(`${baseUrl}/console/case/?code=${encodeURIComponent(code)}`);
      await page.locator('#case:not([hidden])').waitFor();
      await button(page, 'Tiếp nhận').click();
      await button(page, 'Tiếp tục').click();
    }
    // Both have checked the same version; the first confirms, then the second.
    await button(a.page, 'Xác nhận: Tiếp nhận').click();
    await waitForNotice(a.page, 'Đã thực hiện: Tiếp nhận.');
    await button(b.page, 'Xác nhận: Tiếp nhận').click();
    await waitForNotice(b.page, 'Hồ sơ vừa được người khác cập nhật');
    expect(await statusOf(b.page)).toBe('Đang giải quyết');
    // Reloaded: the second official now sees what the case allows, and no Receive.
    expect(await button(b.page, 'Tiếp nhận').count()).toBe(0);
    expect(await button(b.page, 'Phê duyệt').count()).toBe(1);
    const history = await c.get(`/api/cases/${code}`, { token: first.token });
    expect(history.body.history.filter((e: { action: string }) => e.action === 'receive')).toHaveLength(1);
    await a.close();
    await b.close();
  });

  it('filters the queue by procedure and assignee, and marks overdue cases in words and in the tab count', async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    await c.get('/api/officials', { token: official.token });
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { code } = await submitExample(c, applicant, MARRIAGE);
      // Received three weeks ago (the local runtime takes the moment from the request): overdue now.
      await c.post(`/api/cases/${code}/actions`, {
        token: official.token,
        body: { action: 'receive', expectedVersion: 1 },
        headers: { 'x-local-now': new Date(Date.now() - 21 * 86_400_000).toISOString() },
      });
      await c.post(`/api/cases/${code}/actions`, {
        token: official.token,
        body: { action: 'assign', expectedVersion: 2, assigneeId: official.sub },
      });
      codes.push(code);
    }
    // The tab counts are kept by the stream: wait until they hold these three before the page reads them.
    for (let i = 0; i < 300; i++) {
      const counts = await c.get(`/api/queue/counts?assignee=me&procedureId=${MARRIAGE}`, {
        token: official.token,
      });
      if (counts.body.counts?.processing === 3) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const opened = await signedIn(official, PHONE);
    const { page } = opened;
    await page.goto(`${baseUrl}/console/?status=processing`);
    await page.getByLabel('Thủ tục').selectOption(MARRIAGE);
    await page.getByLabel('Cán bộ được phân công').selectOption('me');
    await button(page, 'Lọc').click();
    await page.waitForURL(/assignee=me/);
    await page.locator('#cases > li').first().waitFor();
    const cards = page.locator('#cases > li');
    expect(await cards.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const card = await visible(cards.nth(i));
      expect(card).toContain('Quá hạn');
      expect(card).toMatch(/quá hạn \d+ ngày làm việc/);
    }
    expect(await visible(page.locator('#reminder'))).toContain('3 hồ sơ ở trang này đã quá hạn');
    // The tab's count under the same filters.
    expect(await page.locator('[data-count="processing"]').textContent()).toBe('(3)');
    expect(await page.locator('a[data-status="processing"]').getAttribute('aria-current')).toBe('page');
    await expectAccessible(page, 'the queue, filtered');
    expect(opened.unexpectedErrors()).toEqual([]);
    await opened.close();
  });

  it('issues a level-4 result only with its PDF, then shows the fee paid and the signed result; a level-3 result needs no file', {
    timeout: EVENTUALLY_MS * 2,
  }, async () => {
    // A household business (level 4, district): its fee paid through the IPN, received and approved.
    const business = await newBusiness();
    const official = await newOfficial(DISTRICT);
    const { code } = await submitHouseholdBusiness(c, business);
    expect(await payThroughIpn(c, business, code, '17000001')).toBe('00');
    expect((await act(c, official, code, { action: 'receive', expectedVersion: 2 })).status).toBe(200);
    expect((await act(c, official, code, { action: 'approve', expectedVersion: 3 })).status).toBe(200);

    const opened = await signedIn(official, PHONE);
    const { page } = opened;
    await page.goto(`${baseUrl}/console/case/?code=${encodeURIComponent(code)}`);
    await page.locator('#case:not([hidden])').waitFor();
    // Without its file the result is not sent: the page says why, and the field says it is required at level 4.
    await button(page, 'Trả kết quả').click();
    expect(await visible(page.locator('#result-file-hint'))).toContain('Bắt buộc với thủ tục mức độ 4');
    await button(page, 'Tiếp tục').click();
    expect(await visible(page.locator('.error-summary'))).toContain('Hãy chọn tệp kết quả.');
    const result = await PDFDocument.create();
    const font = await result.embedFont(StandardFonts.Helvetica);
    result.addPage([595.28, 841.89]).drawText(`Giay chung nhan ${code}`, { x: 72, y: 760, size: 14, font });
    await page.getByLabel('Tệp kết quả (PDF)').setInputFiles({
      name: 'giấy chứng nhận.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(await result.save()),
    });
    await button(page, 'Tiếp tục').click();
    expect(await visible(page.locator('.action-check'))).toContain('giấy chứng nhận.pdf');
    await button(page, 'Xác nhận: Trả kết quả').click();
    await waitForNotice(page, 'Đã thực hiện: Trả kết quả.');
    expect(await statusOf(page)).toBe('Đã trả kết quả');
    // Signed in the background: the applicant's case says so once the signer is done.
    const signed = await eventually(
      () => c.get(`/api/applications/${encodeURIComponent(code)}`, { token: business.token }),
      (r) => r.body.result?.signature !== 'pending',
    );
    expect(signed.body.result).toMatchObject({ signature: 'signed', fileName: 'giấy chứng nhận.pdf' });
    // The console's case page shows the fee paid online and the signed result's link, and its access log the
    // payment, settled by the gateway.
    await page.reload();
    await page.locator('#case:not([hidden])').waitFor();
    const summaryText = await visible(page.locator('#summary'));
    expect(summaryText).toContain('100.000');
    expect(summaryText).toContain('Đã thanh toán');
    expect(summaryText).toContain('mã giao dịch 17000001');
    const resultLink = page.getByRole('link', { name: 'Tải kết quả đã ký số: giấy chứng nhận.pdf' });
    expect(new URL((await resultLink.getAttribute('href'))!, baseUrl).pathname).toBe(`/api/results/${code}`);
    const verifyLink = await page.getByRole('link', { name: 'Trang xác thực kết quả' }).getAttribute('href');
    expect(verifyLink).toBe(signed.body.result.verifyUrl);
    await page.locator('#audit-table tbody tr').first().waitFor();
    const log = await visible(page.locator('#audit-table'));
    expect(log).toContain('Bắt đầu thanh toán');
    expect(log).toContain('vnpay (Hệ thống)');

    // A marriage registration (level 3): the result may be handed over at the desk, so no file is needed.
    const applicant = await newCitizen();
    const commune = await newOfficial(COMMUNE);
    const marriage = await submitExample(c, applicant, MARRIAGE);
    expect((await act(c, commune, marriage.code, { action: 'receive', expectedVersion: 1 })).status).toBe(
      200,
    );
    expect((await act(c, commune, marriage.code, { action: 'approve', expectedVersion: 2 })).status).toBe(
      200,
    );
    const desk = await signedIn(commune, PHONE);
    await desk.page.goto(`${baseUrl}/console/case/?code=${encodeURIComponent(marriage.code)}`);
    await desk.page.locator('#case:not([hidden])').waitFor();
    await take(desk.page, 'Trả kết quả', async () => {
      expect(await visible(desk.page.locator('#result-file-hint'))).toContain('Không bắt buộc');
    });
    expect(await statusOf(desk.page)).toBe('Đã trả kết quả');
    expect(opened.unexpectedErrors()).toEqual([]);
    expect(desk.unexpectedErrors()).toEqual([]);
    await desk.close();
    await opened.close();
  });

  it('finds no axe-core violation on the console’s pages in their states, in Vietnamese and English', async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const { code } = await submitBirthRegistration(c, applicant);
    for (const size of [PHONE, DESK]) {
      const opened = await signedIn(official, size);
      const { page } = opened;
      for (const prefix of ['', '/en']) {
        const name = (state: string) => `${prefix || '/'} ${state} at ${size.width}px`;
        await page.goto(`${baseUrl}${prefix}/console/`);
        await page.locator('#cases > li').first().waitFor();
        await expectAccessible(page, name('queue'));
        await page.goto(`${baseUrl}${prefix}/console/case/?code=${encodeURIComponent(code)}`);
        await page.locator('#case:not([hidden])').waitFor();
        await page.locator('#audit-table table').waitFor();
        await expectAccessible(page, name('case'));
        await page.locator('#documents button').first().click();
        await page.locator('#viewer iframe').waitFor();
        await expectAccessible(page, name('document shown'));
        // An action on its page of its own: its form, its errors, then the check of what will be sent.
        await page.locator('#action-buttons button').nth(2).click();
        await page.locator('#action-panel form').waitFor();
        await expectAccessible(page, name('request supplement form'));
        await page.locator('#action-panel button[type=submit]').click();
        await page.locator('#action-panel .error-summary').waitFor();
        await expectAccessible(page, name('form with errors'));
        await page.locator('#action-panel input[type=checkbox]').first().check();
        await page.locator('#action-panel .checkboxes__conditional input').first().fill('Ảnh mờ');
        await page.locator('#action-panel button[type=submit]').click();
        await page.locator('#check-title').waitFor();
        await expectAccessible(page, name('check before sending'));
        await page.goto(`${baseUrl}${prefix}/console/stats/`);
        await page.locator('#covered:not(:empty)').waitFor();
        await expectAccessible(page, name('agency statistics'));
      }
      expect(opened.unexpectedErrors()).toEqual([]);
      await opened.close();
    }
  });
});

describe.skipIf(!hasChromium)('the public statistics page in Chromium', () => {
  let own: Browser;
  beforeAll(async () => {
    own = await launchChromium();
  });
  afterAll(async () => {
    await own?.close();
  });

  it('draws the on-time rate as an accessible SVG chart with the same figures in a table', async () => {
    // June 2023 is this test's own month: two cases received, one resolved on time, one still pending.
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const at = (time: string) => ({ 'x-local-now': `${time}+07:00` });
    for (const approve of [true, false]) {
      const { code } = await submitExample(c, applicant, MARRIAGE);
      await c.post(`/api/cases/${code}/actions`, {
        token: official.token,
        body: { action: 'receive', expectedVersion: 1 },
        headers: at('2023-06-05T09:00:00'),
      });
      if (approve) {
        await c.post(`/api/cases/${code}/actions`, {
          token: official.token,
          body: { action: 'approve', expectedVersion: 2 },
          headers: at('2023-06-07T09:00:00'),
        });
      }
    }
    const query = `from=2023-06-01&to=2023-06-30&procedureId=${MARRIAGE}`;
    for (let i = 0; i < 300; i++) {
      const stats = await c.get(`/api/stats?${query}`);
      if (stats.body.items[0]?.resolved === 1 && stats.body.items[0]?.received === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const opened = await openPhone(own, baseUrl);
    const { page } = opened;
    await page.goto(`${baseUrl}/stats/?from=2023-06&to=2023-06`);
    await page.locator('#figures table').waitFor();
    const chart = page.getByRole('img', { name: /Tỷ lệ hồ sơ giải quyết đúng hạn, theo cơ quan/ });
    expect(await chart.count()).toBe(1);
    expect(await chart.evaluate((svg) => svg.querySelector('desc')?.textContent ?? '')).toContain(
      'Ủy ban nhân dân xã Gia Sinh 100 %',
    );
    const row = page.getByRole('row', { name: /Đăng ký kết hôn/ });
    const cells = await row.locator('td').allInnerTexts();
    // Agency, then received, resolved, on time, late, pending, pending overdue, rate.
    expect(cells).toEqual(['Ủy ban nhân dân xã Gia Sinh', '2', '1', '1', '0', '1', '1', '100 %']);
    expect(await visible(page.locator('#covered'))).toContain('01/06/2023');
    await expectAccessible(page, '/stats/');
    await page.goto(`${baseUrl}/en/stats/?from=2023-06&to=2023-06`);
    await page.locator('#figures table').waitFor();
    expect(await page.getByRole('img', { name: /Share of cases resolved on time/ }).count()).toBe(1);
    await expectAccessible(page, '/en/stats/');
    expect(opened.unexpectedErrors()).toEqual([]);
    await opened.close();
  });
});
