// Level 4 in Chromium at 360 px, by keyboard: a business pays its fee from the payment page through the sandbox
// gateway and comes back to its case's page; a signed result's QR code opens the verification page, which says it
// is genuine and checks a PDF the user picks.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Account, newBusiness, newCitizen, newOfficial } from '../support/accounts';
import {
  act,
  BIRTH,
  COMMUNE,
  client,
  EVENTUALLY_MS,
  eventually,
  submitBirthRegistration,
  submitHouseholdBusiness,
  uploadFile,
} from '../support/flows';
import { expectAccessible, hasChromium, launchChromium, openPhone, visible } from './support';

const baseUrl = inject('baseUrl');
const c = client();
let browser: Browser;

/** The tab's session as the sign-in page leaves it (web/lib/auth.ts), so that the test starts signed in. */
function signedInAs(account: Account) {
  const session = JSON.stringify({ accessToken: account.token, expiresAt: Date.now() + 3_600_000 });
  return `sessionStorage.setItem('motcua.auth.session', ${JSON.stringify(session)});`;
}

/** Tabs until the focused element is the one `name`d; fails after 30 tabs. */
async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate('document.activeElement?.textContent?.trim()')) === name) return;
  }
  throw new Error(`"${name}" is not reachable with Tab`);
}

async function signedResult() {
  const applicant = await newCitizen();
  const official = await newOfficial(COMMUNE);
  const { code } = await submitBirthRegistration(c, applicant);
  await act(c, official, code, { action: 'receive', expectedVersion: 1 });
  await act(c, official, code, { action: 'approve', expectedVersion: 2 });
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595.28, 841.89]).drawText(`Trich luc khai sinh ${code}`, { x: 72, y: 760, size: 16, font });
  const uploadId = await uploadFile(c, official.token, {
    procedureId: BIRTH,
    documentType: 'result',
    fileName: 'trich-luc.pdf',
    bytes: await doc.save(),
  });
  await act(c, official, code, { action: 'issue_result', expectedVersion: 3, result: { uploadId } });
  const read = await eventually(
    () => c.get(`/api/applications/${encodeURIComponent(code)}`, { token: applicant.token }),
    (r) => r.body.result?.signature === 'signed',
  );
  const file = new Uint8Array(await (await fetch(read.body.result.downloadUrl)).arrayBuffer());
  return {
    applicant,
    code,
    result: read.body.result as { verifyUrl: string; sha256: string; fileName: string },
    file,
  };
}

