// The signed result's download link: made for one case and a few minutes, refused when altered or late.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';

let links: typeof import('../../functions/results/links');

beforeAll(async () => {
  process.env.VERIFY_TOKEN_KEY = `${randomBytes(32).toString('base64')},${randomBytes(32).toString('base64')}`;
  process.env.PUBLIC_BASE_URL = 'https://dichvucong.example.vn/';
  links = await import('../../functions/results/links');
});

const CODE = '000.21.38.H42-260105-0001';
const parts = (url: string) => {
  const parsed = new URL(url);
  return {
    path: parsed.pathname,
    expires: Number(parsed.searchParams.get('expires')),
    sig: parsed.searchParams.get('sig') ?? '',
  };
};

describe('resultDownloadUrl and isResultDownloadLink', () => {
  it('links to the result route of the site, valid for five minutes for that case only', () => {
    const now = new Date('2026-01-05T10:00:00+07:00');
    const url = links.resultDownloadUrl(CODE, now);
    expect(url.startsWith('https://dichvucong.example.vn/api/results/')).toBe(true);
    const { path, expires, sig } = parts(url);
    expect(decodeURIComponent(path)).toBe(`/api/results/${CODE}`);
    expect(expires).toBe(now.getTime() / 1000 + links.RESULT_LINK_SECONDS);
    expect(links.isResultDownloadLink(CODE, expires, sig, now)).toBe(true);
    expect(links.isResultDownloadLink(CODE, expires, sig, new Date((expires + 1) * 1000))).toBe(false);
    expect(links.isResultDownloadLink('000.21.38.H42-260105-0002', expires, sig, now)).toBe(false);
    expect(links.isResultDownloadLink(CODE, expires + 60, sig, now)).toBe(false);
  });

  it('refuses a signature changed in any character, or of another length', () => {
    const now = new Date('2026-01-05T10:00:00+07:00');
    const { expires, sig } = parts(links.resultDownloadUrl(CODE, now));
    for (let i = 0; i < sig.length; i++) {
      const changed = `${sig.slice(0, i)}${sig[i] === 'A' ? 'B' : 'A'}${sig.slice(i + 1)}`;
      expect(links.isResultDownloadLink(CODE, expires, changed, now), changed).toBe(false);
    }
    expect(links.isResultDownloadLink(CODE, expires, sig.slice(1), now)).toBe(false);
    expect(links.isResultDownloadLink(CODE, expires, '', now)).toBe(false);
  });

  it('still accepts a link made with the previous key while it is kept beside the new one', async () => {
    const now = new Date('2026-01-05T10:00:00+07:00');
    const { expires, sig } = parts(links.resultDownloadUrl(CODE, now));
    // The key list is read once per process: a second module instance reads the rotated list.
    const [current, previous] = process.env.VERIFY_TOKEN_KEY!.split(',');
    process.env.VERIFY_TOKEN_KEY = `${randomBytes(32).toString('base64')},${current},${previous}`;
    const { vi } = await import('vitest');
    vi.resetModules();
    const rotated = await import('../../functions/results/links');
    expect(rotated.isResultDownloadLink(CODE, expires, sig, now)).toBe(true);
    expect(parts(rotated.resultDownloadUrl(CODE, now)).sig).not.toBe(sig);
  });
});
