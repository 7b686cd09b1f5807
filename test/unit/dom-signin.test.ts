// The web's sign-in pieces on their own (web/lib/auth.ts, web/signin/oauth.ts): PKCE against RFC 7636's worked
// example, the hosted sign-in's state check and code exchange, return-path validation, the tab's session and
// where a missing, expired or wrong-role session sends the user. Browser globals are stand-ins here; the file is
// type-checked with the web's DOM types (web/tsconfig.json), as are all `test/unit/dom-*.test.ts`.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch } from '../../web/lib/api';
import {
  currentSession,
  endSession,
  hostedLogoutUrl,
  readClaims,
  requireSession,
  roleHome,
  safeReturnPath,
  signInAddress,
  startSession,
} from '../../web/lib/auth';
import type { SiteConfig } from '../../web/lib/config';
import {
  base64Url,
  beginHostedSignIn,
  codeChallenge,
  completeHostedSignIn,
  identityProviders,
  randomToken,
  SignInError,
} from '../../web/signin/oauth';

const ORIGIN = 'https://dichvucong.example.gov.vn';

/** sessionStorage as the browser has it, one per test. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  keys() {
    return [...this.items.keys()];
  }
}

let storage: MemoryStorage;
const replaced: string[] = [];

beforeEach(() => {
  storage = new MemoryStorage();
  replaced.length = 0;
  vi.stubGlobal('sessionStorage', storage);
});

afterEach(() => {
  endSession();
  vi.unstubAllGlobals();
});

/** The browser's location at `path`, recording where the page is sent. */
function stubLocation(path: string) {
  const url = new URL(path, ORIGIN);
  vi.stubGlobal('location', {
    href: url.href,
    origin: url.origin,
    pathname: url.pathname,
    search: url.search,
    hash: url.hash,
    replace: (to: string) => replaced.push(to),
    assign: (to: string) => replaced.push(to),
  });
}

const bytesToBase64Url = (bytes: Uint8Array) =>
  btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const b64url = (text: string) => bytesToBase64Url(new TextEncoder().encode(text));
const sha256 = async (text: string) =>
  bytesToBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
/** An unsigned token with these claims: the page reads claims, the API checks signatures. */
const token = (claims: Record<string, unknown>) =>
  `${b64url('{"alg":"ES256","typ":"JWT"}')}.${b64url(JSON.stringify(claims))}.c2lnbmF0dXJl`;

const CITIZEN = { sub: 'u-1', name: 'Nguyễn Văn An', 'custom:role': 'citizen' };
const OFFICIAL = {
  sub: 'u-2',
  name: 'Trần Thị Thu Hà',
  'custom:role': 'official',
  'custom:agency': 'ubnd-xa-an-binh',
};

const HOSTED: SiteConfig = {
  apiBaseUrl: '/api',
  environment: 'prod',
  userPoolClientId: 'client123',
  authDomain: 'motcua-prod.auth.ap-southeast-1.amazoncognito.com',
  identityProviders: 'COGNITO,VNeID',
};

describe('PKCE (RFC 7636)', () => {
  it('encodes the octets of appendix B as its code verifier', () => {
    const octets = [
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214,
      191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
    ];
    expect(base64Url(new Uint8Array(octets))).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
  });

  it("derives appendix B's S256 code challenge from its verifier", async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes verifiers of 43 unreserved characters, a new one each time', () => {
    const a = randomToken(32);
    const b = randomToken(32);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });
});

