// An independent VNPay 2.1.0 signer for tests: VNPay's PHP sample (ksort, urlencode, hash_hmac sha512) re-typed by hand.
//
// Deliberately shares no code with functions/payments/vnpay.ts: the encoding works byte by byte as PHP's
// `urlencode` does (letters, digits and `-_.` kept, space as `+`, every other UTF-8 byte as upper-case `%XX`).

import { createHmac } from 'node:crypto';

export function phpUrlencode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const isAlnum =
      (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
    if (isAlnum || byte === 0x2d || byte === 0x5f || byte === 0x2e) out += String.fromCharCode(byte);
    else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `$hashdata` of the sample: `vnp_*` pairs but the hash fields, sorted by name (ksort), urlencoded, joined by `&`. */
export function referenceHashData(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((name) => name.startsWith('vnp_') && name !== 'vnp_SecureHash' && name !== 'vnp_SecureHashType')
    .sort()
    .map((name) => `${phpUrlencode(name)}=${phpUrlencode(params[name]!)}`)
    .join('&');
}

export function referenceSecureHash(params: Readonly<Record<string, string>>, hashSecret: string): string {
  return createHmac('sha512', hashSecret).update(referenceHashData(params)).digest('hex');
}

/** A full signed query string, as the gateway sends it to the IPN URL. */
export function referenceSignedQuery(params: Readonly<Record<string, string>>, hashSecret: string): string {
  return `${referenceHashData(params)}&vnp_SecureHash=${referenceSecureHash(params, hashSecret)}`;
}

/** Every parameter of a query string, refusing duplicates (so a test cannot read past one by accident). */
export function queryRecord(query: string): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(query)) {
    if (name in record) throw new Error(`duplicate parameter ${name}`);
    record[name] = value;
  }
  return record;
}