describe.skipIf(!hasChromium)('level 4 in Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('pays a fee by keyboard: the payment page, the sandbox gateway, back to the case’s page, the case submitted', {
    timeout: EVENTUALLY_MS,
  }, async () => {
    const business = await newBusiness();
    const { code } = await submitHouseholdBusiness(c, business);
    const opened = await openPhone(browser, baseUrl);
    const { page } = opened;
    await opened.context.addInitScript(signedInAs(business));
    // The gateway's pages keep their own policy and their redirects reach the browser (the helper's rewrite of the
    // site's pages would follow them itself).
    await opened.context.route(
      (url) => url.pathname.startsWith('/sandbox/'),
      (route) => route.continue(),
    );
    // The case's page offers "Thanh toán", a link to the payment page.
    await page.goto(`${baseUrl}/my/case/?code=${encodeURIComponent(code)}`);
    await page.getByRole('link', { name: 'Thanh toán' }).waitFor();
    await tabTo(page, 'Thanh toán');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/pay\/\?code=/);
    expect(new URL(page.url()).searchParams.get('code')).toBe(code);
    await page.getByRole('button', { name: 'Thanh toán' }).waitFor();
    expect(await visible(page.locator('main'))).toMatch(/100\.000\s₫/);
    await expectAccessible(page, '/pay/');
    await tabTo(page, 'Thanh toán');
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/sandbox\/vnpay\/paymentv2\/vpcpay\.html\?/);
    expect(await page.locator('h1').textContent()).toBe('Cổng thanh toán thử nghiệm');
    await tabTo(page, 'Thanh toán');
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/my\/case\/\?/);
    const landed = new URL(page.url());
    expect(landed.searchParams.get('code')).toBe(code);
    expect(landed.searchParams.get('payment')).toBe('paid');
    // The case's page says what the gateway said.
    await page.getByText('Cổng thanh toán báo bạn đã thanh toán thành công', { exact: false }).waitFor();
    await expectAccessible(page, '/my/case/ back from the gateway');
    const paid = await c.get(`/api/applications/${encodeURIComponent(code)}`, { token: business.token });
    expect(paid.body.status).toBe('submitted');
    expect(paid.body.payment.status).toBe('paid');
    // A failed attempt's return, in English, says so too.
    await page.goto(`${baseUrl}/en/my/case/?code=${encodeURIComponent(code)}&payment=failed`);
    await page.getByText('The payment did not go through. You can pay again.').waitFor();
    // The payment page of a paid case says so, and offers no second payment.
    await page.goto(`${baseUrl}/en/pay/?code=${encodeURIComponent(code)}`);
    await page.getByText('The fee is paid.').waitFor();
    expect(await page.getByRole('button', { name: 'Pay' }).count()).toBe(0);
    expect(opened.unexpectedErrors(true)).toEqual([]);
    await opened.close();
  });

  it('opens the QR code’s verification page, which says the case is genuine and checks a picked PDF', {
    timeout: EVENTUALLY_MS * 2,
  }, async () => {
    const { applicant, code, result, file } = await signedResult();
    const opened = await openPhone(browser, baseUrl);
    const { page } = opened;
    // The applicant's case page links to the signed file (its short-lived link) and to its verification.
    await opened.context.addInitScript(signedInAs(applicant));
    await page.goto(`${baseUrl}/my/case/?code=${encodeURIComponent(code)}`);
    const download = page.getByRole('link', { name: result.fileName });
    await download.waitFor();
    const href = new URL((await download.getAttribute('href'))!, baseUrl);
    expect(href.pathname).toBe(`/api/results/${encodeURIComponent(code)}`);
    const signed = new Uint8Array(await (await fetch(href)).arrayBuffer());
    expect(Buffer.from(signed).equals(Buffer.from(file))).toBe(true);
    expect(await page.getByRole('link', { name: 'Kiểm tra tính xác thực' }).getAttribute('href')).toBe(
      result.verifyUrl,
    );
    await page.goto(result.verifyUrl);
    await page.getByText('Hồ sơ này có trên hệ thống').waitFor();
    const shown = await visible(page.locator('main'));
    expect(shown).toContain(code);
    expect(shown).toContain(result.sha256);
    await expectAccessible(page, '/verify/');

    await page.getByLabel('Tệp PDF cần kiểm tra').setInputFiles({
      name: 'ket-qua.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(file),
    });
    await tabTo(page, 'Kiểm tra tệp');
    await page.keyboard.press('Enter');
    await page.getByText('Tệp hợp lệ: do hệ thống phát hành, chưa bị thay đổi, chữ ký số hợp lệ').waitFor();
    expect(await visible(page.locator('#file-result'))).toContain(
      'Tệp khớp với giấy tờ của hồ sơ theo mã QR.',
    );

    const altered = Buffer.from(file);
    const at = altered.indexOf('\n') + 2;
    altered[at] = altered[at]! ^ 0x01;
    await page.getByLabel('Tệp PDF cần kiểm tra').setInputFiles({
      name: 'ket-qua.pdf',
      mimeType: 'application/pdf',
      buffer: altered,
    });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.getByText('Tệp không hợp lệ').waitFor();
    expect(await visible(page.locator('#file-result'))).toContain('Nội dung tệp đã bị thay đổi sau khi ký.');

    // A link whose token was altered verifies nothing.
    await page.goto(result.verifyUrl.replace(/t=[^&]+/, 't=AAAAAAAAAAAAAAAA'));
    await page.getByText('Không xác thực được', { exact: false }).waitFor();
    expect(opened.unexpectedErrors(true)).toEqual([]);
    await opened.close();
  });
});
