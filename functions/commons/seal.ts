// Seals short secrets (the tracking PIN in an idempotency record) with AES-256-GCM, so none is stored in clear.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { requiredEnv } from './config';
import { ENV } from './environment';

let key: Buffer | undefined;
/** Read at first use, so that a function that never seals never needs the key. */
function sealKey(): Buffer {
  if (!key) {
    key = Buffer.from(requiredEnv(ENV.sealKey, 'the key that seals tracking PINs'), 'base64');
    if (key.length !== 32) throw new Error(`${ENV.sealKey} must be 32 bytes, base64-encoded`);
  }
  return key;
}

export function seal(plain: string, associatedData: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(), iv);
  cipher.setAAD(Buffer.from(associatedData));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function unseal(sealed: string, associatedData: string): string {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body) throw new Error('malformed sealed value');
  const decipher = createDecipheriv('aes-256-gcm', sealKey(), iv);
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
