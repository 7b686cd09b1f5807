// VNPay 2.1.0 adapter of the payment port: the signed redirect, the IPN and return checks, and the IPN answers.
//
// The signature is HMAC-SHA512 (hex) keyed with the merchant's hash secret over `name=value` pairs joined
// by `&`, sorted by name, each value form-URL-encoded, empty values left out, `vnp_SecureHash` and
// `vnp_SecureHashType` left out. The encoding is the one of VNPay's documentation and samples
// (sandbox.vnpayment.vn/apis/docs/thanh-toan-pay/pay.html): the example payment URL there carries
// `vnp_OrderInfo=Thanh+toan+don+hang+%3A5` and `vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl`
// (space as `+`, reserved characters as upper-case `%XX`), which is PHP's `urlencode` in the PHP sample,
// `URLEncoder.encode(v, US_ASCII)` in the Java sample (which also skips empty values), and
// `encodeURIComponent(v).replace(/%20/g, "+")` in the Node.js sample. Those encoders differ only on
// `!'()*~` and on non-ASCII text, which is why `vnp_OrderInfo` is reduced to letters, digits and ` .-_:`.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseIso } from '../domain/calendar';
import type { PaymentCallback, PaymentCallbackAnswer } from '../domain/payment-callback';
import { toVietnamIso } from '../domain/vietnam-time';
import type { CallbackQuery, GatewayAnswer, PaymentProvider, PaymentRedirect, PaymentRequest } from './port';

export const VNPAY_VERSION = '2.1.0';
/** VNPay's sandbox payment page; production is `https://pay.vnpay.vn/vpcpay.html`. */
export const VNPAY_SANDBOX_PAYMENT_URL = 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html';

export interface VnpayConfig {
  /** `vnp_TmnCode`: the merchant's terminal code, 8 characters. */
  readonly tmnCode: string;
  /** The merchant's hash secret (`vnp_HashSecret` in VNPay's samples). */
  readonly hashSecret: string;
  /** The gateway's payment page. */
  readonly paymentUrl: string;
  /** `vnp_OrderType`, VNPay's category of goods. @default 'other' */
  readonly orderType?: string;
}

const HASH_FIELDS_EXCLUDED = new Set(['vnp_SecureHash', 'vnp_SecureHashType']);
/** `vnp_Amount` is Numeric[1,12] in VNPay's table of parameters, in VND × 100. */
const MAX_AMOUNT_X100 = 999_999_999_999;
const ORDER_INFO_MAX = 255;

