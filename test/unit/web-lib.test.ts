// The web's shared modules that run at build time and in the browser alike: markup escaping, addresses,
// formats, texts, security headers; and the CloudFront function that maps addresses to the built files.
import { describe, expect, it } from 'vitest';
import { DIRECTORY_INDEX_FUNCTION } from '../../cdk/constructs/web';
import { STATUS_LABELS } from '../../functions/domain/status-labels';
import { CASE_STATUSES } from '../../functions/domain/types';
import { contentSecurityPolicy, securityHeaders } from '../../web/build/security-headers';
import { formatBytes, formatDate, formatDateTime, formatFee, formatWorkingDays } from '../../web/lib/format';
import { h, renderToString } from '../../web/lib/html';
import { localize, PATHS, pages, parseLocation } from '../../web/lib/urls';

describe('markup', () => {
  it('escapes text and attribute values, so data never becomes markup', () => {
    const html = renderToString(
      h('a', { href: '/x?a=1&b="2"', title: '<b>' }, 'Tom & <Jerry>', h('br'), 42, null, false, ['!']),
    );
    expect(html).toBe(
      '<a href="/x?a=1&amp;b=&quot;2&quot;" title="&lt;b&gt;">Tom &amp; &lt;Jerry&gt;<br>42!</a>',
    );
  });

  it('writes bare attributes for true and none for false, null or undefined', () => {
    expect(renderToString(h('input', { required: true, disabled: false, name: null, id: undefined }))).toBe(
      '<input required>',
    );
  });

  it('refuses inline styles and handlers, which the content security policy would block', () => {
    expect(() => h('p', { style: 'color: red' })).toThrow(/content security policy/);
    expect(() => h('button', { onclick: 'go()' })).toThrow(/content security policy/);
    expect(() => h('button', { ONCLICK: 'go()' })).toThrow(/content security policy/);
  });
});

describe('addresses', () => {
  it('puts English under /en and leaves Vietnamese at the root', () => {
    expect(pages('vi').procedure('dang-ky-khai-sinh')).toBe('/procedures/dang-ky-khai-sinh/');
    expect(pages('en').procedure('dang-ky-khai-sinh')).toBe('/en/procedures/dang-ky-khai-sinh/');
    expect(pages('en').catalogue()).toBe('/en/');
    expect(pages('vi').track('000.21.38.H42-261128-0001')).toBe('/track/?code=000.21.38.H42-261128-0001');
    expect(pages('en').apply('a b')).toBe('/en/apply/a%20b/');
    expect(localize(PATHS.legacyTrack(), 'vi')).toBe('/track.html');
  });

  it('reads the language back from an address', () => {
    expect(parseLocation('/en/procedures/x/')).toEqual({ lang: 'en', path: '/procedures/x/' });
    expect(parseLocation('/en/')).toEqual({ lang: 'en', path: '/' });
    expect(parseLocation('/procedures/x/')).toEqual({ lang: 'vi', path: '/procedures/x/' });
    expect(parseLocation('/vi/x')).toEqual({ lang: 'vi', path: '/vi/x' });
    expect(parseLocation('/english/')).toEqual({ lang: 'vi', path: '/english/' });
  });
});

describe('formats', () => {
  it('writes dates in Vietnam time, whatever the offset of the instant', () => {
    expect(formatDate('2026-11-30T17:30:00.000Z')).toBe('01/12/2026');
    expect(formatDateTime('2026-11-30T17:30:00.000Z')).toBe('01/12/2026 00:30');
    expect(formatDateTime('2026-12-01T08:05:00+07:00')).toBe('01/12/2026 08:05');
    expect(formatDate('not a date')).toBe('');
  });

  it('groups đồng by dots in Vietnamese and commas in English, and names a missing fee', () => {
    expect(formatFee({ amount: 1_250_000 }, 'vi')).toBe('1.250.000\u00a0₫');
    expect(formatFee({ amount: 1_250_000 }, 'en')).toBe('1,250,000\u00a0₫');
    expect(formatFee(null, 'vi')).toBe('Miễn phí');
    expect(formatFee({ amount: 0 }, 'en')).toBe('Free');
  });

  it('counts working days and file sizes in each language', () => {
    expect(formatWorkingDays(1, 'en')).toBe('1 working day');
    expect(formatWorkingDays(15, 'en')).toBe('15 working days');
    expect(formatWorkingDays(3, 'vi')).toBe('3 ngày làm việc');
    expect(formatBytes(10 * 1024 * 1024, 'vi')).toBe('10\u00a0MB');
    expect(formatBytes(1.5 * 1024 * 1024, 'vi')).toBe('1,5\u00a0MB');
    expect(formatBytes(1.5 * 1024 * 1024, 'en')).toBe('1.5\u00a0MB');
    expect(formatBytes(300 * 1024, 'en')).toBe('300\u00a0kB');
  });
});

describe('status labels', () => {
  it('name every status in both languages, each label its own', () => {
    for (const lang of ['vi', 'en'] as const) {
      const labels = CASE_STATUSES.map((status) => STATUS_LABELS[status][lang]);
      expect(labels.every((label) => label.trim().length > 0)).toBe(true);
      expect(new Set(labels).size).toBe(CASE_STATUSES.length);
    }
    expect(STATUS_LABELS.submitted.en).toBe('Submitted, waiting to be received');
    expect(STATUS_LABELS.denied.en).toBe('Not granted');
  });
});

describe('security headers', () => {
  it('allow only the site itself, the upload and the sign-in origins, and never inline code', () => {
    const csp = contentSecurityPolicy({
      uploadOrigins: ['https://docs.s3.ap-southeast-1.amazonaws.com'],
      authOrigins: ['https://login.example.vn'],
    });
    const directives = new Map(
      csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')] as const),
    );
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe(
      "'self' https://docs.s3.ap-southeast-1.amazonaws.com https://login.example.vn",
    );
    expect(directives.get('form-action')).toBe("'self' https://login.example.vn");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.has('upgrade-insecure-requests')).toBe(true);
    expect(csp).not.toMatch(/unsafe|\*/);
    expect(contentSecurityPolicy({ upgradeInsecureRequests: false })).not.toContain(
      'upgrade-insecure-requests',
    );
  });

  it('send HSTS only over HTTPS', () => {
    expect(securityHeaders({ https: true })['strict-transport-security']).toBe(
      'max-age=63072000; includeSubDomains; preload',
    );
    expect(securityHeaders()).not.toHaveProperty('strict-transport-security');
    expect(securityHeaders()['x-frame-options']).toBe('DENY');
  });
});

describe("CloudFront's directory index", () => {
  // The function's own source, run as CloudFront runs it: handler(event) returns the request.
  const handler = new Function(`${DIRECTORY_INDEX_FUNCTION}; return handler;`)() as (event: {
    request: { uri: string };
  }) => { uri: string };
  const served = (uri: string) => handler({ request: { uri } }).uri;

  it('serves a directory address from its index.html and leaves files alone', () => {
    expect(served('/')).toBe('/index.html');
    expect(served('/procedures/dang-ky-khai-sinh/')).toBe('/procedures/dang-ky-khai-sinh/index.html');
    expect(served('/en/procedures/dang-ky-khai-sinh')).toBe('/en/procedures/dang-ky-khai-sinh/index.html');
    expect(served('/en')).toBe('/en/index.html');
    expect(served('/track.html')).toBe('/track.html');
    expect(served('/assets/site-ABC.css')).toBe('/assets/site-ABC.css');
    expect(served('/config.json')).toBe('/config.json');
  });
});
