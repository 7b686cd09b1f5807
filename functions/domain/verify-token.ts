// Verification tokens: the `t` of a verification link (`/verify?c=<code>&t=<token>`), tied to one case code.

import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * 96 bits of an HMAC-SHA256: far beyond guessing through a rate-limited public route, and short enough
 * (16 base64url characters) to keep the QR code of a printed form small.
 */
export const VERIFY_TOKEN_BYTES = 12;
const VERIFY_TOKEN_LENGTH = Math.ceil((VERIFY_TOKEN_BYTES * 4) / 3);
/** A key shorter than the hash's output would be the weak link. */
export const VERIFY_KEY_MIN_BYTES = 32;
/** Domain separation: the same server key may one day sign other things; their MACs never collide with these. */
const PURPOSE = 'motcua/verify-token/v1\0';
const TOKEN_SHAPE = /^[A-Za-z0-9_-]+$/;

function mac(code: string, key: Uint8Array): Buffer {
  if (key.byteLength < VERIFY_KEY_MIN_BYTES) {
    throw new RangeError(`the verification key must have at least ${VERIFY_KEY_MIN_BYTES} bytes`);
  }
  return createHmac('sha256', key)
    .update(PURPOSE + code, 'utf8')
    .digest()
    .subarray(0, VERIFY_TOKEN_BYTES);
}

/** The token that proves whoever holds it was given the link of case `code` (printed on its forms). */
export function verifyTokenFor(code: string, key: Uint8Array): string {
  return mac(code, key).toString('base64url');
}

/**
 * True when `token` is the token of `code` under one of `keys` (the current key first; older ones while a
 * rotated key's printed forms are still in people's hands). Constant time in the token's content.
 */
export function isVerifyToken(
  code: string,
  token: string,
  keys: Uint8Array | readonly Uint8Array[],
): boolean {
  // The token's length and alphabet are public, so refusing a malformed one early leaks nothing.
  if (token.length !== VERIFY_TOKEN_LENGTH || !TOKEN_SHAPE.test(token)) return false;
  const presented = Buffer.from(token, 'base64url');
  if (presented.length !== VERIFY_TOKEN_BYTES) return false;
  const all = keys instanceof Uint8Array ? [keys] : keys;
  let match = false;
  // Every key is tried, so the time does not tell which one matched.
  for (const key of all) match = timingSafeEqual(mac(code, key), presented) || match;
  return match;
}

/** `<publicBaseUrl>/verify?c=<code>&t=<token>`, the address a form's QR code carries. */
export function verificationUrl(publicBaseUrl: string, code: string, token: string): string {
  const url = new URL('verify', publicBaseUrl.endsWith('/') ? publicBaseUrl : `${publicBaseUrl}/`);
  url.searchParams.set('c', code);
  url.searchParams.set('t', token);
  return url.href;
}
