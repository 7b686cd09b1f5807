// Checks webhook secrets and signatures (verified by the standardwebhooks package), the event, the schedule, the SSRF guard.

import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import {
  CASE_STATUS_CHANGED,
  caseStatusChangedEvent,
  caseStatusChangedEventSchema,
} from '../../functions/webhooks/event';
import { nextAttemptAt, WEBHOOK_RETRY_WINDOW_MS } from '../../functions/webhooks/schedule';
import {
  generateWebhookSecret,
  signWebhook,
  webhookMessageId,
  webhookSigningKey,
} from '../../functions/webhooks/signature';
import { checkWebhookUrl, isPublicAddress, type Resolver } from '../../functions/webhooks/ssrf';

describe('webhook secrets', () => {
  it('are whsec_ and base64 of 32 random bytes, different every time', () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
    expect(webhookSigningKey(a)).toEqual(Buffer.from(a.slice(6), 'base64'));
    expect(webhookSigningKey(a)).toHaveLength(32);
  });

  it('refuse to sign with anything that is not one', () => {
    for (const bad of [
      '',
      'whsec_',
      'sk_live_abc',
      `whsec_${'A'.repeat(8)}`,
      'whsec_not base64!!',
      `whsec_${'A'.repeat(100)}`,
    ]) {
      expect(() => webhookSigningKey(bad)).toThrow(RangeError);
    }
  });
});

describe('signWebhook', () => {
  const secret = generateWebhookSecret();
  const body = JSON.stringify(
    caseStatusChangedEvent(
      {
        code: 'HS-2025-000123',
        procedureId: 'ho-kinh-doanh',
        status: 'processing',
        version: 3,
        at: '2025-01-02T09:00:00+07:00',
      },
      new Date('2025-01-02T02:00:01Z'),
    ),
  );

  it('gives the three Standard Webhooks headers, verified by the standardwebhooks package', () => {
    const now = new Date();
    const headers = signWebhook({ id: 'msg_abc', timestamp: now, body }, secret);
    expect(headers['webhook-id']).toBe('msg_abc');
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('matches the package’s own signature for the same id, time and body', () => {
    const at = new Date('2025-01-02T02:00:05Z');
    expect(signWebhook({ id: 'msg_xyz', timestamp: at, body }, secret)['webhook-signature']).toBe(
      new Webhook(secret).sign('msg_xyz', at, body),
    );
  });

  it('does not verify with a changed body, another secret or another id', () => {
    const headers = signWebhook({ id: 'msg_abc', timestamp: new Date(), body }, secret);
    expect(() =>
      new Webhook(secret).verify(body.replace('processing', 'approved'), { ...headers }),
    ).toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, { ...headers })).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-id': 'msg_other' })).toThrow();
  });
});

describe('the case.status_changed event', () => {
  it('has the contract’s shape and passes its schema', () => {
    const event = caseStatusChangedEvent(
      {
        code: 'HS-2025-000123',
        procedureId: 'ho-kinh-doanh',
        status: 'approved',
        version: 4,
        at: '2025-01-03T10:00:00+07:00',
      },
      new Date('2025-01-03T03:00:02Z'),
    );
    expect(event).toEqual({
      type: CASE_STATUS_CHANGED,
      timestamp: '2025-01-03T03:00:02.000Z',
      data: {
        code: 'HS-2025-000123',
        procedureId: 'ho-kinh-doanh',
        status: 'approved',
        version: 4,
        at: '2025-01-03T10:00:00+07:00',
      },
    });
    expect(event.type).toBe('case.status_changed');
    expect(caseStatusChangedEventSchema.parse(JSON.parse(JSON.stringify(event)))).toEqual(event);
    expect(
      caseStatusChangedEventSchema.safeParse({ ...event, data: { ...event.data, status: 'lost' } }).success,
    ).toBe(false);
  });

  it('has one webhook-id per endpoint and case version, whoever enqueues it', () => {
    const id = webhookMessageId('wh_1', 'HS-2025-000123', 4);
    expect(id).toMatch(/^msg_[A-Za-z0-9_-]{27}$/);
    expect(webhookMessageId('wh_1', 'HS-2025-000123', 4)).toBe(id);
    expect(webhookMessageId('wh_1', 'HS-2025-000123', 5)).not.toBe(id);
    expect(webhookMessageId('wh_2', 'HS-2025-000123', 4)).not.toBe(id);
  });
});

