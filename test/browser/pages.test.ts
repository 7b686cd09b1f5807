// The citizens' pages (web/) in a real Chromium on a phone-sized screen, against the runtime of the global setup,
// under the CloudFront content security policy: catalogue search, a procedure's page in both languages, tracking.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM, chromiumAvailable } from '../support/browser';
import { client, submitBirthRegistration } from '../support/flows';

const hasChromium = chromiumAvailable();

const WEB = join(import.meta.dirname, '../../web');
const SCREENS = '/tmp/motcua-screens';
const PHONE = { width: 360, height: 740 };
/** The policy CloudFront sends (cdk/constructs/web.ts), less upgrade-insecure-requests, which plain http cannot meet. */
const CSP =
  "default-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; " +
  "form-action 'self'; frame-ancestors 'none'";
/** Chromium logs every 4xx answer to fetch; expected only where a test asks for one. */
const FAILED_LOAD = /Failed to load resource: the server responded with a status of (404|429)/;

const baseUrl = inject('baseUrl');
const c = client();
let browser: Browser;

interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
  /** Accept-Language of every API request. */
  readonly apiLanguages: string[];
}

/** A fresh phone-sized context (empty localStorage) whose pages get the production CSP. */
async function open(width = PHONE.width): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width, height: PHONE.height },
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  await context.route(
    (url) => url.origin === new URL(baseUrl).origin && !url.pathname.startsWith('/api/'),
    async (route) => {
      try {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
      } catch (error) {
        // A request still in flight when its test closes the context (a late favicon) has nobody to answer.
        if (!/disposed|closed/i.test(String(error))) throw error;
      }
    },
  );
  const page = await context.newPage();
  const errors: string[] = [];
  const apiLanguages: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/'))
      apiLanguages.push(request.headers()['accept-language'] ?? '(none)');
  });
  return { context, page, errors, apiLanguages };
}

const unexpected = (errors: string[], allowFailedLoads = false) =>
  errors.filter((e) => !(allowFailedLoads && FAILED_LOAD.test(e)));

/**
 * Elements of the rendered DOM with an attribute that a strict CSP refuses: a non-empty style= or an on*= handler.
 * (An empty style="" is what CSSOM leaves after Playwright's own typing; it carries no style.)
 */
async function cspUnsafeAttributes(page: Page): Promise<string[]> {
  return (await page.evaluate(
    `[...document.querySelectorAll('*')]
      .filter((e) => [...e.attributes].some((a) => (a.name === 'style' && a.value.trim()) || a.name.startsWith('on')))
      .map((e) => e.outerHTML.slice(0, 200))`,
  )) as string[];
}

/** Screenshot of the whole page for a person to look at; and no sideways scrolling at this width. */
async function screenshot(page: Page, name: string) {
  const scrollWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  const viewport = page.viewportSize()!;
  expect(scrollWidth, `${name}: content wider than the screen`).toBeLessThanOrEqual(viewport.width);
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
}

const cards = (page: Page) => page.locator('#results > li');

/** The text as the reader sees it (laid out, with line breaks between blocks), unlike textContent. */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what this test checks
const visible = (locator: Locator) => locator.innerText();