describe('hosted sign-in', () => {
  async function begin(returnTo: string | null = '/apply/dang-ky-khai-sinh/') {
    const address = new URL(
      await beginHostedSignIn({
        config: HOSTED,
        redirectUri: `${ORIGIN}/signin/callback/`,
        returnTo,
        identityProvider: 'VNeID',
      }),
    );
    return { address, params: address.searchParams };
  }

  it('goes to the authorize endpoint with an S256 challenge of the verifier it keeps, and a random state', async () => {
    const { address, params } = await begin();
    expect(`${address.origin}${address.pathname}`).toBe(`https://${HOSTED.authDomain}/oauth2/authorize`);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('client_id')).toBe('client123');
    expect(params.get('redirect_uri')).toBe(`${ORIGIN}/signin/callback/`);
    expect(params.get('identity_provider')).toBe('VNeID');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('state')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const kept = JSON.parse(storage.getItem('motcua.auth.pending')!) as { verifier: string; state: string };
    expect(kept.state).toBe(params.get('state'));
    expect(params.get('code_challenge')).toBe(await sha256(kept.verifier));
    // The verifier itself never leaves the tab.
    expect(address.href).not.toContain(kept.verifier);
    const again = await begin();
    expect(again.params.get('state')).not.toBe(params.get('state'));
  });

  it('offers VNeID only when the web client has it', () => {
    expect(identityProviders(HOSTED)).toEqual(['VNeID', 'COGNITO']);
    expect(identityProviders({ ...HOSTED, identityProviders: 'COGNITO' })).toEqual(['COGNITO']);
  });

  it('refuses an answer whose state is not the one this tab is waiting for, without exchanging its code', async () => {
    const { params } = await begin();
    const tokenEndpoint = vi.fn<typeof fetch>();
    const forged = new URLSearchParams({ code: 'stolen-code', state: `${params.get('state')}x` });
    const error = await completeHostedSignIn({ params: forged, config: HOSTED, fetch: tokenEndpoint }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).failure).toBe('state');
    expect((error as SignInError).returnTo).toBe('/apply/dang-ky-khai-sinh/');
    expect(tokenEndpoint).not.toHaveBeenCalled();
    // The waiting sign-in is spent: the right state, replayed afterwards, is refused too.
    const replay = new URLSearchParams({ code: 'c', state: params.get('state')! });
    await expect(
      completeHostedSignIn({ params: replay, config: HOSTED, fetch: tokenEndpoint }),
    ).rejects.toThrow(/state/);
    expect(tokenEndpoint).not.toHaveBeenCalled();
    expect(currentSession()).toBeNull();
  });

  it('refuses an answer when no sign-in was started in this tab', async () => {
    const tokenEndpoint = vi.fn<typeof fetch>();
    const params = new URLSearchParams({ code: 'c', state: 's' });
    await expect(
      completeHostedSignIn({ params, config: HOSTED, fetch: tokenEndpoint }),
    ).rejects.toMatchObject({
      failure: 'state',
      returnTo: null,
    });
    expect(tokenEndpoint).not.toHaveBeenCalled();
  });

  it('exchanges the code with the kept verifier and starts the session', async () => {
    const { params } = await begin();
    const kept = JSON.parse(storage.getItem('motcua.auth.pending')!) as { verifier: string };
    const accessToken = token({ ...CITIZEN, exp: 2_000_000_000 });
    const tokenEndpoint = vi.fn<typeof fetch>(
      async () =>
        new Response(JSON.stringify({ access_token: accessToken, expires_in: 3600, token_type: 'Bearer' }), {
          headers: { 'content-type': 'application/json' },
        }),
    );
    const answer = new URLSearchParams({ code: 'the-code', state: params.get('state')! });
    const { session, returnTo } = await completeHostedSignIn({
      params: answer,
      config: HOSTED,
      fetch: tokenEndpoint,
    });
    expect(returnTo).toBe('/apply/dang-ky-khai-sinh/');
    expect(session.user).toEqual({ sub: 'u-1', name: 'Nguyễn Văn An', role: 'citizen' });
    expect(currentSession()?.accessToken).toBe(accessToken);
    expect(storage.getItem('motcua.auth.pending')).toBeNull();

    const [url, init] = tokenEndpoint.mock.calls[0]!;
    expect(url).toBe(`https://${HOSTED.authDomain}/oauth2/token`);
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/x-www-form-urlencoded');
    const sent = new URLSearchParams(String(init?.body));
    expect(Object.fromEntries(sent)).toEqual({
      grant_type: 'authorization_code',
      client_id: 'client123',
      code: 'the-code',
      redirect_uri: `${ORIGIN}/signin/callback/`,
      code_verifier: kept.verifier,
    });
  });

  it('names each other way a return can fail', async () => {
    const failure = async (params: Record<string, string>, answer?: Response | Error) => {
      const { params: sent } = await begin();
      const all = new URLSearchParams({ state: sent.get('state')!, ...params });
      const endpoint = vi.fn<typeof fetch>(async () => {
        if (answer instanceof Error) throw answer;
        return answer ?? new Response('{}');
      });
      return completeHostedSignIn({ params: all, config: HOSTED, fetch: endpoint }).then(
        () => 'signed in',
        (e: SignInError) => e.failure,
      );
    };
    expect(await failure({ error: 'access_denied' })).toBe('denied');
    expect(await failure({ code: 'c' }, new Response('{"error":"invalid_grant"}', { status: 400 }))).toBe(
      'exchange',
    );
    expect(await failure({ code: 'c' }, new TypeError('Failed to fetch'))).toBe('network');
    expect(await failure({ code: 'c' }, new Response('{"access_token":"not a jwt","expires_in":3600}'))).toBe(
      'token',
    );
  });

  it("signs out through Cognito's logout endpoint back to the given page, and not at all without Cognito", () => {
    const url = new URL(hostedLogoutUrl(HOSTED, `${ORIGIN}/en/signin/signed-out/`)!);
    expect(`${url.origin}${url.pathname}`).toBe(`https://${HOSTED.authDomain}/logout`);
    expect(url.searchParams.get('client_id')).toBe('client123');
    expect(url.searchParams.get('logout_uri')).toBe(`${ORIGIN}/en/signin/signed-out/`);
    expect(hostedLogoutUrl({ apiBaseUrl: '/api', environment: 'local' }, ORIGIN)).toBeNull();
  });
});