describe('nextAttemptAt', () => {
  const first = new Date('2025-01-01T00:00:00Z');
  const offsetsMs = () => {
    const offsets: number[] = [];
    for (let attempt = 1; ; attempt++) {
      const next = nextAttemptAt(attempt, first);
      if (!next) return offsets;
      offsets.push(next.getTime() - first.getTime());
    }
  };

  it('retries after 5 s, 5 min, 30 min, 2 h, 5 h and 10 h, then once more when 24 hours are up, then gives up', () => {
    const s = 1000;
    const m = 60 * s;
    const h = 60 * m;
    expect(offsetsMs()).toEqual([
      5 * s,
      5 * s + 5 * m,
      5 * s + 35 * m,
      5 * s + 35 * m + 2 * h,
      5 * s + 35 * m + 7 * h,
      5 * s + 35 * m + 17 * h,
      24 * h,
    ]);
    expect(WEBHOOK_RETRY_WINDOW_MS).toBe(24 * h);
    expect(nextAttemptAt(8, first)).toBeUndefined();
    expect(nextAttemptAt(100, first)).toBeUndefined();
  });

  it('waits longer after each failure up to the last attempt, which closes the window', () => {
    const offsets = [0, ...offsetsMs()];
    const gaps = offsets.slice(1).map((o, i) => o - offsets[i]!);
    for (let i = 1; i < gaps.length - 1; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]!);
    expect(offsets.at(-1)).toBe(WEBHOOK_RETRY_WINDOW_MS);
  });

  it('counts attempts from 1', () => {
    expect(() => nextAttemptAt(0, first)).toThrow(RangeError);
    expect(() => nextAttemptAt(1.5, first)).toThrow(RangeError);
  });
});

