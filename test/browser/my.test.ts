// My applications and a case's page in Chromium at 360×740, keyboard only: a draft resumed on another device, a
// draft kept through a reload while the server cannot be reached, a supplement request answered item by item, a
// withdrawal confirmed (and one cancelled), the deadline in working days with its legal basis, paging, sign-out
// clearing this device's drafts; axe-core on every state, in Vietnamese and English.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Account, newAccount, newBusiness, newCitizen } from '../support/accounts';
import { pdfBytes } from '../support/files';
import {
  act,
  BIRTH,
  client,
  exampleData,
  submitBirthRegistration,
  submitHouseholdBusiness,
} from '../support/flows';
import { expectAccessible, hasChromium, launchChromium, openPhone, visible } from './support';
import {
  chooseFilesByKeyboard,
  fillPageByKeyboard,
  pressByKeyboard,
  signInAs,
  tabToId,
  typeInto,
} from './wizard-driver';

const baseUrl = inject('baseUrl');
const c = client();
let browser: Browser;

const phone = () => openPhone(browser, baseUrl, { runtimeHeaders: true });

/** A birth registration received by the commune, then sent back for a supplement on a field and a document. */
async function caseNeedingSupplement(citizen: Account) {
  const official = await newAccount('official', { agencyId: 'ubnd-xa-gia-sinh' });
  const submitted = await submitBirthRegistration(c, citizen);
  const received = await act(c, official, submitted.code, { action: 'receive', expectedVersion: 1 });
  expect(received.status).toBe(200);
  const asked = await act(c, official, submitted.code, {
    action: 'request_supplement',
    expectedVersion: 2,
    note: 'Hồ sơ cần sửa hai mục',
    items: [
      { field: 'child.fullName', reason: 'Tên của trẻ viết sai chính tả' },
      { documentType: 'medical-birth-certificate', reason: 'Ảnh giấy chứng sinh bị mờ' },
    ],
  });
  expect(asked.status).toBe(200);
  return submitted.code;
}

