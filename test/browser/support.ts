// Shared by the browser tests: Debian's Chromium through playwright-core, phone-sized contexts under the production
// content security policy, axe-core injected into the page, and the list of every page the build wrote.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { contentSecurityPolicy } from '../../web/build/security-headers';
import { builtPageFiles } from '../../web/build/site-files';
import { PHONE } from '../support/chromium';

export { CHROMIUM, hasChromium, launchChromium, PHONE } from '../support/chromium';

/** CloudFront's policy with no upload or sign-in host, less upgrade-insecure-requests (plain http here). */
export const PRODUCTION_CSP = contentSecurityPolicy({ upgradeInsecureRequests: false });

/** Chromium logs every 4xx answer; expected only where a test asks for one. */
const FAILED_LOAD = /Failed to load resource: the server responded with a status of (404|429)/;

export interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
  /** Accept-Language of every API request. */
  readonly apiLanguages: string[];
  /** Path of every request the page made. */
  readonly requests: string[];
  /** Console errors but the failed loads of 4xx answers, when `allowFailedLoads`. */
  unexpectedErrors(allowFailedLoads?: boolean): string[];
  /** Closes the context, letting requests still in flight (a late favicon) end quietly. */
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly width?: number;
  /** @default the phone's 740 */
  readonly height?: number;
  /** A desk's screen (no touch, no mobile viewport), e.g. the console at 1280×800. @default false */
  readonly desktop?: boolean;
  readonly javaScriptEnabled?: boolean;
  /**
   * Keep the local runtime's own security headers (CloudFront's, plus its storage's loopback origin for uploads)
   * instead of answering pages from the test runner: Chromium's Local Network Access forbids a page that came from
   * no network to post to storage (or fetch a document from it) on the loopback address. @default false
   */
  readonly runtimeHeaders?: boolean;
}

/** A fresh phone-sized context (empty storage) whose pages get the production CSP instead of the local one. */
export async function openPhone(
  browser: Browser,
  baseUrl: string,
  options: OpenOptions = {},
): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? PHONE.width, height: options.height ?? PHONE.height },
    isMobile: !options.desktop,
    hasTouch: !options.desktop,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  if (!options.runtimeHeaders) {
    await context.route(
      (url) => url.origin === new URL(baseUrl).origin && !url.pathname.startsWith('/api/'),
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: { ...response.headers(), 'content-security-policy': PRODUCTION_CSP },
        });
      },
    );
  }
  const page = await context.newPage();
  const errors: string[] = [];
  const apiLanguages: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    requests.push(new URL(request.url()).pathname);
    if (new URL(request.url()).pathname.startsWith('/api/'))
      apiLanguages.push(request.headers()['accept-language'] ?? '(none)');
  });
  return {
    context,
    page,
    errors,
    apiLanguages,
    requests,
    unexpectedErrors: (allowFailedLoads = false) =>
      errors.filter((e) => !(allowFailedLoads && FAILED_LOAD.test(e))),
    close: async () => {
      await context.unrouteAll({ behavior: 'ignoreErrors' });
      await context.close();
    },
  };
}

/**
 * Elements of the rendered DOM with an attribute that a strict CSP refuses: a non-empty style= or an on*= handler.
 * (An empty style="" is what CSSOM leaves after Playwright's own typing; it carries no style.)
 */
export async function cspUnsafeAttributes(page: Page): Promise<string[]> {
  return (await page.evaluate(
    `[...document.querySelectorAll('*')]
      .filter((e) => [...e.attributes].some((a) => (a.name === 'style' && a.value.trim()) || a.name.startsWith('on')))
      .map((e) => e.outerHTML.slice(0, 200))`,
  )) as string[];
}

/** How far the page is wider than the screen, in CSS pixels (0: no sideways scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  const scrollWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  return scrollWidth - page.viewportSize()!.width;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/**
 * axe-core's violations on the page as it is now, every rule axe runs by default (WCAG 2.x A/AA and best
 * practices). The source is evaluated through the DevTools protocol, which the page's CSP does not govern.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = (await page.evaluate('typeof window.axe')) as string;
  if (loaded === 'undefined') await page.evaluate(axeSource);
  return (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })))`)) as AxeViolation[];
}

/** Asserts no axe violation and no sideways scrolling, naming the page in the failure. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), `${name}: axe-core violations`).toEqual([]);
  expect(await horizontalOverflow(page), `${name}: wider than the screen`).toBeLessThanOrEqual(0);
}

/** Every page the build wrote, as the address it is served at. */
export function builtPages(): string[] {
  return builtPageFiles().map((page) => page.url);
}

/** The text as the reader sees it (laid out, with line breaks between blocks), unlike textContent. */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the tests check
export const visible = (locator: Locator) => locator.innerText();
