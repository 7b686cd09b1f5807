// The citizens' pages in a real Chromium on a phone-sized screen, against the runtime of the global setup, under
// the CloudFront content security policy: catalogue search, a procedure's page in both languages, tracking.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WEB_OUT_DIR } from '../../web/build/paths';
import { builtPageFiles, firstLoad } from '../../web/build/site-files';
import { client, submitBirthRegistration } from '../support/flows';
import {
  cspUnsafeAttributes,
  expectAccessible,
  hasChromium,
  horizontalOverflow,
  launchChromium,
  openPhone,
  visible,
} from './support';

const baseUrl = inject('baseUrl');
const c = client();
let browser: Browser;

const cards = (page: Page) => page.locator('#results > li:visible');

describe.skipIf(!hasChromium)('citizen pages in Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists the catalogue and narrows it to the household business without diacritics, with no request', async () => {
    const { close, page, apiLanguages, unexpectedErrors } = await open();
    await page.goto(`${baseUrl}/`);
    expect(await cards(page).count()).toBe(5);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    const birth = cards(page).filter({ hasText: 'Đăng ký khai sinh' });
    expect(await visible(birth)).toMatch(/Miễn phí/);
    expect(await visible(birth)).toMatch(/1 ngày làm việc/);
    expect(await visible(birth)).toMatch(/Dịch vụ công trực tuyến toàn trình/);
    expect(await page.locator('a[href="/track/"]').count()).toBe(1);

    await page.getByLabel('Tìm thủ tục').pressSequentially('ho kinh doanh');
    await expect.poll(() => cards(page).count()).toBe(1);
    const only = cards(page).first();
    const text = await visible(only);
    expect(text).toContain('Đăng ký thành lập hộ kinh doanh');
    expect(text).toContain('Ủy ban nhân dân huyện Gia Viễn');
    expect(text).toMatch(/100\.000\s₫/);
    expect(text).toContain('3 ngày làm việc');
    expect(await visible(page.getByRole('status'))).toBe('1 thủ tục');
    expect(page.url()).toContain('q=ho+kinh+doanh');
    // The language switch keeps the search.
    expect(await page.getByRole('link', { name: 'English' }).getAttribute('href')).toBe(
      '/en/?q=ho+kinh+doanh',
    );
    await expectAccessible(page, 'catalogue, searched');

    await page.getByLabel('Tìm thủ tục').fill('khong co thu tuc nao nhu the');
    await expect
      .poll(() => visible(page.getByRole('status')))
      .toBe('Không tìm thấy thủ tục phù hợp. Hãy thử từ khóa khác.');
    expect(await cards(page).count()).toBe(0);

    // A search in the address is applied on arrival; Vietnamese with marks matches too.
    await page.goto(`${baseUrl}/?q=${encodeURIComponent('GIẤY PHÉP xây dựng')}`);
    await expect.poll(() => cards(page).count()).toBe(1);
    await cards(page).first().getByRole('link').click();
    await page.waitForURL(/\/procedures\/cap-giay-phep-xay-dung-nha-o-rieng-le\/$/);
    await page.getByRole('heading', { level: 1, name: /Cấp giấy phép xây dựng mới/ }).waitFor();
    expect(apiLanguages).toEqual([]);
    expect(await cspUnsafeAttributes(page)).toEqual([]);
    expect(unexpectedErrors()).toEqual([]);
    await close();
  });

  it("shows a procedure's public page, and in English from the switch", async () => {
    const { close, page, unexpectedErrors } = await open();
    await page.goto(`${baseUrl}/procedures/dang-ky-thanh-lap-ho-kinh-doanh/`);
    await page.getByRole('heading', { level: 1, name: 'Đăng ký thành lập hộ kinh doanh' }).waitFor();
    const body = await visible(page.locator('main'));
    expect(body).toMatch(/Phí, lệ phí\s+100\.000\s₫/);
    expect(body).toContain('3 ngày làm việc');
    expect(body).toContain('Dịch vụ công trực tuyến toàn trình');
    for (const heading of [
      'Trình tự thực hiện',
      'Nơi thực hiện',
      'Thành phần hồ sơ',
      'Thông tin cần kê khai',
      'Đối tượng thực hiện',
      'Kết quả thực hiện',
      'Căn cứ pháp lý',
    ])
      expect(await page.getByRole('heading', { name: heading, level: 2 }).count(), heading).toBe(1);
    // This procedure's documents are both optional (only when household members register together).
    expect(await page.locator('.documents > li').count()).toBe(2);
    expect(await page.locator('.documents .tag', { hasText: 'Không bắt buộc' }).count()).toBe(2);
    expect(body).toContain('Luật Doanh nghiệp số 59/2020/QH14');
    const apply = page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' });
    expect(await apply.getAttribute('href')).toBe('/apply/dang-ky-thanh-lap-ho-kinh-doanh/');
    // The form's fields, nested objects as sub-lists.
    await page.locator('details summary').click();
    const owner = page.locator('.fields > li', { hasText: 'Chủ hộ kinh doanh' }).first();
    expect(
      await owner
        .locator('.fields .fields__title', { hasText: 'Họ, chữ đệm và tên chủ hộ kinh doanh' })
        .count(),
    ).toBe(1);
    expect(
      await owner.locator('.fields .fields .fields__title', { hasText: 'Xã, phường, thị trấn' }).count(),
    ).toBe(1);

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/en\/procedures\/dang-ky-thanh-lap-ho-kinh-doanh\/$/);
    await page.getByRole('heading', { level: 1, name: 'Household business registration' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const english = await visible(page.locator('main'));
    expect(english).toContain('Full online public service');
    expect(english).toContain('3 working days');
    expect(english).toMatch(/100,000\s₫/);
    expect(english).toContain('Optional');
    expect(english).toContain('Gia Viễn District People');
    expect(await page.getByRole('link', { name: 'Apply online' }).getAttribute('href')).toBe(
      '/en/apply/dang-ky-thanh-lap-ho-kinh-doanh/',
    );
    // Names of laws exist in Vietnamese only, and say so.
    expect(await page.locator('ul.legal').getAttribute('lang')).toBe('vi');

    await page.goto(`${baseUrl}/en/procedures/cap-giay-phep-xay-dung-nha-o-rieng-le/`);
    await page.getByRole('heading', { level: 1, name: /Building permit for a new private house/ }).waitFor();
    const required = page.locator('.documents > li', { has: page.locator('.tag', { hasText: 'Required' }) });
    expect(await required.count()).toBe(2);
    expect(await visible(required.first())).toContain('right to use the land');
    expect(await visible(page.locator('main'))).toMatch(/75,000\s₫/);

    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: /Cấp giấy phép xây dựng mới/ }).waitFor();
    expect(await page.locator('.documents .tag', { hasText: /^Bắt buộc$/ }).count()).toBe(2);
    expect(await cspUnsafeAttributes(page)).toEqual([]);
    expect(unexpectedErrors()).toEqual([]);
    await close();
  });

  it('answers an unknown procedure with the not-found page and a 404', async () => {
    const { close, page, unexpectedErrors } = await open();
    const response = await page.goto(`${baseUrl}/procedures/khong-co-thu-tuc-nay/`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
    expect(await page.getByRole('link', { name: 'Xem tất cả thủ tục' }).getAttribute('href')).toBe('/');
    expect(await page.getByRole('link', { name: 'See all procedures' }).getAttribute('href')).toBe('/en/');
    await expectAccessible(page, '404');
    expect(unexpectedErrors(true)).toEqual([]);
    await close();
  });

  it('tracks a real application from the e-mailed link by its code and PIN, and never says which one was wrong', async () => {
    const created = await submitBirthRegistration(c, 'citizen1');
    const { close, page, unexpectedErrors, apiLanguages, requests } = await open();
    // The address that notification e-mails link to (functions/notifications/render.ts).
    await page.goto(`${baseUrl}/track.html?code=${encodeURIComponent(created.code)}`);
    expect(await page.getByLabel('Mã hồ sơ').inputValue()).toBe(created.code);
    const pin = page.getByLabel('Mã tra cứu (PIN)');
    expect(await page.evaluate('document.activeElement.id')).toBe('pin');
    expect(await pin.getAttribute('autocomplete')).toBe('off');
    expect(await pin.getAttribute('autocapitalize')).toBe('characters');
    expect(await pin.getAttribute('inputmode')).toBe('text');
    expect(await pin.getAttribute('name')).toBeNull(); // never sent in a URL
    await pin.fill(created.trackingPin.toLowerCase());
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    const result = page.locator('.case');
    await result.waitFor();
    expect(await visible(result.locator('.tag').first())).toBe('Đã nộp, chờ tiếp nhận');
    const text = await visible(result);
    expect(text).toContain(created.code);
    expect(text).toContain('Đăng ký khai sinh');
    expect(text).toContain('Ủy ban nhân dân xã Gia Sinh');
    const [y, m, d] = created.dueAt.slice(0, 10).split('-');
    expect(text).toMatch(new RegExp(`Hạn trả kết quả\\s+${d}/${m}/${y}`));
    expect(await page.locator('.timeline > li').count()).toBe(1);
    expect(page.url()).not.toContain(created.trackingPin);
    expect(apiLanguages).toEqual(['vi']);
    // config.json, preloaded by the page's head, is fetched once: the script's fetch takes the preload.
    expect(requests.filter((path) => path === '/config.json')).toHaveLength(1);
    await expectAccessible(page, 'track, found');

    // The switch goes to the English page with the code; the API is asked in English there.
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/en\/track\/\?code=/);
    await page.getByLabel('Tracking PIN').fill(created.trackingPin);
    await page.getByRole('button', { name: 'Track' }).click();
    await page.locator('.case .tag', { hasText: 'Submitted, waiting to be received' }).first().waitFor();
    expect(apiLanguages.at(-1)).toBe('en');
    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    await page.waitForURL(/\/track\/\?code=/);

    await pin.fill('AAAA2222');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await visible(alert)).toBe('Không tìm thấy hồ sơ, hoặc mã tra cứu không đúng');
    expect(await page.locator('.case').count()).toBe(0);
    await expectAccessible(page, 'track, not found');

    // A PIN of the wrong length is caught before any request: the summary takes focus and links to the field.
    const lookups = apiLanguages.length;
    await pin.fill('ABC');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByRole('heading', { name: 'Có lỗi cần sửa' }).waitFor();
    expect(await visible(page.locator('#pin-error'))).toBe('Mã tra cứu gồm đúng 8 ký tự.');
    expect(await pin.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate('document.activeElement.className')).toBe('error-summary');
    await page.getByRole('link', { name: 'Mã tra cứu gồm đúng 8 ký tự.' }).click();
    expect(await page.evaluate('document.activeElement.id')).toBe('pin');
    expect(apiLanguages.length).toBe(lookups);
    await expectAccessible(page, 'track, invalid');

    // Rate limiting, as the API answers it (simulated: the real limit is shared by every test of this runtime).
    await page.route('**/api/track/**', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '540' },
        body: JSON.stringify({ type: '/problems/rate-limited', title: 'Quá nhiều yêu cầu', status: 429 }),
      }),
    );
    await pin.fill(created.trackingPin);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByRole('alert').filter({ hasText: 'Quá nhiều lần thử' }).waitFor();
    expect(await visible(page.getByRole('alert'))).toBe('Quá nhiều lần thử, vui lòng thử lại sau 9 phút');

    expect(await cspUnsafeAttributes(page)).toEqual([]);
    expect(unexpectedErrors(true)).toEqual([]);
    await close();
  });

  it('works by keyboard alone: skip link, search, a procedure, apply; tracking with its error summary', async () => {
    const { close, page, unexpectedErrors } = await open();
    const focused = () =>
      page.evaluate(`(() => { const e = document.activeElement; return {
        tag: e.tagName, id: e.id, text: (e.textContent || '').trim(), href: e.getAttribute('href'),
        outline: getComputedStyle(e).outlineStyle } })()`) as Promise<{
        tag: string;
        id: string;
        text: string;
        href: string | null;
        outline: string;
      }>;
    /** Presses Tab until `match` holds, checking that each element reached shows where the focus is. */
    const tabTo = async (match: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 30) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        const f = await focused();
        expect(f.outline, `focus on ${f.tag} "${f.text}" is visible`).not.toBe('none');
        if (match(f)) return f;
      }
      throw new Error('not reached by Tab');
    };

    await page.goto(`${baseUrl}/`);
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect((await focused()).id).toBe('main');
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('q');
    await page.keyboard.type('khai sinh');
    await expect.poll(() => cards(page).count()).toBe(1);
    await tabTo((f) => f.text === 'Đăng ký khai sinh');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/procedures\/dang-ky-khai-sinh\/$/);
    await tabTo((f) => f.text === 'Nộp hồ sơ trực tuyến');
    await page.keyboard.press('Enter');
    // Applying needs an account: signed out, the wizard sends the browser to sign in and back.
    await page.waitForURL(/\/signin\/\?return=%2Fapply%2Fdang-ky-khai-sinh%2F/);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();

    await page.goto(`${baseUrl}/track/`);
    await tabTo((f) => f.id === 'code');
    await page.keyboard.type('000.21.38.H42-261128-0001');
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('pin');
    await page.keyboard.type('AB');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Có lỗi cần sửa' }).waitFor();
    await tabTo((f) => f.href === '#pin', 3);
    await page.keyboard.press('Enter');
    expect((await focused()).id).toBe('pin');
    expect(unexpectedErrors()).toEqual([]);
    await close();
  });

  it('stays readable at 320 px', async () => {
    const { close, page, unexpectedErrors } = await open(320);
    for (const path of ['/', '/procedures/cap-phieu-ly-lich-tu-phap/', '/en/track/']) {
      await page.goto(`${baseUrl}${path}`);
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
    }
    expect(unexpectedErrors()).toEqual([]);
    await close();
  });
});