describe('return paths', () => {
  it.each([
    ['/apply/dang-ky-khai-sinh/', '/apply/dang-ky-khai-sinh/'],
    ['/en/my/?tab=drafts#d-1', '/en/my/?tab=drafts#d-1'],
    ['/console/cases/000.21.38.H42-261128-0001/', '/console/cases/000.21.38.H42-261128-0001/'],
  ])('keeps a path of the site: %s', (raw, kept) => {
    expect(safeReturnPath(raw, ORIGIN)).toBe(kept);
  });

  it.each([
    '//evil.example',
    '//evil.example/my/',
    'https://evil.example',
    'https://evil.example/my/',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/\\evil.example',
    '\\\\evil.example',
    ' /my/',
    '/my/\nLocation: https://evil.example',
    '/\t/evil.example',
    'my/',
    '',
    '/signin/',
    '/en/signin/callback/',
  ])('refuses %j', (raw) => {
    expect(safeReturnPath(raw, ORIGIN)).toBeNull();
  });

  it("sends officials and admins to the console and everyone else to their applications, in the page's language", () => {
    expect(roleHome('official', 'vi')).toBe('/console/');
    expect(roleHome('admin', 'en')).toBe('/en/console/');
    expect(roleHome('citizen', 'vi')).toBe('/my/');
    expect(roleHome('business', 'en')).toBe('/en/my/');
  });

  it('puts the return path, encoded, in the sign-in address, with the reason when there is one', () => {
    expect(signInAddress('vi', '/apply/x/?a=1&b=2')).toBe('/signin/?return=%2Fapply%2Fx%2F%3Fa%3D1%26b%3D2');
    expect(signInAddress('en', '/en/console/', 'role')).toBe(
      '/en/signin/?return=%2Fen%2Fconsole%2F&reason=role',
    );
    expect(signInAddress('vi')).toBe('/signin/');
  });
});

