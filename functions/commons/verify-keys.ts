// The keys of the `t` token in verification links, read from the environment at first use.

import { requiredEnv } from './config';
import { ENV } from './environment';

let keys: Uint8Array[] | undefined;

/** Every configured key, newest first: tokens are made with the first and accepted with any (rotation). */
export function verifyTokenKeys(): Uint8Array[] {
  keys ??= requiredEnv(ENV.verifyTokenKey, 'the key of verification links')
    .split(',')
    .map((text) => {
      const key = Buffer.from(text.trim(), 'base64');
      if (key.length < 32)
        throw new Error(`${ENV.verifyTokenKey}: each key must be at least 32 bytes, base64`);
      return new Uint8Array(key);
    });
  return keys;
}