describe.skipIf(!hasChromium)('My applications in Chromium at 360 px, keyboard only', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('resumes a draft on another device from My applications, at the step where it was left', async () => {
    const account = await newCitizen();
    const data = await exampleData(c, BIRTH);
    const first = await phone();
    await signInAs(first.page, baseUrl, account);
    await first.page.goto(`${baseUrl}/apply/${BIRTH}/`);
    await first.page.locator('#step-title').waitFor();
    await fillPageByKeyboard(first.page, data, 'Tiếp tục');
    await first.page.waitForURL(/step=mother/);
    await tabToId(first.page, 'f-mother-fullName');
    await typeInto(first.page, 'Phạm Thị Thu Hà');
    await pressByKeyboard(first.page, 'Lưu nháp');
    await first.page.locator('#draft-status', { hasText: 'Đã lưu nháp lúc' }).waitFor();
    await first.close();

    const second = await phone();
    const { page } = second;
    await signInAs(page, baseUrl, account);
    await page.goto(`${baseUrl}/my/`);
    await page.getByRole('heading', { level: 2, name: 'Bản nháp' }).waitFor();
    await page.locator('.card', { hasText: 'Đăng ký khai sinh' }).waitFor();
    await expectAccessible(page, '/my/ with a draft');
    await pressByKeyboard(page, 'Tiếp tục: Đăng ký khai sinh');
    await page.waitForURL(/\/apply\/dang-ky-khai-sinh\/\?step=mother/);
    await page.locator('#f-mother-fullName').waitFor();
    await expect.poll(() => page.locator('#f-mother-fullName').inputValue()).toBe('Phạm Thị Thu Hà');
    expect(await visible(page.locator('#apply .notice'))).toContain('Bạn đang tiếp tục bản nháp');
    await pressByKeyboard(page, 'Quay lại');
    await page.waitForURL(/step=child/);
    expect(await page.locator('#f-child-fullName').inputValue()).toBe('Trần Bảo Ngọc');
    expect(await page.locator('#f-child-dateOfBirth-year').inputValue()).toBe('2025');
    expect(second.unexpectedErrors(true)).toEqual([]);
    await second.close();
  });

  it('keeps what was typed through a reload while the server cannot be reached, lists it, then sends it', async () => {
    const account = await newCitizen();
    const opened = await phone();
    const { page } = opened;
    await signInAs(page, baseUrl, account);
    await page.route('**/api/drafts**', (route) => route.abort('internetdisconnected'));
    await page.goto(`${baseUrl}/apply/${BIRTH}/`);
    await page.locator('#step-title').waitFor();
    await tabToId(page, 'f-child-fullName');
    await typeInto(page, 'Nguyễn Hoàng Nam');
    await pressByKeyboard(page, 'Lưu nháp');
    await page.locator('#draft-status', { hasText: 'Chưa lưu được lên máy chủ' }).waitFor();

    await page.reload();
    await page.locator('#f-child-fullName').waitFor();
    expect(await page.locator('#f-child-fullName').inputValue()).toBe('Nguyễn Hoàng Nam');
    await page.goto(`${baseUrl}/my/`);
    const local = page.locator('.card', { hasText: 'Chỉ có trên máy này' });
    await local.waitFor();
    expect(await visible(local)).toContain('Đăng ký khai sinh');

    await page.unroute('**/api/drafts**');
    await page.goto(`${baseUrl}/apply/${BIRTH}/`);
    await page.locator('#f-child-fullName').waitFor();
    await pressByKeyboard(page, 'Lưu nháp');
    await page.locator('#draft-status', { hasText: 'Đã lưu nháp lúc' }).waitFor();
    const stored = await c.get(`/api/drafts/${BIRTH}`, { token: account.token });
    expect(stored.status).toBe(200);
    expect(stored.body.data.child.fullName).toBe('Nguyễn Hoàng Nam');
    await opened.close();
  });

  it('answers a supplement request item by item, by keyboard, and the case goes back to processing', async () => {
    const citizen = await newCitizen();
    const code = await caseNeedingSupplement(citizen);
    const opened = await phone();
    const { page } = opened;
    await signInAs(page, baseUrl, citizen);
    await page.goto(`${baseUrl}/my/case/?code=${encodeURIComponent(code)}`);
    await page.getByRole('heading', { level: 2, name: 'Yêu cầu bổ sung' }).waitFor();
    const request = await visible(page.locator('.supplement'));
    expect(request).toContain('Lý do: Tên của trẻ viết sai chính tả');
    expect(request).toContain('Lý do: Ảnh giấy chứng sinh bị mờ');
    expect(await visible(page.locator('#due-clock'))).toContain('tạm dừng');
    await expectAccessible(page, 'a case waiting for a supplement');

    // Nothing corrected yet: the summary says so, nothing is sent.
    await pressByKeyboard(page, 'Gửi bổ sung');
    await page.locator('.error-summary', { hasText: 'Hãy sửa ít nhất một mục được yêu cầu' }).waitFor();

    await tabToId(page, 'f-child-fullName');
    await typeInto(page, 'Trần Bảo Ngọc Anh');
    await chooseFilesByKeyboard(
      page,
      'sup-medical-birth-certificate',
      {
        name: 'giay-chung-sinh-ro.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(pdfBytes('ro net')),
      },
      '#supplement-title',
    );
    await page.locator('.file__state', { hasText: 'Đã tải lên' }).waitFor({ timeout: 30_000 });
    await pressByKeyboard(page, 'Gửi bổ sung');
    await page.locator('.notice', { hasText: 'Đã gửi bổ sung' }).waitFor({ timeout: 30_000 });
    expect(await visible(page.locator('main'))).toContain('Đang giải quyết');
    await expectAccessible(page, 'a case after its supplement');

    const stored = await c.get(`/api/applications/${encodeURIComponent(code)}`, { token: citizen.token });
    expect(stored.body.status).toBe('processing');
    expect(stored.body.data.child.fullName).toBe('Trần Bảo Ngọc Anh');
    expect(stored.body.documents.map((d: { fileName: string }) => d.fileName)).toEqual([
      'giay-chung-sinh-ro.pdf',
    ]);
    expect(opened.unexpectedErrors(true)).toEqual([]);
    await opened.close();
  });

  it('withdraws only after confirming, by keyboard; "do not withdraw" keeps the case', async () => {
    const citizen = await newCitizen();
    const { code } = await submitBirthRegistration(c, citizen);
    const opened = await phone();
    const { page } = opened;
    await signInAs(page, baseUrl, citizen);
    await page.goto(`${baseUrl}/en/my/case/?code=${encodeURIComponent(code)}`);
    await page.getByRole('heading', { level: 1, name: 'Birth registration' }).waitFor();
    await expectAccessible(page, '/en/my/case/ submitted');

    await pressByKeyboard(page, 'Withdraw');
    await page
      .getByRole('heading', { level: 2, name: 'Are you sure you want to withdraw this application?' })
      .waitFor();
    expect(await page.evaluate('document.activeElement.id')).toBe('withdraw-title');
    await expectAccessible(page, 'the withdrawal confirmation');
    await pressByKeyboard(page, 'Do not withdraw');
    expect(
      (await c.get(`/api/applications/${encodeURIComponent(code)}`, { token: citizen.token })).body.status,
    ).toBe('submitted');

    await pressByKeyboard(page, 'Withdraw');
    await tabToId(page, 'withdraw-reason');
    await page.keyboard.type('Nộp nhầm thủ tục');
    await pressByKeyboard(page, 'Confirm withdrawal');
    await page.locator('.notice', { hasText: 'Application withdrawn.' }).waitFor();
    expect(await visible(page.locator('main'))).toContain('Withdrawn');
    expect(await page.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
    const stored = await c.get(`/api/applications/${encodeURIComponent(code)}`, { token: citizen.token });
    expect(stored.body.status).toBe('withdrawn');
    expect(stored.body.history.at(-1).note).toBe('Nộp nhầm thủ tục');
    await opened.close();
  });

  it('shows the deadline in working days with the legal basis of the time limit, in both languages', async () => {
    const citizen = await newCitizen();
    const official = await newAccount('official', { agencyId: 'ubnd-xa-gia-sinh' });
    const { code } = await submitBirthRegistration(c, citizen);
    expect((await act(c, official, code, { action: 'receive', expectedVersion: 1 })).status).toBe(200);
    const opened = await phone();
    const { page } = opened;
    await signInAs(page, baseUrl, citizen);
    await page.goto(`${baseUrl}/my/case/?code=${encodeURIComponent(code)}`);
    await expect
      .poll(() => visible(page.locator('#due-clock')))
      .toMatch(/còn \d+ ngày làm việc|đến hạn trong hôm nay/);
    const facts = await visible(page.locator('.card .summary-list').first());
    expect(facts).toContain('1 ngày làm việc (Khoản 2 Điều 16 Luật Hộ tịch số 60/2014/QH13)');
    expect(facts).toContain('Ủy ban nhân dân xã Gia Sinh');
    await page.getByRole('button', { name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)' }).waitFor();
    await page.goto(`${baseUrl}/en/my/case/?code=${encodeURIComponent(code)}`);
    await expect.poll(() => visible(page.locator('#due-clock'))).toMatch(/\d+ working days left|due today/);
    expect(await visible(page.locator('.card .summary-list').first())).toContain(
      'Law on Civil Status 60/2014/QH13, art. 16(2)',
    );
    // What the applicant declared, labelled in English.
    await pressByKeyboard(page, 'What you declared');
    expect(await visible(page.locator('#answers'))).toContain("Child's full name");
    await expectAccessible(page, '/en/my/case/ being processed');
    await opened.close();
  });

  it('pages the cases, newest first, with "Xem thêm hồ sơ"', async () => {
    const business = await newBusiness();
    const codes: string[] = [];
    for (let i = 0; i < 21; i++) codes.push((await submitHouseholdBusiness(c, business)).code);
    const opened = await phone();
    const { page } = opened;
    await signInAs(page, baseUrl, business);
    await page.goto(`${baseUrl}/my/`);
    await page.locator('#cases > li').first().waitFor();
    expect(await page.locator('#cases > li').count()).toBe(20);
    expect(await visible(page.locator('#cases > li').first())).toContain(codes.at(-1));
    expect(await visible(page.locator('#cases > li').first())).toContain('Chờ thanh toán phí, lệ phí');
    await pressByKeyboard(page, 'Xem thêm hồ sơ');
    await expect.poll(() => page.locator('#cases > li').count()).toBe(21);
    expect(await visible(page.locator('#cases > li').last())).toContain(codes[0]);
    expect(await page.getByRole('button', { name: 'Xem thêm hồ sơ' }).count()).toBe(0);
    await opened.close();
  });

  it("signs out by keyboard and leaves none of the applicant's drafts on the device", async () => {
    const account = await newCitizen();
    const opened = await phone();
    const { page } = opened;
    await signInAs(page, baseUrl, account);
    await page.goto(`${baseUrl}/apply/${BIRTH}/`);
    await page.locator('#step-title').waitFor();
    await tabToId(page, 'f-child-fullName');
    await typeInto(page, 'Lê Minh Khôi');
    await page.keyboard.press('Tab');
    const keys = () =>
      page.evaluate(`Object.keys(localStorage).filter((k) => k.startsWith('motcua.draft.'))`) as Promise<
        string[]
      >;
    await expect.poll(keys).toHaveLength(1);
    await page.locator('[data-sign-out]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/signin\/signed-out\/$/);
    expect(await keys()).toEqual([]);
    await opened.close();
  });
});