describe('the tab session', () => {
  it('reads UTF-8 claims: a Vietnamese name comes out whole and NFC', () => {
    const decomposed = 'Nguyễn Văn An'.normalize('NFD');
    const session = startSession(token({ ...CITIZEN, name: decomposed }), 3600);
    expect(session.user.name).toBe('Nguyễn Văn An');
    expect(session.user.name).toBe(session.user.name.normalize('NFC'));
    expect(readClaims('not.a-jwt')).toBeNull();
  });

  it('keeps the agency of an official and the tax code of a business', () => {
    expect(startSession(token(OFFICIAL), 3600).user).toEqual({
      sub: 'u-2',
      name: 'Trần Thị Thu Hà',
      role: 'official',
      agencyId: 'ubnd-xa-an-binh',
    });
    expect(
      startSession(token({ sub: 'b', 'custom:role': 'business', 'custom:tax_code': '2700123450' }), 60).user
        .taxCode,
    ).toBe('2700123450');
  });

  it('refuses a token that names no user the API would accept', () => {
    expect(() => startSession(token({ sub: 'x', 'custom:role': 'superuser' }), 3600)).toThrow();
    expect(() => startSession(token({ 'custom:role': 'citizen' }), 3600)).toThrow();
    expect(() => startSession(token(CITIZEN), 0)).toThrow();
    expect(currentSession()).toBeNull();
  });

  it('ends a minute before the token does, and sign-out forgets it and any sign-in under way', () => {
    const now = Date.UTC(2026, 0, 5, 8);
    startSession(token(CITIZEN), 3600, now);
    expect(currentSession(now + 3_539_000)?.user.name).toBe('Nguyễn Văn An');
    expect(currentSession(now + 3_541_000)).toBeNull();
    storage.setItem('motcua.auth.pending', '{}');
    storage.setItem('motcua.draft.other-module', 'kept');
    endSession();
    expect(currentSession(now)).toBeNull();
    expect(storage.keys()).toEqual(['motcua.draft.other-module']);
  });
});

describe('requireSession', () => {
  it('sends a visitor with no session to sign in, returning to the same address', () => {
    stubLocation('/apply/dang-ky-khai-sinh/?step=2#fullName');
    expect(requireSession()).toBeNull();
    expect(replaced).toEqual(['/signin/?return=%2Fapply%2Fdang-ky-khai-sinh%2F%3Fstep%3D2%23fullName']);
  });

  it('sends a user of the wrong role to sign in, saying so, in the language of the page', () => {
    stubLocation('/en/console/');
    startSession(token(CITIZEN), 3600);
    expect(requireSession({ roles: ['official', 'admin'] })).toBeNull();
    expect(replaced).toEqual(['/en/signin/?return=%2Fen%2Fconsole%2F&reason=role']);
  });

  it('says an expired session has expired', () => {
    stubLocation('/my/');
    startSession(token(CITIZEN), 3600, Date.now() - 3_600_000);
    expect(requireSession()).toBeNull();
    expect(replaced).toEqual(['/signin/?return=%2Fmy%2F&reason=expired']);
  });

  it('returns the session of an allowed role and goes nowhere', () => {
    stubLocation('/console/');
    startSession(token(OFFICIAL), 3600);
    expect(requireSession({ roles: ['official', 'admin'] })?.user.agencyId).toBe('ubnd-xa-an-binh');
    expect(replaced).toEqual([]);
  });
});

describe('API calls of a signed-in page', () => {
  function stubApi(status: number) {
    const calls: Request[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        if (request.url.endsWith('/config.json')) {
          return new Response(JSON.stringify({ apiBaseUrl: '/api', environment: 'local' }), {
            headers: { 'content-type': 'application/json' },
          });
        }
        calls.push(request);
        return status === 401
          ? new Response('{"message":"Unauthorized"}', {
              status,
              headers: { 'content-type': 'application/json' },
            })
          : new Response('{"items":[]}', { status, headers: { 'content-type': 'application/json' } });
      }),
    );
    return calls;
  }

  it('carry the session token as a bearer token', async () => {
    stubLocation('/my/');
    const calls = stubApi(200);
    const accessToken = token(CITIZEN);
    startSession(accessToken, 3600);
    await apiFetch('/cases');
    expect(calls.at(-1)?.headers.get('authorization')).toBe(`Bearer ${accessToken}`);
    expect(calls.at(-1)?.url).not.toContain(accessToken);
  });

  it('on a 401, forget the session and go to sign in and back, saying it expired', async () => {
    stubLocation('/apply/dang-ky-khai-sinh/?step=3');
    stubApi(401);
    startSession(token(CITIZEN), 3600);
    const error = await apiFetch('/drafts').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(currentSession()).toBeNull();
    expect(replaced).toEqual(['/signin/?return=%2Fapply%2Fdang-ky-khai-sinh%2F%3Fstep%3D3&reason=expired']);
  });
});
