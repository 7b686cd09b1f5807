// Sign-in in a real Chromium at 360 px, keyboard only: the local runtime's demo accounts (citizen and official, in
// Vietnamese and English), the way back to the page asked for and never to another site, sign-out, no token in
// an address or the console, axe-core on every state of the pages. And Cognito's hosted sign-in with PKCE against
// a stand-in authorize and token endpoint (route interception) under a config.json that points at them.
import { createHash } from 'node:crypto';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contentSecurityPolicy } from '../../web/build/security-headers';
import { client } from '../support/flows';
import { expectAccessible, hasChromium, launchChromium, type Opened, openPhone, visible } from './support';

const baseUrl = inject('baseUrl');
const c = client();
let browser: Browser;

interface DemoUser {
  readonly username: string;
  readonly role: string;
  readonly name: string;
  readonly agencyId?: string;
}
let users: DemoUser[];
let agencyNames: Map<string, { vi: string; en: string }>;
const demo = (username: string) => users.find((u) => u.username === username)!;

/** A fresh phone, with every console message and every requested address kept (the token must be in none). */
async function open(options: { javaScriptEnabled?: boolean } = {}) {
  const opened = await openPhone(browser, baseUrl, options);
  const consoleText: string[] = [];
  const addresses: string[] = [];
  opened.page.on('console', (message) => consoleText.push(message.text()));
  opened.page.on('request', (request) => addresses.push(request.url()));
  opened.page.on('framenavigated', (frame) => addresses.push(frame.url()));
  return {
    ...opened,
    consoleText,
    addresses,
    /** Drops this test's own page routes too, so that a request still in flight cannot reject after the test. */
    close: async () => {
      await opened.page.unrouteAll({ behavior: 'ignoreErrors' });
      await opened.close();
    },
  };
}

/** Presses Tab until the focused element is the control named `name` (exactly), then returns its tag. */
async function tabTo(page: Page, name: string, limit = 60): Promise<string> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = (await page.evaluate(
      `(() => { const e = document.activeElement; return e ? [e.tagName, (e.textContent || '').trim()] : null; })()`,
    )) as [string, string] | null;
    if (focused?.[1] === name) return focused[0];
  }
  throw new Error(`"${name}" was not reached with ${limit} presses of Tab`);
}

/** The tab's stored session, as the page keeps it. */
const storedToken = async (page: Page) =>
  (await page.evaluate(`(() => {
    const raw = sessionStorage.getItem('motcua.auth.session');
    return raw ? JSON.parse(raw).accessToken : null;
  })()`)) as string | null;

const authKeys = async (page: Page) =>
  (await page.evaluate(
    `Object.keys(sessionStorage).filter((k) => k.startsWith('motcua.auth.'))`,
  )) as string[];

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, string>;

/** The token appears in no address the tab requested or showed, and in no console message. */
function expectTokenKept(opened: Awaited<ReturnType<typeof open>>, token: string) {
  const signature = token.split('.')[2]!;
  for (const address of opened.addresses) expect(address).not.toContain(signature);
  for (const text of opened.consoleText) expect(text).not.toContain(signature);
}