describe('the built site under a strict CSP and a weak network', () => {
  it('has no inline script, style or event handler in any page, links only its own files, and is small', async () => {
    const pages = builtPageFiles();
    const urls = pages.map((page) => page.url);
    expect(urls).toContain('/');
    expect(urls).toContain('/en/');
    expect(urls).toContain('/track.html');
    for (const built of pages) {
      const path = built.url;
      const response = await fetch(new URL(path, baseUrl));
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/text\/html; charset=utf-8/i);
      const html = await response.text();
      expect(html, path).toMatch(/^<!doctype html>\s*<html lang="(vi|en)">/i);
      expect(html, path).toContain('<meta charset="utf-8">');
      for (const [, attributes, content] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        expect(attributes, `${path}: a script must be a file`).toMatch(/\ssrc="\/assets\/[^"]+\.js"/);
        expect(content?.trim(), `${path}: inline script`).toBe('');
      }
      expect(html, `${path}: <style>`).not.toMatch(/<style\b/i);
      expect(html, `${path}: style=`).not.toMatch(/\sstyle\s*=/i);
      expect(html, `${path}: on*= handler`).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, `${path}: external resource`).not.toMatch(/(src|href)="(https?:)?\/\//i);
      expect(firstLoad(built).raw, `${path}: first load in bytes`).toBeLessThan(50_000);
    }
    for (const file of await readdir(join(WEB_OUT_DIR, 'assets'))) {
      if (!file.endsWith('.js')) continue;
      const source = await readFile(join(WEB_OUT_DIR, 'assets', file), 'utf8');
      expect(source, `${file}: HTML parsing`).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write/,
      );
      expect(source, `${file}: eval`).not.toMatch(/\beval\(|new Function\(/);
    }
  });

  it('sends the security headers and a CSP without unsafe sources, and the site configuration', async () => {
    const page = await fetch(new URL('/', baseUrl));
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const asset = [...(await page.text()).matchAll(/href="(\/assets\/[^"]+\.css)"/g)][0]![1]!;
    expect((await fetch(new URL(asset, baseUrl))).headers.get('cache-control')).toContain('immutable');
    const config = await fetch(new URL('/config.json', baseUrl));
    expect(config.status).toBe(200);
    expect(await config.json()).toEqual({ apiBaseUrl: '/api', environment: 'local' });
  });
});

function open(width?: number) {
  return openPhone(browser, baseUrl, width ? { width } : {});
}