/** Form-URL-encodes one value as VNPay's samples do (see the head of this file). */
export function vnpayEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** The string VNPay signs: `vnp_*` pairs sorted by name, encoded, empty values and the hash fields left out. */
export function vnpaySignData(params: Iterable<readonly [string, string]>): string {
  return [...params]
    .filter(([name, value]) => name.startsWith('vnp_') && !HASH_FIELDS_EXCLUDED.has(name) && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${vnpayEncode(name)}=${vnpayEncode(value)}`)
    .join('&');
}

export function vnpaySecureHash(params: Iterable<readonly [string, string]>, hashSecret: string): string {
  return createHmac('sha512', hashSecret).update(vnpaySignData(params), 'utf8').digest('hex');
}

/** The signed query string (without `?`): the parameters, sorted and encoded, then `vnp_SecureHash`. */
export function signVnpayQuery(params: Readonly<Record<string, string>>, hashSecret: string): string {
  const entries = Object.entries(params);
  return `${vnpaySignData(entries)}&vnp_SecureHash=${vnpaySecureHash(entries, hashSecret)}`;
}

export type VnpayVerification =
  | { readonly ok: true; readonly params: ReadonlyMap<string, string> }
  | { readonly ok: false; readonly reason: 'no-signature' | 'duplicate-parameter' | 'mismatch' };

/**
 * Checks `vnp_SecureHash` over every `vnp_*` parameter but the hash fields, in constant time. A `vnp_*` name
 * given twice fails: which of the two the hash covered would be the reader's guess.
 */
export function verifyVnpayQuery(query: CallbackQuery, hashSecret: string): VnpayVerification {
  const params = new Map<string, string>();
  for (const [name, value] of queryEntries(query)) {
    if (!name.startsWith('vnp_')) continue;
    if (params.has(name)) return { ok: false, reason: 'duplicate-parameter' };
    params.set(name, value);
  }
  const given = params.get('vnp_SecureHash') ?? '';
  if (!/^[0-9a-fA-F]{128}$/.test(given)) return { ok: false, reason: 'no-signature' };
  const expected = Buffer.from(vnpaySecureHash(params, hashSecret), 'hex');
  const ok = timingSafeEqual(expected, Buffer.from(given, 'hex'));
  return ok ? { ok: true, params } : { ok: false, reason: 'mismatch' };
}

function queryEntries(query: CallbackQuery): Iterable<readonly [string, string]> {
  if (typeof query === 'string') return new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  if (query instanceof URLSearchParams) return query;
  return Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string');
}

/**
 * `vnp_OrderInfo` from free text: Vietnamese diacritics folded ("Lệ phí đăng ký" → "Le phi dang ky"),
 * whitespace as single spaces, every character but ASCII letters, digits and ` .-_:` dropped, at most 255.
 */
export function vnpayOrderInfo(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/\s+/gu, ' ')
    .replace(/[^A-Za-z0-9 .\-_:]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim()
    .slice(0, ORDER_INFO_MAX)
    .trim();
}

/** `yyyyMMddHHmmss` in Vietnam's time (GMT+7, no daylight saving), as `vnp_CreateDate` and friends. */
export function formatVnpayDate(date: Date): string {
  return toVietnamIso(date).slice(0, 19).replace(/\D/g, '');
}

/** Reads `yyyyMMddHHmmss` (GMT+7); undefined unless it is a real date and time. */
export function parseVnpayDate(text: string): Date | undefined {
  const p = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!p) return undefined;
  try {
    return parseIso(`${p[1]}-${p[2]}-${p[3]}T${p[4]}:${p[5]}:${p[6]}+07:00`);
  } catch {
    return undefined;
  }
}

const ANSWERS: Record<PaymentCallbackAnswer, { readonly RspCode: string; readonly Message: string }> = {
  accepted: { RspCode: '00', Message: 'Confirm Success' },
  'unknown-payment': { RspCode: '01', Message: 'Order not found' },
  'already-confirmed': { RspCode: '02', Message: 'Order already confirmed' },
  'wrong-amount': { RspCode: '04', Message: 'Invalid amount' },
  'bad-signature': { RspCode: '97', Message: 'Invalid signature' },
  unexpected: { RspCode: '99', Message: 'Unknown error' },
};

/** The IPN answer VNPay expects: always HTTP 200 with `{ RspCode, Message }`. */
export function vnpayAnswer(answer: PaymentCallbackAnswer): GatewayAnswer {
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(ANSWERS[answer]),
  };
}

function buildPaymentParams(config: VnpayConfig, request: PaymentRequest): Record<string, string> {
  if (!/^[A-Za-z0-9]{1,100}$/.test(request.paymentId)) {
    throw new RangeError('paymentId must be 1 to 100 ASCII letters or digits (vnp_TxnRef)');
  }
  const amountX100 = request.amount * 100;
  if (!Number.isSafeInteger(request.amount) || request.amount < 1 || amountX100 > MAX_AMOUNT_X100) {
    throw new RangeError('amount must be a whole number of VND, at least 1, at most 9 999 999 999');
  }
  const returnUrl = new URL(request.returnUrl);
  if (returnUrl.protocol !== 'https:' && returnUrl.protocol !== 'http:') {
    throw new RangeError('returnUrl must be an http(s) URL');
  }
  if (!(request.expiresAt.getTime() > request.createdAt.getTime())) {
    throw new RangeError('expiresAt must come after createdAt');
  }
  if (!request.clientIp) throw new RangeError('clientIp is required (vnp_IpAddr)');
  return {
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'pay',
    vnp_TmnCode: config.tmnCode,
    vnp_Amount: String(amountX100),
    vnp_CurrCode: 'VND',
    vnp_TxnRef: request.paymentId,
    vnp_OrderInfo: vnpayOrderInfo(request.description) || `Thanh toan ${request.paymentId}`,
    vnp_OrderType: config.orderType ?? 'other',
    vnp_Locale: request.language === 'en' ? 'en' : 'vn',
    vnp_ReturnUrl: request.returnUrl,
    vnp_IpAddr: request.clientIp,
    vnp_CreateDate: formatVnpayDate(request.createdAt),
    vnp_ExpireDate: formatVnpayDate(request.expiresAt),
  };
}

/** Reads a verified IPN or return query into the port's callback. */
function readCallback(config: VnpayConfig, params: ReadonlyMap<string, string>): PaymentCallback {
  const get = (name: string) => params.get(name) || undefined;
  const paymentId = get('vnp_TxnRef');
  const amountText = get('vnp_Amount') ?? '';
  const responseCode = get('vnp_ResponseCode');
  if (get('vnp_TmnCode') !== config.tmnCode) return { kind: 'malformed', reason: 'vnp_TmnCode is not ours' };
  if (!paymentId) return { kind: 'malformed', reason: 'vnp_TxnRef missing' };
  if (!/^\d{1,12}$/.test(amountText)) return { kind: 'malformed', reason: 'vnp_Amount is not a number' };
  if (!responseCode) return { kind: 'malformed', reason: 'vnp_ResponseCode missing' };
  // Divided, not rounded: a signed amount that is not whole VND cannot match any stored payment (`04`).
  const amount = Number(amountText) / 100;
  const transactionStatus = get('vnp_TransactionStatus');
  // VNPay sends vnp_TransactionNo=0 when no transaction was made (a cancelled payment).
  const transactionNo = get('vnp_TransactionNo') === '0' ? undefined : get('vnp_TransactionNo');
  const bankCode = get('vnp_BankCode');
  if (responseCode === '00' && transactionStatus === '00') {
    if (!transactionNo) return { kind: 'malformed', reason: 'vnp_TransactionNo missing on a paid callback' };
    const payDate = get('vnp_PayDate');
    const paid = payDate ? parseVnpayDate(payDate) : undefined;
    const paidAt = paid ? toVietnamIso(paid) : undefined;
    return {
      kind: 'paid',
      paymentId,
      amount,
      transactionNo,
      ...(bankCode ? { bankCode } : {}),
      ...(paidAt ? { paidAt } : {}),
    };
  }
  return {
    kind: 'failed',
    paymentId,
    amount,
    gatewayCode: responseCode,
    ...(transactionStatus ? { transactionStatus } : {}),
    ...(transactionNo ? { transactionNo } : {}),
    ...(bankCode ? { bankCode } : {}),
  };
}

export function createVnpayProvider(config: VnpayConfig): PaymentProvider {
  if (!config.tmnCode || !config.hashSecret) throw new Error('VNPay needs a terminal code and a hash secret');
  return {
    name: 'vnpay',
    createRedirect(request): PaymentRedirect {
      const query = signVnpayQuery(buildPaymentParams(config, request), config.hashSecret);
      const separator = config.paymentUrl.includes('?') ? '&' : '?';
      return { redirectUrl: `${config.paymentUrl}${separator}${query}`, expiresAt: request.expiresAt };
    },
    parseCallback(query): PaymentCallback {
      const verified = verifyVnpayQuery(query, config.hashSecret);
      return verified.ok ? readCallback(config, verified.params) : { kind: 'bad-signature' };
    },
    answer: vnpayAnswer,
  };
}
