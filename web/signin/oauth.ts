// Cognito's hosted sign-in for a public client: authorization code with PKCE (RFC 7636, S256). The verifier and
// a random `state` stay in the tab's sessionStorage until the callback, which checks the state and spends both once.
import { AUTH_STORAGE_PREFIX, type Session, startSession, tabStorage } from '../lib/auth';
import type { SiteConfig } from '../lib/config';

/** What the tab keeps between leaving for the hosted sign-in and coming back to the callback. */
interface PendingSignIn {
  readonly state: string;
  readonly verifier: string;
  /** The same-origin path to return to (already checked by safeReturnPath), or null for the role's home. */
  readonly returnTo: string | null;
  /** Must be sent again, unchanged, with the code. */
  readonly redirectUri: string;
}

export const PENDING_KEY = `${AUTH_STORAGE_PREFIX}pending`;
/** Identity providers of the web client (`config.json`'s `identityProviders`), as `identity_provider` names them. */
export type IdentityProvider = 'COGNITO' | 'VNeID';
/** The scopes the web client allows (cdk/constructs/auth.ts). */
const SCOPES = 'openid email phone profile';

export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A fresh random value, base64url: 32 bytes make a 43-character PKCE verifier (RFC 7636 §4.1). */
export function randomToken(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The S256 code challenge of a verifier: base64url of its SHA-256 (RFC 7636 §4.2). */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** Whether the deployment signs in through Cognito's hosted pages (it does on AWS, never in the local runtime). */
export function hasHostedSignIn(config: SiteConfig): boolean {
  return Boolean(config.authDomain && config.userPoolClientId);
}

/** The providers to offer: VNeID only when the web client has it. */
export function identityProviders(config: SiteConfig): IdentityProvider[] {
  const listed = (config.identityProviders ?? 'COGNITO').split(',').map((name) => name.trim());
  return listed.includes('VNeID') ? ['VNeID', 'COGNITO'] : ['COGNITO'];
}

export interface BeginSignIn {
  readonly config: SiteConfig;
  /** The callback page's absolute address, one of the web client's callback URLs. */
  readonly redirectUri: string;
  readonly returnTo: string | null;
  readonly identityProvider: IdentityProvider;
}

/** Makes and keeps a verifier and a state, and returns the hosted sign-in's address to go to. */
export async function beginHostedSignIn(options: BeginSignIn): Promise<string> {
  const { config } = options;
  if (!hasHostedSignIn(config))
    throw new Error('config.json has no hosted sign-in (authDomain, userPoolClientId)');
  const pending: PendingSignIn = {
    state: randomToken(16),
    verifier: randomToken(32),
    returnTo: options.returnTo,
    redirectUri: options.redirectUri,
  };
  tabStorage.set(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(`https://${config.authDomain}/oauth2/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.userPoolClientId!,
    redirect_uri: pending.redirectUri,
    scope: SCOPES,
    state: pending.state,
    code_challenge: await codeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    identity_provider: options.identityProvider,
  }).toString();
  return url.href;
}

/**
 * Why a return from the hosted sign-in was not taken: `state` (no sign-in of this tab is waiting for this answer:
 * another tab's, an old one, or a forged link), `denied` (the user or Cognito stopped it), `exchange` (the code
 * was refused: used or expired), `network`, `token` (the answer carried no usable access token).
 */
export type SignInFailure = 'state' | 'denied' | 'exchange' | 'network' | 'token';

export class SignInError extends Error {
  constructor(
    readonly failure: SignInFailure,
    /** Where the failed sign-in was to return, for the "sign in again" link. */
    readonly returnTo: string | null,
  ) {
    super(`sign-in failed: ${failure}`);
    this.name = 'SignInError';
  }
}

/** The waiting sign-in, removed: a state and a verifier serve one answer only. */
function takePending(): PendingSignIn | null {
  const raw = tabStorage.get(PENDING_KEY);
  tabStorage.remove(PENDING_KEY);
  if (!raw) return null;
  try {
    const pending = JSON.parse(raw) as Partial<PendingSignIn>;
    return typeof pending.state === 'string' &&
      typeof pending.verifier === 'string' &&
      typeof pending.redirectUri === 'string'
      ? {
          state: pending.state,
          verifier: pending.verifier,
          redirectUri: pending.redirectUri,
          returnTo: typeof pending.returnTo === 'string' ? pending.returnTo : null,
        }
      : null;
  } catch {
    return null;
  }
}

export interface CompleteSignIn {
  /** The callback's query parameters (`code`, `state`, or `error`), read before the address was cleaned. */
  readonly params: URLSearchParams;
  readonly config: SiteConfig;
  /** @default the global fetch */
  readonly fetch?: typeof fetch;
}

/**
 * Checks the answer's `state` against the waiting sign-in, exchanges the code with its verifier at the token
 * endpoint (public client: no secret) and starts the session. Throws SignInError.
 */
export async function completeHostedSignIn(
  options: CompleteSignIn,
): Promise<{ session: Session; returnTo: string | null }> {
  const { params, config } = options;
  const pending = takePending();
  const returnTo = pending?.returnTo ?? null;
  if (params.has('error')) throw new SignInError('denied', returnTo);
  const state = params.get('state');
  if (!pending || !state || state !== pending.state) throw new SignInError('state', returnTo);
  const code = params.get('code');
  if (!code || !hasHostedSignIn(config)) throw new SignInError('denied', returnTo);

  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(`https://${config.authDomain}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: config.userPoolClientId!,
        code,
        redirect_uri: pending.redirectUri,
        code_verifier: pending.verifier,
      }).toString(),
      // The token endpoint needs no cookie of ours, and gets none.
      credentials: 'omit',
    });
  } catch {
    throw new SignInError('network', returnTo);
  }
  if (!response.ok) throw new SignInError('exchange', returnTo);
  try {
    // The refresh token is not kept: a session lasts an hour, after which the hosted sign-in, whose own session
    // usually still holds, returns the user in one round trip.
    const answer = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof answer.access_token !== 'string') throw new Error('no access_token');
    return { session: startSession(answer.access_token, Number(answer.expires_in)), returnTo };
  } catch {
    throw new SignInError('token', returnTo);
  }
}
