// The local VNPay sandbox's page in a real Chromium at 360 px, keyboard only, without JavaScript, under its own CSP.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVnpayProvider } from '../../functions/payments/vnpay';
import { hasChromium, launchChromium } from '../support/chromium';
import { queryRecord, referenceSecureHash } from '../support/vnpay-reference';
import { type SandboxServer, startSandboxServer } from '../support/vnpay-sandbox-server';

const TMN = 'BROWSER1';
const SECRET = 'BROWSERSANDBOXSECRET000000000000';
let sandbox: SandboxServer;
let origin: string;
let ipnCalls: Record<string, string>[];
let browser: Browser;

beforeAll(async () => {
  sandbox = await startSandboxServer({ tmnCode: TMN, hashSecret: SECRET });
  origin = sandbox.origin;
  ipnCalls = sandbox.ipnCalls;
  if (hasChromium) browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sandbox.close();
});

function paymentUrl(language: 'vi' | 'en') {
  const now = Date.now();
  return createVnpayProvider({
    tmnCode: TMN,
    hashSecret: SECRET,
    paymentUrl: `${origin}/sandbox/vnpay/paymentv2/vpcpay.html`,
  }).createRedirect({
    paymentId: `B${now}${language}`,
    amount: 150_000,
    description: 'Lệ phí đăng ký hộ kinh doanh',
    language,
    returnUrl: `${origin}/merchant/return`,
    clientIp: '127.0.0.1',
    createdAt: new Date(now),
    expiresAt: new Date(now + 15 * 60_000),
  }).redirectUrl;
}

async function phone(javaScriptEnabled: boolean) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    javaScriptEnabled,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

/** Tabs from the top of the page until the focused element's text is `label`; fails after 10 tabs. */
async function tabTo(page: Page, label: string) {
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate('document.activeElement?.textContent')) === label) return;
  }
  throw new Error(`${label} is not reachable with Tab`);
}

describe.skipIf(!hasChromium)('VNPay sandbox page in Chromium', () => {
  it('pays with the keyboard alone, without JavaScript, at 360 px, and lands on the return URL signed', async () => {
    ipnCalls.length = 0;
    const { context, page, errors } = await phone(false);
    await page.goto(paymentUrl('vi'));
    expect(await page.locator('h1').textContent()).toBe('Cổng thanh toán thử nghiệm');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    // The stylesheet applied (the policy allowed it): the pay button is the sandbox's green.
    const payColour = await page.evaluate(
      `getComputedStyle(document.querySelector('button[value="pay"]')).backgroundColor`,
    );
    expect(payColour).toBe('rgb(0, 112, 60)');
    await tabTo(page, 'Thanh toán');
    await Promise.all([page.waitForURL(`${origin}/merchant/return?**`), page.keyboard.press('Enter')]);
    expect(await page.locator('#back').textContent()).toBe('Back at the merchant');
    const back = queryRecord(new URL(page.url()).search.slice(1));
    expect(back['vnp_ResponseCode']).toBe('00');
    expect(back['vnp_SecureHash']).toBe(referenceSecureHash(back, SECRET));
    expect(ipnCalls).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cancels in English with the keyboard', async () => {
    ipnCalls.length = 0;
    const { context, page, errors } = await phone(true);
    await page.goto(paymentUrl('en'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await tabTo(page, 'Cancel');
    await Promise.all([page.waitForURL(`${origin}/merchant/return?**`), page.keyboard.press('Enter')]);
    expect(queryRecord(new URL(page.url()).search.slice(1))['vnp_ResponseCode']).toBe('24');
    expect(ipnCalls.map((c) => c['vnp_ResponseCode'])).toEqual(['24']);
    expect(errors).toEqual([]);
    await context.close();
  });
});