describe.skipIf(!hasChromium)('sign-in in Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    users = (await c.get<{ items: DemoUser[] }>('/api/local/users')).body.items;
    const catalogue = (
      await c.get<{ items: { agency: { id: string; name: { vi: string; en: string } } }[] }>(
        '/api/procedures',
      )
    ).body;
    agencyNames = new Map(catalogue.items.map((p) => [p.agency.id, p.agency.name]));
  });

  afterAll(async () => {
    await browser?.close();
  });

  describe('local runtime', () => {
    it('signs a citizen in by keyboard in Vietnamese and returns to the page asked for', async () => {
      const opened = await open();
      const { page } = opened;
      const citizen = demo('citizen1');
      const asked = '/apply/dang-ky-khai-sinh/?buoc=2#hoTen';
      await page.goto(`${baseUrl}/signin/?return=${encodeURIComponent(asked)}&reason=expired`);
      await page.getByRole('button', { name: citizen.name, exact: true }).waitFor();
      const main = await visible(page.locator('main'));
      expect(main).toContain('tài khoản thử nghiệm của môi trường chạy cục bộ');
      expect(main).toContain('Phiên đăng nhập đã hết hạn');
      for (const heading of ['Công dân', 'Doanh nghiệp', 'Cán bộ, công chức']) {
        expect(await page.getByRole('heading', { level: 3, name: heading }).count(), heading).toBe(1);
      }
      await expectAccessible(page, '/signin/ with the demo accounts');

      expect(await tabTo(page, citizen.name)).toBe('BUTTON');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${baseUrl}${asked}`);
      const token = await storedToken(page);
      expect(token).not.toBeNull();
      expect(claimsOf(token!)).toMatchObject({ name: citizen.name, 'custom:role': 'citizen' });
      expectTokenKept(opened, token!);
      // The wizard it returned to asks for the citizen's draft on the server; without one the answer is the
      // contract's 404, which Chromium logs as a failed load whenever it lands before this line (a race under load).
      expect(opened.unexpectedErrors(true)).toEqual([]);
      await opened.close();
    });

    it("signs an official in by keyboard in English, named with the agency's name, and lands on the console", async () => {
      const opened = await open();
      const { page } = opened;
      const official = users.find((u) => u.role === 'official')!;
      await page.goto(`${baseUrl}/en/signin/`);
      const button = page.getByRole('button', { name: official.name, exact: true });
      await button.waitFor();
      expect(await visible(page.locator('main'))).toContain('demo accounts of the local runtime');
      expect(await button.getAttribute('aria-describedby')).toBeTruthy();
      const description = page.locator(`#${await button.getAttribute('aria-describedby')}`);
      expect(await visible(description)).toBe(agencyNames.get(official.agencyId!)!.en);
      await expectAccessible(page, '/en/signin/ with the demo accounts');

      expect(await tabTo(page, official.name)).toBe('BUTTON');
      await page.keyboard.press('Enter');
      // The console is built by another area; the address is what sign-in decides.
      await page.waitForURL(`${baseUrl}/en/console/`);
      const token = await storedToken(page);
      expect(claimsOf(token!)).toMatchObject({
        'custom:role': 'official',
        'custom:agency': official.agencyId,
      });
      expectTokenKept(opened, token!);
      expect(opened.unexpectedErrors(true)).toEqual([]);
      await opened.close();
    });

    it("sends a hostile return address to the role's home instead, and requests nothing from the other site", async () => {
      const opened = await open();
      const { page } = opened;
      const foreign: string[] = [];
      await page.route(
        (url) => url.hostname.endsWith('evil.example'),
        async (route) => {
          foreign.push(route.request().url());
          await route.abort();
        },
      );
      const cases = [
        { returnTo: '//evil.example', as: demo('citizen2'), home: '/my/' },
        { returnTo: 'https://evil.example', as: demo('business1'), home: '/my/' },
        { returnTo: 'javascript:alert(document.domain)', as: demo('admin'), home: '/console/' },
        { returnTo: '/\\evil.example', as: demo('citizen1'), home: '/my/' },
      ];
      for (const { returnTo, as, home } of cases) {
        await page.goto(`${baseUrl}/signin/?return=${encodeURIComponent(returnTo)}`);
        await tabTo(page, as.name);
        await page.keyboard.press('Enter');
        await page.waitForURL(`${baseUrl}${home}`);
        expect(new URL(page.url()).origin, returnTo).toBe(baseUrl);
      }
      expect(foreign).toEqual([]);
      expect(opened.unexpectedErrors(true)).toEqual([]);
      await opened.close();
    });

    it('shows who is signed in, and signs out by keyboard: the session is gone', async () => {
      const opened = await open();
      const { page } = opened;
      const citizen = demo('citizen2');
      await page.goto(`${baseUrl}/signin/?return=%2Fen%2F`);
      await tabTo(page, citizen.name);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${baseUrl}/en/`);
      const token = (await storedToken(page))!;

      await page.goto(`${baseUrl}/signin/`);
      const bar = page.getByRole('navigation', { name: 'Tài khoản' });
      await bar.waitFor();
      expect(await visible(bar)).toContain(citizen.name);
      await expectAccessible(page, '/signin/ signed in');
      expect(await tabTo(page, 'Đăng xuất')).toBe('BUTTON');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${baseUrl}/signin/signed-out/`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bạn đã đăng xuất');
      expect(await authKeys(page)).toEqual([]);
      await expectAccessible(page, '/signin/signed-out/');

      // Signed out, the sign-in page offers no account bar: nothing says anyone is signed in.
      await page.goto(`${baseUrl}/signin/`);
      await page.getByRole('button', { name: citizen.name, exact: true }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Tài khoản' }).count()).toBe(0);
      expectTokenKept(opened, token);
      expect(opened.unexpectedErrors()).toEqual([]);
      await opened.close();
    });

    it('says the sign-in page needs JavaScript when it is off, and shows no dead buttons', async () => {
      const opened = await open({ javaScriptEnabled: false });
      const { page } = opened;
      await page.goto(`${baseUrl}/en/signin/`);
      expect(await page.getByText('This page needs JavaScript', { exact: false }).isVisible()).toBe(true);
      expect(await page.getByRole('button').count()).toBe(0);
      await page.goto(`${baseUrl}/signin/signed-out/`);
      expect(await page.getByRole('link', { name: 'Đăng nhập lại' }).getAttribute('href')).toBe('/signin/');
      await opened.close();
    });
  });

  describe("Cognito's hosted sign-in (stand-in endpoints)", () => {
    const AUTH_HOST = 'auth.motcua.test';
    const HOSTED_CONFIG = {
      apiBaseUrl: '/api',
      environment: 'test',
      region: 'ap-southeast-1',
      userPoolId: 'ap-southeast-1_test',
      userPoolClientId: 'web-client-1',
      authDomain: AUTH_HOST,
      identityProviders: 'COGNITO,VNeID',
    };

    interface HostedSide {
      readonly authorizations: URLSearchParams[];
      readonly exchanges: URLSearchParams[];
      readonly logouts: URLSearchParams[];
      /** Holds the token endpoint's answer until `release()`, to look at the callback page meanwhile. */
      hold(): { release: () => void };
    }

    /**
     * The deployed site as the browser sees it: config.json pointing at the stand-in Cognito, CloudFront's CSP
     * allowing it, and the authorize, token and logout endpoints of a Cognito domain, checking PKCE as it does.
     */
    async function hosted(opened: Opened, accessToken: string): Promise<HostedSide> {
      const { page } = opened;
      const side = {
        authorizations: [] as URLSearchParams[],
        exchanges: [] as URLSearchParams[],
        logouts: [] as URLSearchParams[],
        held: null as Promise<void> | null,
        hold() {
          let release = () => {};
          this.held = new Promise<void>((done) => {
            release = done;
          });
          return { release };
        },
      };
      const csp = contentSecurityPolicy({
        authOrigins: [`https://${AUTH_HOST}`],
        upgradeInsecureRequests: false,
      });
      await page.route(
        (url) => url.origin === baseUrl && !url.pathname.startsWith('/api/'),
        async (route) => {
          if (new URL(route.request().url()).pathname === '/config.json') {
            await route.fulfill({ json: HOSTED_CONFIG });
            return;
          }
          const response = await route.fetch();
          await route.fulfill({
            response,
            headers: { ...response.headers(), 'content-security-policy': csp },
          });
        },
      );
      await page.route(
        (url) => url.host === AUTH_HOST,
        async (route: Route) => {
          const request = route.request();
          const url = new URL(request.url());
          if (url.pathname === '/oauth2/authorize') {
            side.authorizations.push(url.searchParams);
            // The user signs in; Cognito returns to the callback with a code and the state it was given.
            const back = new URL(url.searchParams.get('redirect_uri')!);
            back.search = new URLSearchParams({
              code: 'code-from-cognito',
              state: url.searchParams.get('state')!,
            }).toString();
            // A page that moves on, not a 302: Playwright routes no request that follows a redirect, and the
            // callback's must get the CSP above.
            await route.fulfill({
              contentType: 'text/html',
              body: `<!doctype html><meta http-equiv="refresh" content="0;url=${back.href.replace(/&/g, '&amp;')}"><title>Cognito</title>`,
            });
          } else if (url.pathname === '/oauth2/token') {
            const form = new URLSearchParams(request.postData() ?? '');
            side.exchanges.push(form);
            await side.held;
            const challenge = side.authorizations.at(-1)?.get('code_challenge');
            const verifier = form.get('code_verifier') ?? '';
            const valid =
              request.method() === 'POST' &&
              form.get('grant_type') === 'authorization_code' &&
              form.get('client_id') === HOSTED_CONFIG.userPoolClientId &&
              form.get('code') === 'code-from-cognito' &&
              createHash('sha256').update(verifier).digest('base64url') === challenge;
            await route.fulfill({
              status: valid ? 200 : 400,
              headers: { 'access-control-allow-origin': baseUrl },
              json: valid
                ? { access_token: accessToken, id_token: 'unused', expires_in: 3600, token_type: 'Bearer' }
                : { error: 'invalid_grant' },
            });
          } else if (url.pathname === '/logout') {
            side.logouts.push(url.searchParams);
            await route.fulfill({
              contentType: 'text/html',
              body: `<!doctype html><meta http-equiv="refresh" content="0;url=${url.searchParams.get('logout_uri')!.replace(/&/g, '&amp;')}"><title>Cognito</title>`,
            });
          } else {
            await route.fulfill({ status: 404, body: 'not found' });
          }
        },
      );
      return side;
    }

    /** A real access token of the local runtime: the stand-in Cognito answers with it. */
    const localToken = (username: string) => c.tokenFor(username);

    it('signs in with VNeID by keyboard: state and verifier checked, the address cleaned, back to the page asked for', async () => {
      const opened = await open();
      const { page } = opened;
      const accessToken = await localToken('citizen1');
      const side = await hosted(opened, accessToken);
      const { release } = side.hold();
      const asked = '/en/apply/dang-ky-khai-sinh/';
      await page.goto(`${baseUrl}/en/signin/?return=${encodeURIComponent(asked)}`);
      await page.getByRole('button', { name: 'Sign in with VNeID' }).waitFor();
      expect(await page.getByRole('button', { name: 'Sign in with email' }).count()).toBe(1);
      await expectAccessible(page, '/en/signin/ on AWS');

      await tabTo(page, 'Sign in with VNeID');
      await page.keyboard.press('Enter');
      // At the callback, with the exchange held: the code and state are already out of the address.
      await page.waitForURL(`${baseUrl}/en/signin/callback/`);
      await expect.poll(() => side.exchanges.length).toBe(1);
      expect(page.url()).toBe(`${baseUrl}/en/signin/callback/`);
      expect(await visible(page.getByRole('status'))).toBe('Finishing signing in…');
      release();
      await page.waitForURL(`${baseUrl}${asked}`);

      const authorize = side.authorizations[0]!;
      expect(authorize.get('identity_provider')).toBe('VNeID');
      expect(authorize.get('code_challenge_method')).toBe('S256');
      expect(authorize.get('client_id')).toBe('web-client-1');
      expect(authorize.get('redirect_uri')).toBe(`${baseUrl}/en/signin/callback/`);
      const exchange = side.exchanges[0]!;
      expect(exchange.get('redirect_uri')).toBe(`${baseUrl}/en/signin/callback/`);
      expect(createHash('sha256').update(exchange.get('code_verifier')!).digest('base64url')).toBe(
        authorize.get('code_challenge'),
      );
      expect(await storedToken(page)).toBe(accessToken);
      // The state and verifier served once and are gone.
      expect(await authKeys(page)).toEqual(['motcua.auth.session']);
      expectTokenKept(opened, accessToken);

      // Sign-out ends Cognito's session too, and comes back to "signed out".
      await page.goto(`${baseUrl}/en/signin/`);
      await tabTo(page, 'Sign out');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${baseUrl}/en/signin/signed-out/`);
      expect(side.logouts.map((p) => Object.fromEntries(p))).toEqual([
        { client_id: 'web-client-1', logout_uri: `${baseUrl}/en/signin/signed-out/` },
      ]);
      expect(await authKeys(page)).toEqual([]);
      expect(opened.unexpectedErrors(true)).toEqual([]);
      await opened.close();
    });

    it('refuses an answer whose state does not match, with a clear message and no exchange', async () => {
      const opened = await open();
      const { page } = opened;
      const side = await hosted(opened, await localToken('citizen1'));
      // A sign-in is under way in this tab (its state kept)...
      await page.goto(`${baseUrl}/signin/?return=%2Fmy%2F`);
      await page.getByRole('button', { name: 'Đăng nhập bằng email' }).waitFor();
      await page.route(
        (url) => url.host === AUTH_HOST && url.pathname === '/oauth2/authorize',
        async (route) => {
          side.authorizations.push(new URL(route.request().url()).searchParams);
          await route.fulfill({
            contentType: 'text/html',
            body: '<!doctype html><title>Cognito</title><p>Sign in',
          });
        },
      );
      await tabTo(page, 'Đăng nhập bằng email');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.host === AUTH_HOST);
      expect(side.authorizations[0]?.get('identity_provider')).toBe('COGNITO');
      // ...and a forged link comes back with another state.
      await page.goto(`${baseUrl}/signin/callback/?code=code-from-cognito&state=forged-state`);
      const summary = page.getByRole('alert');
      await summary.waitFor();
      expect(await visible(summary)).toContain('Chưa đăng nhập được');
      expect(await visible(summary)).toContain('không khớp');
      expect(page.url()).toBe(`${baseUrl}/signin/callback/`);
      expect(side.exchanges).toEqual([]);
      expect(await authKeys(page)).toEqual([]);
      const again = page.getByRole('link', { name: 'Đăng nhập lại' });
      expect(await again.getAttribute('href')).toBe('/signin/?return=%2Fmy%2F');
      await expectAccessible(page, '/signin/callback/ refused');
      expect(opened.unexpectedErrors()).toEqual([]);
      await opened.close();
    });
  });
});
