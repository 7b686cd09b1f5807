// The local runtime's stand-in for Cognito and the HTTP API's JWT authorizer: it issues and checks tokens.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import { CLAIMS } from '../functions/commons/claims';
import type { Role } from '../functions/domain/types';

export const TOKEN_ISSUER = 'motcua-local';
export const TOKEN_AUDIENCE = 'motcua-api';
export const TOKEN_TTL_SECONDS = 3600;
const ALGORITHM = 'ES256';

/** Who a token is for: the fields of a demo account that become claims. */
export interface TokenSubject {
  readonly sub: string;
  readonly username: string;
  readonly role: Role;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly agencyId?: string;
  readonly taxCode?: string;
}

/** The claims as the authorizer passes them on (`event.requestContext.authorizer.jwt.claims`). */
export type Claims = Record<string, string | number | boolean | string[]>;

interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
}

let signingKey: Promise<SigningKey> | undefined;

/**
 * Loads the key pair from `<dataDir>/jwt-key.json`, creating it on first use, so that tokens stay
 * valid across restarts. Call once at start-up, before any token is issued or checked.
 */
export function configureTokens(dataDir: string): Promise<void> {
  signingKey = loadOrCreateKey(join(dataDir, 'jwt-key.json'));
  return signingKey.then(() => undefined);
}

async function loadOrCreateKey(file: string): Promise<SigningKey> {
  let jwk: JWK;
  try {
    jwk = JSON.parse(await readFile(file, 'utf8')) as JWK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`cannot read the token key ${file}: ${(error as Error).message}`);
    }
    const pair = await generateKeyPair(ALGORITHM, { extractable: true });
    jwk = { ...(await exportJWK(pair.privateKey)), alg: ALGORITHM, use: 'sig' };
    jwk.kid = await calculateJwkThumbprint(jwk);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600 });
  }
  const { d: _private, ...publicJwk } = jwk;
  return {
    kid: jwk.kid ?? (await calculateJwkThumbprint(jwk)),
    privateKey: (await importJWK(jwk, ALGORITHM)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, ALGORITHM)) as CryptoKey,
  };
}

function currentKey(): Promise<SigningKey> {
  if (!signingKey) throw new Error('tokens are not configured: call configureTokens(dataDir) at start-up');
  return signingKey;
}

/** An access token with the claims CONTRACT.md names, valid for one hour. */
export async function issueToken(user: TokenSubject): Promise<{ accessToken: string; expiresIn: number }> {
  const key = await currentKey();
  const claims: JWTPayload = {
    [CLAIMS.name]: user.name,
    [CLAIMS.email]: user.email,
    [CLAIMS.phone]: user.phone,
    username: user.username,
    [CLAIMS.role]: user.role,
    token_use: 'access',
  };
  if (user.agencyId) claims[CLAIMS.agency] = user.agencyId;
  if (user.taxCode) claims[CLAIMS.taxCode] = user.taxCode;
  const accessToken = await new SignJWT(claims)
    .setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(user.sub)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(`${TOKEN_TTL_SECONDS}s`)
    .sign(key.privateKey);
  return { accessToken, expiresIn: TOKEN_TTL_SECONDS };
}

/**
 * API Gateway passes claims on as strings: numbers and booleans as their text, arrays as `[a b]`.
 * Handlers written against the local runtime must then work unchanged behind the real authorizer.
 */
function asAuthorizerClaims(payload: JWTPayload): Claims {
  const claims: Claims = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    claims[name] = Array.isArray(value)
      ? `[${value.join(' ')}]`
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  }
  return claims;
}

/**
 * What the HTTP API's JWT authorizer does with the `Authorization` header: take the token (with or
 * without the `Bearer ` prefix), check its signature, issuer, audience, expiry and not-before.
 * Returns the claims, or null for a missing or invalid token (the caller answers 401).
 */
export async function verifyAuthorization(header: string | undefined): Promise<Claims | null> {
  if (!header) return null;
  const token = header.replace(/^Bearer\s+/i, '').trim();
  if (!token) return null;
  const key = await currentKey();
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      algorithms: [ALGORITHM],
      requiredClaims: [CLAIMS.subject, 'exp'],
    });
    return asAuthorizerClaims(payload);
  } catch {
    return null;
  }
}
