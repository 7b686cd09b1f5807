// The tab's signed-in session: the access token, when it expires and who it names, kept in sessionStorage (never
// in an address, never logged). Importing this module makes every apiFetch carry the token, and a 401 send the
// user to sign in and back to the same address.
import { CLAIMS } from '../../functions/commons/claims';
import { ROLES, type Role } from '../../functions/domain/types';
import { setTokenProvider } from './api';
import { loadConfig, type SiteConfig } from './config';
import { forgetLocalDrafts } from './drafts';
import type { Lang } from './i18n';
import { pages, parseLocation } from './urls';

/** The token's claims, named once for the server and the pages (CONTRACT.md, "Authentication"). */
export { CLAIMS };

/** Who the session is for, read from the token's claims (the API checks them; pages only show and route). */
export interface SessionUser {
  readonly sub: string;
  /** The display name, NFC; the e-mail when the account has no name. */
  readonly name: string;
  readonly role: Role;
  /** `custom:agency`: officials (and admins acting for one). */
  readonly agencyId?: string;
  /** `custom:tax_code`: businesses. */
  readonly taxCode?: string;
}

export interface Session {
  readonly accessToken: string;
  /** Milliseconds since the epoch, by this device's clock (from the token answer's `expiresIn`). */
  readonly expiresAt: number;
  readonly user: SessionUser;
}

/** Why the user was sent to sign in, for the sign-in page to say so. */
export type SignInReason = 'expired' | 'role';

/** Every key of this module and of the sign-in pages starts so; signing out clears them all. */
export const AUTH_STORAGE_PREFIX = 'motcua.auth.';
const SESSION_KEY = `${AUTH_STORAGE_PREFIX}session`;
/** A token this close to its end is not sent: it could expire on the way, or in a retry. */
const EXPIRY_MARGIN_MS = 60_000;

const memory = new Map<string, string>();

/**
 * The tab's storage. Where it is blocked (some private modes), memory: the session then lasts as long as the page,
 * which is still enough to sign in and use a page that does not navigate.
 */
export const tabStorage = {
  get(key: string): string | null {
    try {
      return sessionStorage.getItem(key) ?? memory.get(key) ?? null;
    } catch {
      return memory.get(key) ?? null;
    }
  },
  set(key: string, value: string): void {
    memory.set(key, value);
    try {
      sessionStorage.setItem(key, value);
    } catch {
      // Kept in memory only.
    }
  },
  remove(key: string): void {
    memory.delete(key);
    try {
      sessionStorage.removeItem(key);
    } catch {
      // Nothing stored there.
    }
  },
};

