// The payment gateway port: what the payment routes need from any gateway (VNPay today; PayGov would be one more adapter).

import { randomBytes } from 'node:crypto';
import type { PaymentCallback, PaymentCallbackAnswer } from '../domain/payment-callback';
import type { Language } from '../domain/types';

export interface PaymentRequest {
  /** Our payment id; the gateway's merchant reference (`vnp_TxnRef`). */
  readonly paymentId: string;
  /** Whole VND, at least 1. */
  readonly amount: number;
  /** Free text; each adapter reduces it to what its gateway accepts (VNPay: ASCII letters, digits, ` .-_:`). */
  readonly description: string;
  readonly language: Language;
  /** Where the gateway sends the browser back (absolute URL of our return route). */
  readonly returnUrl: string;
  /** The citizen's IP address as our edge saw it. */
  readonly clientIp: string;
  readonly createdAt: Date;
  /** After this the gateway refuses the payment. */
  readonly expiresAt: Date;
}

export interface PaymentRedirect {
  /** The gateway's payment page, signed. */
  readonly redirectUrl: string;
  readonly expiresAt: Date;
}

/** An HTTP answer for the gateway's callback, as the gateway expects it. */
export interface GatewayAnswer {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A callback's query: the raw query string (best: duplicates stay visible), or parsed parameters. */
export type CallbackQuery = string | URLSearchParams | Readonly<Record<string, string | undefined>>;

export interface PaymentProvider {
  readonly name: string;
  /** Builds the signed redirect to the gateway's payment page. Throws `RangeError` for a request it cannot sign. */
  createRedirect(request: PaymentRequest): PaymentRedirect;
  /** Verifies and reads a callback (the server-to-server notification or the browser's return). */
  parseCallback(query: CallbackQuery): PaymentCallback;
  /** The body the gateway expects for each outcome of `decidePaymentCallback`. */
  answer(answer: PaymentCallbackAnswer): GatewayAnswer;
}

/** Crockford's base32: upper-case letters and digits, so it passes every gateway's "alphanumeric" reference. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new payment id: 10 characters of the time (ms, sortable, like a ULID) and 16 random ones, 26 in all,
 * alphanumeric. VNPay wants `vnp_TxnRef` unique per merchant and day; each attempt to pay gets a new one.
 */
export function newPaymentId(now = new Date()): string {
  let time = now.getTime();
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = CROCKFORD[time % 32]! + head;
    time = Math.floor(time / 32);
  }
  let tail = '';
  for (const byte of randomBytes(16)) tail += CROCKFORD[byte % 32]!;
  return head + tail;
}
