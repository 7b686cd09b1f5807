// What a payment gateway's server-to-server callback means for a stored payment: answer it, and what to record.

/**
 * A gateway callback after its adapter checked the signature and read the fields. Amounts are whole VND.
 * `failed` carries the gateway's own code (VNPay: `24` cancelled by the customer, `11` expired, …).
 */
export type PaymentCallback =
  | { readonly kind: 'bad-signature' }
  /** Signed, but missing or unreadable fields: a gateway bug or a configuration mismatch, never a client's. */
  | { readonly kind: 'malformed'; readonly reason: string }
  | {
      readonly kind: 'paid';
      readonly paymentId: string;
      readonly amount: number;
      readonly transactionNo: string;
      readonly bankCode?: string;
      /** ISO 8601 with offset, from the gateway's clock. */
      readonly paidAt?: string;
    }
  | {
      readonly kind: 'failed';
      readonly paymentId: string;
      readonly amount: number;
      readonly gatewayCode: string;
      readonly transactionStatus?: string;
      readonly transactionNo?: string;
      readonly bankCode?: string;
    };

export type PaymentStatus = 'pending' | 'paid' | 'failed';

/** The part of a stored payment the decision needs. */
export interface StoredPaymentState {
  readonly paymentId: string;
  readonly amount: number;
  readonly status: PaymentStatus;
}

/**
 * The answer to give the gateway and what to store. VNPay's `RspCode` for each: bad-signature `97`,
 * unknown-payment `01`, wrong-amount `04`, already-confirmed `02`, accepted `00`, unexpected `99`
 * (the adapter's `answer` maps them, so another gateway is another mapping).
 */
export type PaymentCallbackDecision =
  | { readonly answer: 'bad-signature' }
  | { readonly answer: 'unknown-payment' }
  | { readonly answer: 'wrong-amount' }
  | { readonly answer: 'already-confirmed' }
  | { readonly answer: 'unexpected' }
  | {
      readonly answer: 'accepted';
      /** Store this on the payment, conditional on its status still being `pending`. */
      readonly record:
        | {
            readonly status: 'paid';
            readonly transactionNo: string;
            readonly bankCode?: string;
            readonly paidAt?: string;
          }
        | {
            readonly status: 'failed';
            readonly gatewayCode: string;
            readonly transactionNo?: string;
            readonly bankCode?: string;
          };
    };

export type PaymentCallbackAnswer = PaymentCallbackDecision['answer'];

/**
 * Decides a callback in VNPay's documented order: signature, payment known, amount, already settled.
 * A payment is settled once it is `paid` or `failed`: the gateway closes a transaction reference after
 * either, so a second callback for it is a replay and changes nothing (a new attempt is a new payment).
 * A failed payment is accepted (`00`) and recorded, so the gateway stops retrying and the citizen can pay again.
 */
export function decidePaymentCallback(
  callback: PaymentCallback,
  stored: StoredPaymentState | undefined,
): PaymentCallbackDecision {
  if (callback.kind === 'bad-signature') return { answer: 'bad-signature' };
  if (callback.kind === 'malformed') return { answer: 'unexpected' };
  if (!stored || stored.paymentId !== callback.paymentId) return { answer: 'unknown-payment' };
  if (stored.amount !== callback.amount) return { answer: 'wrong-amount' };
  if (stored.status !== 'pending') return { answer: 'already-confirmed' };
  if (callback.kind === 'paid') {
    return {
      answer: 'accepted',
      record: {
        status: 'paid',
        transactionNo: callback.transactionNo,
        ...(callback.bankCode ? { bankCode: callback.bankCode } : {}),
        ...(callback.paidAt ? { paidAt: callback.paidAt } : {}),
      },
    };
  }
  return {
    answer: 'accepted',
    record: {
      status: 'failed',
      gatewayCode: callback.gatewayCode,
      ...(callback.transactionNo ? { transactionNo: callback.transactionNo } : {}),
      ...(callback.bankCode ? { bankCode: callback.bankCode } : {}),
    },
  };
}
