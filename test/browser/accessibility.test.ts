// Every built page in Chromium at 360 px: no axe-core violation and no sideways scrolling, in Vietnamese and
// English; and with JavaScript off, the catalogue and the procedure pages read and link through in both languages.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtPages, expectAccessible, hasChromium, launchChromium, openPhone, visible } from './support';

const baseUrl = inject('baseUrl');
let browser: Browser;

describe.skipIf(!hasChromium)('accessibility of every page at 360 px', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('finds no axe-core violation and no horizontal scroll on any page, in Vietnamese and English', async () => {
    const pages = builtPages();
    // Both languages of each page the build writes (the 404 page carries both on one page).
    expect(pages.filter((p) => p.startsWith('/en/')).length).toBeGreaterThanOrEqual(
      pages.filter((p) => !p.startsWith('/en/') && p.endsWith('/')).length,
    );
    const { close, page, unexpectedErrors } = await openPhone(browser, baseUrl);
    for (const path of pages) {
      await page.goto(`${baseUrl}${path}`);
      await page.waitForLoadState('load');
      expect(await page.getAttribute('html', 'lang'), path).toBe(path.startsWith('/en/') ? 'en' : 'vi');
      await expectAccessible(page, path);
    }
    expect(unexpectedErrors(true)).toEqual([]);
    await close();
  });

  it('reads and navigates the catalogue and a procedure with JavaScript off, in both languages', async () => {
    const { close, page, apiLanguages } = await openPhone(browser, baseUrl, { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Thủ tục hành chính');
    const cards = page.locator('#results > li');
    expect(await cards.count()).toBe(5);
    expect(await visible(cards.filter({ hasText: 'Đăng ký thành lập hộ kinh doanh' }))).toMatch(
      /100\.000\s₫/,
    );
    // The search needs the script: without it the box is not offered at all.
    expect(await page.getByLabel('Tìm thủ tục').isVisible()).toBe(false);

    await page.getByRole('link', { name: 'Đăng ký thành lập hộ kinh doanh' }).click();
    await page.waitForURL(/\/procedures\/dang-ky-thanh-lap-ho-kinh-doanh\/$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Đăng ký thành lập hộ kinh doanh',
    );
    const body = await visible(page.locator('main'));
    expect(body).toMatch(/Phí, lệ phí\s+100\.000\s₫/);
    expect(body).toContain('Thành phần hồ sơ');
    expect(body).toContain('Luật Doanh nghiệp số 59/2020/QH14');
    // The form's fields open without a script (a native <details>).
    await page.getByText(/Xem \d+ mục cần kê khai/).click();
    expect(await page.getByText('Họ, chữ đệm và tên chủ hộ kinh doanh').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).getAttribute('href')).toBe(
      '/apply/dang-ky-thanh-lap-ho-kinh-doanh/',
    );

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/en\/procedures\/dang-ky-thanh-lap-ho-kinh-doanh\/$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Household business registration',
    );
    expect(await visible(page.locator('main'))).toMatch(/Fees and charges\s+100,000\s₫/);
    await page.getByRole('link', { name: 'All procedures' }).click();
    await page.waitForURL(/\/en\/$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Administrative procedures');
    await page.getByRole('link', { name: 'Birth registration' }).click();
    await page.waitForURL(/\/en\/procedures\/dang-ky-khai-sinh\/$/);
    expect(await visible(page.locator('main'))).toContain('Free');
    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    await page.waitForURL(/\/procedures\/dang-ky-khai-sinh\/$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Đăng ký khai sinh');

    // Tracking needs the script (the PIN never goes into an address): the page says so instead of a dead form.
    await page.goto(`${baseUrl}/track/`);
    expect(await page.getByText('Trang này cần JavaScript', { exact: false }).isVisible()).toBe(true);
    expect(await page.getByLabel('Mã tra cứu (PIN)').isVisible()).toBe(false);
    expect(apiLanguages).toEqual([]);
    await close();
  });
});
