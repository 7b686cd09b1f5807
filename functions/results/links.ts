// Links to a signed result: the short-lived download link of the case page, and the QR code's verification link.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { optionalEnv } from '../commons/config';
import { ENV } from '../commons/environment';
import { verifyTokenKeys } from '../commons/verify-keys';

/** How long a download link works: long enough to tap it, short enough that a forwarded page soon stops. */
export const RESULT_LINK_SECONDS = 5 * 60;
/** Domain separation: the verification key also makes the QR tokens; these MACs can never be taken for them. */
const PURPOSE = 'motcua/result-download/v1\0';

function mac(code: string, expires: number, key: Uint8Array): Buffer {
  return createHmac('sha256', key).update(`${PURPOSE}${code}\0${expires}`, 'utf8').digest().subarray(0, 16);
}

/** The site's origin without a trailing slash (links are relative when it is not configured). */
export function publicBase(): string {
  return (optionalEnv(ENV.publicBaseUrl) ?? '').replace(/\/+$/, '');
}

/**
 * `/api/results/{code}?expires=&sig=`: whoever holds it may fetch the signed result until `expires`, as with a
 * presigned S3 URL, but made without the S3 client (the applicant's function has none).
 */
export function resultDownloadUrl(code: string, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + RESULT_LINK_SECONDS;
  const sig = mac(code, expires, verifyTokenKeys()[0]!).toString('base64url');
  return `${publicBase()}/api/results/${encodeURIComponent(code)}?expires=${expires}&sig=${sig}`;
}

/** Whether a download link's `expires` and `sig` were made here for `code` and have not expired. */
export function isResultDownloadLink(code: string, expires: number, sig: string, now = new Date()): boolean {
  if (!Number.isSafeInteger(expires) || expires < Math.floor(now.getTime() / 1000)) return false;
  const presented = Buffer.from(sig, 'base64url');
  if (presented.length !== 16 || presented.toString('base64url') !== sig) return false;
  let match = false;
  for (const key of verifyTokenKeys()) match = timingSafeEqual(mac(code, expires, key), presented) || match;
  return match;
}
