// Which webhook URLs the platform may call: https to public addresses only, so a business cannot aim it inside.
//
// Address ranges come from ipaddr.js (`range()` names every special-purpose block of the IANA registries:
// private, loopback, link-local, CGNAT, unique-local, multicast, unspecified, documentation, benchmarking,
// reserved, 6to4, Teredo…); only its `unicast` passes, and for IPv6 only inside 2000::/3, the block IANA
// allocates for global unicast. IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::/96) addresses are judged
// by the IPv4 address they carry.

import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import type { LocalizedText } from '../domain/types';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Every address a host name resolves to (A and AAAA). */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** The operating system's resolver (getaddrinfo, as a connection would use), every address of both families. */
export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

export interface WebhookUrlPolicy {
  /** The local runtime: also `http://127.0.0.1[:port]`, so a receiver on the same machine can be used. */
  readonly allowLocalHttp?: boolean;
  /** @default systemResolver */
  readonly resolver?: Resolver;
  /** A resolution that takes longer is refused as unresolvable. @default 5000 */
  readonly resolveTimeoutMs?: number;
}

export type WebhookUrlRefusal =
  | 'invalid-url'
  | 'not-https'
  | 'credentials'
  | 'unresolvable'
  | 'private-address';

export type WebhookUrlCheck =
  | {
      readonly ok: true;
      readonly url: URL;
      /** Every address the host had, all checked; connect to one of these and nothing else. */
      readonly addresses: readonly ResolvedAddress[];
    }
  | { readonly ok: false; readonly reason: WebhookUrlRefusal; readonly address?: string };

/** Messages for a 400 on `url`, one per refusal. */
export const WEBHOOK_URL_REFUSALS: Readonly<Record<WebhookUrlRefusal, LocalizedText>> = {
  'invalid-url': { vi: 'Địa chỉ URL không hợp lệ', en: 'The URL is not valid' },
  'not-https': { vi: 'Địa chỉ phải dùng https', en: 'The URL must use https' },
  credentials: {
    vi: 'Địa chỉ không được chứa tên đăng nhập hay mật khẩu',
    en: 'The URL must not contain a user name or password',
  },
  unresolvable: {
    vi: 'Không phân giải được tên máy chủ của địa chỉ',
    en: 'The URL’s host name does not resolve',
  },
  'private-address': {
    vi: 'Địa chỉ trỏ tới mạng nội bộ, loopback hoặc link-local; chỉ nhận địa chỉ công khai',
    en: 'The URL points to a private, loopback or link-local address; only public addresses are accepted',
  },
};

const MAX_URL_LENGTH = 2048;
const NAT64 = ipaddr.parseCIDR('64:ff9b::/96');

function isPublicIPv4(ip: ipaddr.IPv4): boolean {
  return ip.range() === 'unicast';
}

/** True only for a globally routable unicast address (see the head of this file). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv4') return isPublicIPv4(ip as ipaddr.IPv4);
  const v6 = ip as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return isPublicIPv4(v6.toIPv4Address());
  if (v6.match(NAT64)) {
    // The last 32 bits carry the IPv4 address (RFC 6052, /96 prefix).
    const high = v6.parts[6]!;
    const low = v6.parts[7]!;
    return isPublicIPv4(new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]));
  }
  return v6.range() === 'unicast' && (v6.parts[0]! & 0xe000) === 0x2000;
}

function timeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('resolution timed out')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Checks a webhook URL at registration and again before each delivery (DNS may have changed: rebinding).
 * Refuses anything but https (the local runtime may allow `http://127.0.0.1`), user names and passwords in
 * the URL, and a host any of whose addresses is not public. Literal IPs in any form the URL parser
 * understands (`0x7f000001`, `[::ffff:127.0.0.1]`) are normalised by it first and checked the same way.
 */
export async function checkWebhookUrl(text: string, policy: WebhookUrlPolicy = {}): Promise<WebhookUrlCheck> {
  let url: URL;
  try {
    if (text.length > MAX_URL_LENGTH) throw new Error('too long');
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'invalid-url' };
  }
  if (url.username || url.password) return { ok: false, reason: 'credentials' };
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (policy.allowLocalHttp && url.protocol === 'http:' && host === '127.0.0.1') {
    return { ok: true, url, addresses: [{ address: '127.0.0.1', family: 4 }] };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'not-https' };
  if (!host) return { ok: false, reason: 'invalid-url' };

  let found: readonly ResolvedAddress[];
  if (ipaddr.isValid(host)) {
    found = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
  } else {
    try {
      found = await timeout((policy.resolver ?? systemResolver)(host), policy.resolveTimeoutMs ?? 5000);
    } catch {
      return { ok: false, reason: 'unresolvable' };
    }
  }
  if (found.length === 0) return { ok: false, reason: 'unresolvable' };
  const addresses: ResolvedAddress[] = [];
  for (const { address } of found) {
    if (!isPublicAddress(address)) return { ok: false, reason: 'private-address', address };
    // Normalised (e.g. `0177.1` → `127.0.0.1`), so the connection goes to exactly what was judged.
    const ip = ipaddr.parse(address);
    addresses.push({ address: ip.toString(), family: ip.kind() === 'ipv6' ? 6 : 4 });
  }
  return { ok: true, url, addresses };
}
