// The signing certificate read from a PEM file for the stack: every certificate, in order, as base64 DER.
import { describe, expect, it } from 'vitest';
import { certificatesFromPem } from '../../cdk/config';

const pem = (body: string) =>
  `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;

describe('certificatesFromPem', () => {
  it('lists each certificate of the file as one base64 DER, the first first', () => {
    const first = Buffer.from('first certificate, DER bytes').toString('base64');
    const second = Buffer.from('second certificate').toString('base64');
    expect(certificatesFromPem(`subject=CN=x\n${pem(first)}${pem(second)}`)).toBe(`${first},${second}`);
  });

  it('refuses a file without a certificate', () => {
    expect(() =>
      certificatesFromPem('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'),
    ).toThrow(/no PEM certificate/);
  });
});
