// Verification tokens: tied to one case code and one key, unguessable in shape, and stable across releases.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isVerifyToken, verificationUrl, verifyTokenFor } from '../../functions/domain/verify-token';

const key = Buffer.alloc(32, 1);
const otherKey = Buffer.alloc(32, 2);
const code = '000.00.15.H42-250305-0007';

describe('verifyTokenFor', () => {
  it('is 16 base64url characters (96 bits) and the same for the same code and key', () => {
    const token = verifyTokenFor(code, key);
    expect(token).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(verifyTokenFor(code, key)).toBe(token);
  });

  it('differs for another code and for another key', () => {
    const token = verifyTokenFor(code, key);
    expect(verifyTokenFor('000.00.15.H42-250305-0008', key)).not.toBe(token);
    expect(verifyTokenFor(code, otherKey)).not.toBe(token);
  });

  it('is the first 12 bytes of HMAC-SHA256 over a purpose label and the code, so printed forms keep verifying', () => {
    // Written out here, apart from the module: a change of construction would orphan every printed QR code.
    const expected = createHmac('sha256', key)
      .update(`motcua/verify-token/v1\0${code}`)
      .digest()
      .subarray(0, 12)
      .toString('base64url');
    expect(verifyTokenFor(code, key)).toBe(expected);
  });

  it('refuses a key shorter than 32 bytes', () => {
    expect(() => verifyTokenFor(code, Buffer.alloc(16))).toThrow(RangeError);
  });
});

describe('isVerifyToken', () => {
  const token = verifyTokenFor(code, key);

  it('accepts the token of the code', () => {
    expect(isVerifyToken(code, token, key)).toBe(true);
  });

  it('refuses the token of another code, a changed character, a truncated or padded token', () => {
    expect(isVerifyToken('000.00.15.H42-250305-0008', token, key)).toBe(false);
    const changed = `${token.slice(0, 5)}${token[5] === 'A' ? 'B' : 'A'}${token.slice(6)}`;
    expect(isVerifyToken(code, changed, key)).toBe(false);
    expect(isVerifyToken(code, token.slice(0, 15), key)).toBe(false);
    expect(isVerifyToken(code, `${token}=`, key)).toBe(false);
    expect(isVerifyToken(code, '', key)).toBe(false);
    expect(isVerifyToken(code, '!!!!!!!!!!!!!!!!', key)).toBe(false);
  });

  it('accepts a token of an older key while that key is still listed, and refuses it once dropped', () => {
    const old = verifyTokenFor(code, otherKey);
    expect(isVerifyToken(code, old, [key, otherKey])).toBe(true);
    expect(isVerifyToken(code, old, [key])).toBe(false);
  });
});

describe('verificationUrl', () => {
  it('is <base>/verify?c=<code>&t=<token>, with or without a trailing slash or a path prefix', () => {
    expect(verificationUrl('https://dichvucong.example.vn', code, 'abc_-12')).toBe(
      `https://dichvucong.example.vn/verify?c=${code}&t=abc_-12`,
    );
    expect(verificationUrl('https://dichvucong.example.vn/', code, 't')).toBe(
      `https://dichvucong.example.vn/verify?c=${code}&t=t`,
    );
    expect(verificationUrl('http://127.0.0.1:3000/motcua', code, 't')).toBe(
      `http://127.0.0.1:3000/motcua/verify?c=${code}&t=t`,
    );
  });
});
