// OpenSSL's `cms` command as an independent reader of a signed PDF's CMS: does the signature check out over the
// signed bytes, and which signed attributes does it carry (none of the platform's code is used).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether `openssl` can run; a missing one skips the tests that need it, with the reason printed (CI fails). */
export function opensslOrSkip(suite: string): boolean {
  if (spawnSync('openssl', ['version'], { stdio: 'ignore' }).error === undefined) return true;
  const reason = `${suite}: openssl missing; install it to run these tests`;
  if (process.env.CI) throw new Error(reason);
  console.warn(`SKIPPED ${reason}`);
  return false;
}

export interface OpensslCmsReport {
  /** `openssl cms -verify` (the certificate chain not checked: demo certificates are self-signed). */
  readonly verified: boolean;
  readonly verifyOutput: string;
  /** `openssl cms -cmsout -print`: the structure, signed attributes named. */
  readonly printed: string;
}

/** Reads the last signature of `pdf` by its /ByteRange and hands its CMS and the signed bytes to OpenSSL. */
export function opensslCms(pdf: Uint8Array): OpensslCmsReport {
  const text = Buffer.from(pdf).toString('latin1');
  const range = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].at(-1);
  if (!range) throw new Error('no /ByteRange in the file');
  const [start, length, gapEnd, tail] = range.slice(1, 5).map(Number) as [number, number, number, number];
  const bytes = Buffer.from(pdf);
  const signed = Buffer.concat([
    bytes.subarray(start, start + length),
    bytes.subarray(gapEnd, gapEnd + tail),
  ]);
  // The /Contents hex string is padded with zeros after the DER: cut it at the length its outer SEQUENCE says.
  const padded = Buffer.from(text.slice(length + 1, gapEnd - 1), 'hex');
  const lengthBytes = padded[1]! < 0x80 ? 0 : padded[1]! & 0x7f;
  let bodyLength = lengthBytes === 0 ? padded[1]! : 0;
  for (let i = 0; i < lengthBytes; i++) bodyLength = bodyLength * 256 + padded[2 + i]!;
  const der = padded.subarray(0, 2 + lengthBytes + bodyLength);
  const directory = mkdtempSync(join(tmpdir(), 'motcua-cms-'));
  try {
    const cms = join(directory, 'signature.der');
    const content = join(directory, 'signed.bin');
    writeFileSync(cms, der);
    writeFileSync(content, signed);
    const verify = spawnSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        cms,
        '-content',
        content,
        '-noverify',
        '-out',
        '/dev/null',
      ],
      { encoding: 'utf8' },
    );
    const print = spawnSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', cms], {
      encoding: 'utf8',
    });
    return {
      verified: verify.status === 0,
      verifyOutput: `${verify.stdout}${verify.stderr}`,
      printed: print.stdout,
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