describe.skipIf(!hasChromium)('citizen pages in Chromium', () => {
  beforeAll(async () => {
    await mkdir(SCREENS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists the catalogue and narrows it to the household business without diacritics', async () => {
    const { context, page, errors, apiLanguages } = await open();
    await page.goto(`${baseUrl}/`);
    await page.locator('#results > li').nth(4).waitFor();
    expect(await cards(page).count()).toBeGreaterThanOrEqual(5);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    const birth = cards(page).filter({ hasText: 'Đăng ký khai sinh' });
    expect(await visible(birth)).toMatch(/Miễn phí/);
    expect(await visible(birth)).toMatch(/1 ngày làm việc/);
    expect(await visible(birth)).toMatch(/Dịch vụ công trực tuyến toàn trình/);
    expect(await page.locator('a[href="track.html"]').count()).toBe(1);
    await screenshot(page, 'catalogue');

    await page.locator('#q').pressSequentially('ho kinh doanh');
    await expect.poll(() => cards(page).count()).toBe(1);
    const only = cards(page).first();
    const text = await visible(only);
    expect(text).toContain('Đăng ký thành lập hộ kinh doanh');
    expect(text).toContain('Ủy ban nhân dân huyện Gia Viễn');
    expect(text).toMatch(/100\.000\s₫/);
    expect(text).toContain('3 ngày làm việc');
    expect(page.url()).toContain('q=ho+kinh+doanh');
    await screenshot(page, 'catalogue-search');

    await only.getByRole('link').click();
    await page.waitForURL(/procedure\.html\?id=dang-ky-thanh-lap-ho-kinh-doanh$/);
    await page.locator('h1', { hasText: 'Đăng ký thành lập hộ kinh doanh' }).waitFor();
    expect(apiLanguages.length).toBeGreaterThan(0);
    expect(apiLanguages.every((l) => l === 'vi')).toBe(true);
    expect(await cspUnsafeAttributes(page)).toEqual([]);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it("shows a procedure's public page, and in English once switched", async () => {
    const { context, page, errors, apiLanguages } = await open();
    await page.goto(`${baseUrl}/procedure.html?id=dang-ky-thanh-lap-ho-kinh-doanh`);
    await page.locator('h1', { hasText: 'Đăng ký thành lập hộ kinh doanh' }).waitFor();
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
    expect(await page.locator('.docs > li').count()).toBe(2);
    expect(await page.locator('.docs .badge', { hasText: 'Không bắt buộc' }).count()).toBe(2);
    expect(body).toContain('Luật Doanh nghiệp số 59/2020/QH14');
    // The form's fields, nested objects as sub-lists.
    await page.locator('details summary').click();
    const owner = page.locator('.fields > li', { hasText: 'Chủ hộ kinh doanh' }).first();
    expect(
      await owner.locator('.fields .field', { hasText: 'Họ, chữ đệm và tên chủ hộ kinh doanh' }).count(),
    ).toBe(1);
    expect(await owner.locator('.fields .fields .field', { hasText: 'Xã, phường, thị trấn' }).count()).toBe(
      1,
    );
    await screenshot(page, 'procedure');

    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Household business registration' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const english = await visible(page.locator('main'));
    expect(english).toContain('Full online public service');
    expect(english).toContain('3 working days');
    expect(english).toMatch(/100,000\s₫/);
    expect(english).toContain('Optional');
    expect(english).toContain('Gia Viễn District People');
    await screenshot(page, 'procedure-en');

    // The choice is remembered, and the API is asked in English.
    await page.goto(`${baseUrl}/procedure.html?id=cap-giay-phep-xay-dung-nha-o-rieng-le`);
    await page.locator('h1', { hasText: 'Building permit for a new private house' }).waitFor();
    expect(apiLanguages.at(-1)).toBe('en');
    const required = page.locator('.docs > li', { has: page.locator('.badge.req', { hasText: 'Required' }) });
    expect(await required.count()).toBe(2);
    expect(await visible(required.first())).toContain('right to use the land');
    expect(await visible(page.locator('main'))).toMatch(/75,000\s₫/);

    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.locator('h1', { hasText: 'Cấp giấy phép xây dựng mới' }).waitFor();
    expect(await page.locator('.docs .badge.req', { hasText: 'Bắt buộc' }).count()).toBe(2);
    expect(await cspUnsafeAttributes(page)).toEqual([]);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it('says plainly when a procedure does not exist', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${baseUrl}/procedure.html?id=khong-co-thu-tuc-nay`);
    await page.locator('h1', { hasText: 'Không tìm thấy thủ tục' }).waitFor();
    expect(await page.locator('a.back').getAttribute('href')).toBe('./');
    expect(unexpected(errors, true)).toEqual([]);
    await context.close();
  });

  it('tracks a real application by its code and PIN, and never says which one was wrong', async () => {
    const created = await submitBirthRegistration(c, 'citizen1');
    const { context, page, errors } = await open();
    await page.goto(`${baseUrl}/track.html?code=${encodeURIComponent(created.code)}`);
    expect(await page.locator('#code').inputValue()).toBe(created.code);
    const pin = page.locator('#pin');
    expect(await page.evaluate('document.activeElement.id')).toBe('pin');
    expect(await pin.getAttribute('autocomplete')).toBe('off');
    expect(await pin.getAttribute('autocapitalize')).toBe('characters');
    expect(await pin.getAttribute('inputmode')).toBe('text');
    expect(await pin.getAttribute('name')).toBeNull(); // never sent in a URL
    await pin.fill(created.trackingPin.toLowerCase());
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    const badge = page.locator('.case .badge');
    await badge.waitFor();
    expect(await visible(badge)).toBe('Đã nộp, chờ tiếp nhận');
    const result = await visible(page.locator('.case'));
    expect(result).toContain(created.code);
    expect(result).toContain('Đăng ký khai sinh');
    expect(result).toContain('Ủy ban nhân dân xã Gia Sinh');
    const [y, m, d] = created.dueAt.slice(0, 10).split('-');
    expect(result).toMatch(new RegExp(`Hạn trả kết quả\\s+${d}/${m}/${y}`));
    expect(await page.locator('.timeline > li').count()).toBe(1);
    expect(page.url()).not.toContain(created.trackingPin);
    await screenshot(page, 'track');

    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.case .badge', { hasText: 'Submitted, awaiting receipt' }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();

    await pin.fill('AAAA2222');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await visible(alert)).toBe('Không tìm thấy hồ sơ, hoặc mã tra cứu không đúng');
    expect(await page.locator('.case').count()).toBe(0);
    await screenshot(page, 'track-not-found');

    // A PIN of the wrong length is caught before any request.
    await pin.fill('ABC');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    expect(await visible(page.locator('#pin-error'))).toBe('Mã tra cứu gồm đúng 8 ký tự.');
    expect(await pin.getAttribute('aria-invalid')).toBe('true');

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
    expect(unexpected(errors, true)).toEqual([]);
    await context.close();
  });

  it('stays readable at 320 px', async () => {
    const { context, page, errors } = await open(320);
    for (const path of ['/', '/procedure.html?id=cap-phieu-ly-lich-tu-phap', '/track.html']) {
      await page.goto(`${baseUrl}${path}`);
      await page.waitForLoadState('networkidle');
      const name = `320-${path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}`;
      await screenshot(page, name);
    }
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });
});

describe('web/ under a strict CSP and a weak network', () => {
  it('has no inline script, style or event handler in any page, and is small', async () => {
    const files = await readdir(WEB);
    const pages = files.filter((f) => f.endsWith('.html'));
    expect(pages.sort()).toEqual(['index.html', 'procedure.html', 'track.html']);
    for (const name of pages) {
      const response = await fetch(new URL(name === 'index.html' ? '/' : `/${name}`, baseUrl));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html; charset=utf-8/i);
      const html = await response.text();
      expect(html, name).toMatch(/^<!doctype html>\s*<html lang="vi">/i);
      expect(html, name).toContain('<meta charset="utf-8">');
      for (const [, attributes, content] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        expect(attributes, `${name}: a script must be a file`).toMatch(/\ssrc="[^"]+\.js"/);
        expect(content?.trim(), `${name}: inline script`).toBe('');
      }
      expect(html, `${name}: <style>`).not.toMatch(/<style\b/i);
      expect(html, `${name}: style=`).not.toMatch(/\sstyle\s*=/i);
      expect(html, `${name}: on*= handler`).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, `${name}: external resource`).not.toMatch(/(src|href)="(https?:)?\/\//i);
    }
    const scripts = files.filter((f) => f.endsWith('.js'));
    for (const name of scripts) {
      const source = await readFile(join(WEB, name), 'utf8');
      expect(source, `${name}: innerHTML`).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write/,
      );
      expect(source, `${name}: eval`).not.toMatch(/\beval\(|new Function\(/);
    }
    let total = 0;
    for (const name of files) total += (await readFile(join(WEB, name))).length;
    expect(total, 'web/ in bytes').toBeLessThan(50_000);
  });
});