function base64UrlDecode(segment: string): Uint8Array {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * The payload of a JWT, unverified: the page only reads who it names; the API verifies the signature. Null for
 * anything that is not a JWT with a JSON object payload.
 */
export function readClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(new TextDecoder().decode(base64UrlDecode(payload)));
    return claims && typeof claims === 'object' && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The user a token names, or null when it names no one the API would accept (no `sub`, an unknown role). */
export function userOf(claims: Record<string, unknown>): SessionUser | null {
  const text = (name: string) => {
    const value = claims[name];
    return typeof value === 'string' && value.trim() ? value.normalize('NFC') : undefined;
  };
  const sub = text(CLAIMS.subject);
  const role = text(CLAIMS.role);
  if (!sub || !role || !(ROLES as readonly string[]).includes(role)) return null;
  const agencyId = text(CLAIMS.agency);
  const taxCode = text(CLAIMS.taxCode);
  return {
    sub,
    name: text(CLAIMS.name) ?? text('email') ?? text('username') ?? sub,
    role: role as Role,
    ...(agencyId ? { agencyId } : {}),
    ...(taxCode ? { taxCode } : {}),
  };
}

/** Stores the session of a fresh access token (`expiresIn` seconds, from the token answer) and returns it. */
export function startSession(accessToken: string, expiresIn: number, now: number = Date.now()): Session {
  const claims = readClaims(accessToken);
  const user = claims ? userOf(claims) : null;
  if (!user || !(expiresIn > 0)) throw new Error('the sign-in answer carries no usable access token');
  const session: Session = { accessToken, expiresAt: now + expiresIn * 1000, user };
  tabStorage.set(SESSION_KEY, JSON.stringify({ accessToken, expiresAt: session.expiresAt }));
  return session;
}

/** What the tab holds: the session, and whether it has run out (so the sign-in page can say so). */
function storedSession(now: number): { session: Session | null; expired: boolean } {
  const raw = tabStorage.get(SESSION_KEY);
  if (!raw) return { session: null, expired: false };
  try {
    const { accessToken, expiresAt } = JSON.parse(raw) as { accessToken?: unknown; expiresAt?: unknown };
    const claims = typeof accessToken === 'string' ? readClaims(accessToken) : null;
    const user = claims ? userOf(claims) : null;
    if (!user || typeof expiresAt !== 'number') return { session: null, expired: false };
    if (expiresAt - EXPIRY_MARGIN_MS <= now) return { session: null, expired: true };
    return { session: { accessToken: accessToken as string, expiresAt, user }, expired: false };
  } catch {
    return { session: null, expired: false };
  }
}

/** The tab's session, or null when there is none or it has (nearly) expired. */
export function currentSession(now: number = Date.now()): Session | null {
  return storedSession(now).session;
}

/** Forgets the session and any sign-in under way, in this tab. */
export function endSession(): void {
  const keys: string[] = [];
  try {
    for (let i = 0; i < sessionStorage.length; i++) keys.push(sessionStorage.key(i) ?? '');
  } catch {
    // Blocked storage: only memory holds anything.
  }
  for (const key of [...keys, ...memory.keys()]) {
    if (key.startsWith(AUTH_STORAGE_PREFIX)) tabStorage.remove(key);
  }
}

/**
 * `raw` if it is a path on this site (`/…`, never `//host`, `/\host`, a scheme or a control character), as
 * path, query and fragment; else null. Only such a path may follow sign-in: anything else would make the sign-in
 * page a springboard to another site.
 */
export function safeReturnPath(raw: string | null | undefined, origin: string): string | null {
  // A backslash is a slash to browsers (`/\evil.example` is another host); spaces and controls hide tricks.
  const suspicious = [...(raw ?? '')].some((c) => c === '\\' || c <= ' ' || c === '\u007f');
  if (!raw?.startsWith('/') || raw.startsWith('//') || suspicious) return null;
  try {
    const url = new URL(raw, origin);
    if (url.origin !== new URL(origin).origin) return null;
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Back to a sign-in page would go round in a circle.
    return parseLocation(url.pathname).path.startsWith('/signin/') ? null : path;
  } catch {
    return null;
  }
}

/** Where a user lands after sign-in when no page asked for it: officials' console, or their applications. */
export function roleHome(role: Role, lang: Lang): string {
  return role === 'official' || role === 'admin' ? pages(lang).console() : pages(lang).my();
}

/** The sign-in page in `lang`, returning to `returnTo` (a same-origin path), saying why when there is a reason. */
export function signInAddress(lang: Lang, returnTo?: string, reason?: SignInReason): string {
  const address = pages(lang).signIn(returnTo);
  return reason ? `${address}${address.includes('?') ? '&' : '?'}reason=${reason}` : address;
}

/** Sends the user to sign in and back to this very address (a draft in localStorage is found again there). */
function goToSignIn(reason?: SignInReason): void {
  const here = `${location.pathname}${location.search}${location.hash}`;
  // replace: Back from the sign-in page must not land on a page that sends the user straight back to it.
  location.replace(signInAddress(parseLocation(location.pathname).lang, here, reason));
}

export interface RequireSessionOptions {
  /** Roles that may use the page. @default any signed-in user */
  readonly roles?: readonly Role[];
}

/**
 * The session, when there is one and its role may use the page; otherwise null, and the browser is already on its
 * way to the sign-in page (which brings the user back here): the page then draws nothing more.
 */
export function requireSession(options: RequireSessionOptions = {}): Session | null {
  const { session, expired } = storedSession(Date.now());
  if (session && (!options.roles || options.roles.includes(session.user.role))) return session;
  goToSignIn(session ? 'role' : expired ? 'expired' : undefined);
  return null;
}

/** Cognito's sign-out: it ends the hosted sign-in's own session too, then returns to `logoutUri`. */
export function hostedLogoutUrl(config: SiteConfig, logoutUri: string): string | null {
  if (!config.authDomain || !config.userPoolClientId) return null;
  const url = new URL(`https://${config.authDomain}/logout`);
  url.searchParams.set('client_id', config.userPoolClientId);
  url.searchParams.set('logout_uri', logoutUri);
  return url.href;
}

/**
 * Ends the session and goes to the "signed out" page, through Cognito's sign-out on AWS. The drafts this device
 * kept go too: on a shared phone the next person must not find someone's answers. (An expired session keeps them:
 * signing in again finds the draft where it was.)
 */
export async function signOut(): Promise<void> {
  endSession();
  forgetLocalDrafts();
  const signedOut = `${location.origin}${pages(parseLocation(location.pathname).lang).signedOut()}`;
  const hosted = hostedLogoutUrl(await loadConfig(), signedOut);
  location.assign(hosted ?? signedOut);
}

setTokenProvider(
  () => currentSession()?.accessToken ?? null,
  () => {
    const hadSession = tabStorage.get(SESSION_KEY) !== null;
    endSession();
    goToSignIn(hadSession ? 'expired' : undefined);
  },
);
