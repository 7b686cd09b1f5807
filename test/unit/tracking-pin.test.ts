// Checks tracking PINs: their alphabet and randomness, and that only the right PIN verifies.

import { describe, expect, it } from 'vitest';
import {
  hashTrackingPin,
  newTrackingPin,
  TRACKING_PIN_ALPHABET,
  verifyTrackingPin,
} from '../../functions/domain/tracking-pin';

describe('newTrackingPin', () => {
  it('uses upper-case letters and digits without 0, O, 1, I or L', () => {
    expect(TRACKING_PIN_ALPHABET).toBe('ABCDEFGHJKMNPQRSTUVWXYZ23456789');
    for (let i = 0; i < 2_000; i++) expect(newTrackingPin()).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
  });

  it('draws 10,000 distinct PINs and uses every character of the alphabet', () => {
    const pins = new Set<string>();
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const pin = newTrackingPin();
      pins.add(pin);
      for (const char of pin) seen.add(char);
    }
    expect(pins.size).toBe(10_000);
    expect([...seen].sort().join('')).toBe('23456789ABCDEFGHJKMNPQRSTUVWXYZ');
  });
});

describe('hashTrackingPin and verifyTrackingPin', () => {
  it('stores scrypt parameters, a 16-byte salt and the hash, never the PIN', async () => {
    const pin = 'K7MQ2XRW';
    const stored = await hashTrackingPin(pin);
    const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
    expect(scheme).toBe('scrypt');
    expect([n, r, p]).toEqual(['4096', '8', '1']);
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(hash!, 'base64url')).toHaveLength(32);
    expect(rest).toEqual([]);
    expect(stored.toUpperCase()).not.toContain(pin);
  });

  it('salts every hash, so one PIN gives two different records', async () => {
    const [first, second] = await Promise.all([hashTrackingPin('K7MQ2XRW'), hashTrackingPin('K7MQ2XRW')]);
    expect(first).not.toBe(second);
  });

  it('verifies the right PIN, also typed in lower case with spaces or dashes', async () => {
    const stored = await hashTrackingPin('K7MQ2XRW');
    expect(await verifyTrackingPin('K7MQ2XRW', stored)).toBe(true);
    expect(await verifyTrackingPin('  k7mq-2xrw ', stored)).toBe(true);
    expect(await verifyTrackingPin('K7MQ 2XRW', stored)).toBe(true);
  });

  it('rejects a wrong PIN, even one character off', async () => {
    const stored = await hashTrackingPin('K7MQ2XRW');
    expect(await verifyTrackingPin('K7MQ2XRX', stored)).toBe(false);
    expect(await verifyTrackingPin('K7MQ2XR', stored)).toBe(false);
    expect(await verifyTrackingPin('', stored)).toBe(false);
    expect(await verifyTrackingPin(newTrackingPin(), stored)).toBe(false);
  });

  it('verifies freshly drawn PINs', async () => {
    for (let i = 0; i < 5; i++) {
      const pin = newTrackingPin();
      expect(await verifyTrackingPin(pin, await hashTrackingPin(pin))).toBe(true);
    }
  });

  it('answers false for malformed records instead of throwing', async () => {
    const stored = await hashTrackingPin('K7MQ2XRW');
    const [, , , , salt, hash] = stored.split('$');
    const malformed = [
      '',
      'K7MQ2XRW',
      stored.replace('scrypt$', 'bcrypt$'),
      `scrypt$4095$8$1$${salt}$${hash}`,
      `scrypt$4194304$8$1$${salt}$${hash}`,
      `scrypt$4096$0$1$${salt}$${hash}`,
      `scrypt$4096$8$1$${salt}`,
      `scrypt$4096$8$1$${salt}$${hash}$extra`,
      `scrypt$4096$8$1$$${hash}`,
      `scrypt$4096$8$1$${salt}$not*base64`,
      `scrypt$4096$8$1$${salt!.slice(0, 8)}$${hash}`,
    ];
    for (const record of malformed) expect(await verifyTrackingPin('K7MQ2XRW', record)).toBe(false);
  });
});