/** A resolver for made-up names, so no test needs the network. */
const fakeDns: Record<string, string[]> = {
  'hooks.example.com': ['93.184.215.14', '2606:4700:4700::1111'],
  'mixed.example.com': ['93.184.215.14', '10.1.2.3'],
  'mixed6.example.com': ['2606:4700:4700::1111', 'fd00::1'],
  'metadata.example.com': ['169.254.169.254'],
  'mapped.example.com': ['::ffff:127.0.0.1'],
  'nat64.example.com': ['64:ff9b::a9fe:a9fe'],
  'cgnat.example.com': ['100.64.0.1'],
  'empty.example.com': [],
};
const resolver: Resolver = async (hostname) => {
  const addresses = fakeDns[hostname];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

describe('checkWebhookUrl', () => {
  const refusal = async (url: string, allowLocalHttp = false) => {
    const check = await checkWebhookUrl(url, { resolver, allowLocalHttp });
    return check.ok ? 'accepted' : check.reason;
  };

  it('accepts https to a host whose every address is public, and returns those addresses', async () => {
    const check = await checkWebhookUrl('https://hooks.example.com/motcua?tenant=1', { resolver });
    expect(check).toEqual({
      ok: true,
      url: new URL('https://hooks.example.com/motcua?tenant=1'),
      addresses: [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:4700:4700::1111', family: 6 },
      ],
    });
    expect(await refusal('https://93.184.215.14:8443/hook')).toBe('accepted');
    expect(await refusal('https://[2606:4700:4700::1111]/hook')).toBe('accepted');
  });

  it.each([
    'https://169.254.169.254/latest/meta-data/',
    'https://10.0.0.1/',
    'https://172.16.5.4/',
    'https://192.168.1.1/',
    'https://127.0.0.1/',
    'https://127.1/',
    'https://0x7f000001/',
    'https://2130706433/',
    'https://0177.0.0.1/',
    'https://0.0.0.0/',
    'https://100.64.0.1/',
    'https://224.0.0.1/',
    'https://255.255.255.255/',
    'https://192.0.2.10/',
    'https://198.51.100.7/',
    'https://203.0.113.9/',
    'https://198.18.0.1/',
    'https://240.0.0.1/',
    'https://[::1]/',
    'https://[::]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:169.254.169.254]/',
    'https://[64:ff9b::7f00:1]/',
    'https://[64:ff9b::a9fe:a9fe]/',
    'https://[fc00::1]/',
    'https://[fd12:3456::1]/',
    'https://[fe80::1]/',
    'https://[ff02::1]/',
    'https://[2001:db8::1]/',
    'https://[::127.0.0.1]/',
  ])('refuses the literal address in %s', async (url) => {
    expect(await refusal(url)).toBe('private-address');
  });

  it('refuses a host if any of its addresses, A or AAAA, is not public', async () => {
    expect(await refusal('https://mixed.example.com/hook')).toBe('private-address');
    expect(await refusal('https://mixed6.example.com/hook')).toBe('private-address');
    expect(await refusal('https://metadata.example.com/hook')).toBe('private-address');
    expect(await refusal('https://mapped.example.com/hook')).toBe('private-address');
    expect(await refusal('https://nat64.example.com/hook')).toBe('private-address');
    expect(await refusal('https://cgnat.example.com/hook')).toBe('private-address');
    const check = await checkWebhookUrl('https://mixed.example.com/hook', { resolver });
    expect(check).toEqual({ ok: false, reason: 'private-address', address: '10.1.2.3' });
  });

  it('refuses what is not https, carries credentials, or does not resolve', async () => {
    expect(await refusal('http://hooks.example.com/hook')).toBe('not-https');
    expect(await refusal('http://169.254.169.254/latest/meta-data/')).toBe('not-https');
    expect(await refusal('ftp://hooks.example.com/hook')).toBe('not-https');
    expect(await refusal('https://user:secret@hooks.example.com/hook')).toBe('credentials');
    expect(await refusal('https://user@hooks.example.com/hook')).toBe('credentials');
    expect(await refusal('https://nowhere.example.com/hook')).toBe('unresolvable');
    expect(await refusal('https://empty.example.com/hook')).toBe('unresolvable');
    expect(await refusal('not a url')).toBe('invalid-url');
    expect(await refusal(`https://hooks.example.com/${'a'.repeat(2100)}`)).toBe('invalid-url');
  });

  it('allows http://127.0.0.1 only in the local runtime, and nothing else local', async () => {
    expect(await refusal('http://127.0.0.1:8080/hook', true)).toBe('accepted');
    expect(await refusal('http://127.0.0.1:8080/hook')).toBe('not-https');
    expect(await refusal('http://localhost:8080/hook', true)).toBe('not-https');
    expect(await refusal('http://127.0.0.2:8080/hook', true)).toBe('not-https');
    expect(await refusal('http://10.0.0.1/hook', true)).toBe('not-https');
    expect(await refusal('https://127.0.0.1/hook', true)).toBe('private-address');
  });

  it('gives up on a resolver that does not answer in time', async () => {
    const silent: Resolver = () => new Promise(() => {});
    const check = await checkWebhookUrl('https://slow.example.com/', {
      resolver: silent,
      resolveTimeoutMs: 20,
    });
    expect(check).toEqual({ ok: false, reason: 'unresolvable' });
  });
});

describe('isPublicAddress', () => {
  it('passes public unicast, also inside IPv4-mapped and NAT64 forms', () => {
    for (const address of [
      '1.1.1.1',
      '93.184.215.14',
      '2606:4700:4700::1111',
      '::ffff:1.1.1.1',
      '64:ff9b::101:101',
    ]) {
      expect(isPublicAddress(address)).toBe(true);
    }
  });

  it('fails anything that is not an address', () => {
    for (const address of ['', 'example.com', '::g', '256.1.1.1'])
      expect(isPublicAddress(address)).toBe(false);
  });
});
