// The gateway's callbacks: the server-to-server IPN, which settles a payment, and the browser's return, which never does.
import type { Output, vnpayIpnAnswer } from '../../schemas/api';
import { localize, PATHS } from '../../web/lib/urls';
import { confirmPayment } from '../cases/payment-confirmation';
import { countEvent, logger } from '../commons/observability';
import { VersionConflictError } from '../domain/errors';
import { decidePaymentCallback, type PaymentCallbackAnswer } from '../domain/payment-callback';
import { toVietnamIso } from '../domain/vietnam-time';
import { publicBase } from '../results/links';
import { getCaseWithHistory } from '../storage/cases';
import { TransactionConflict, transact } from '../storage/dynamo';
import {
  findPaymentCase,
  getPayment,
  type PaymentSettlement,
  paymentsOf,
  settlePaymentItem,
} from '../storage/payments';
import type { PaymentRecord } from '../storage/records';
import { recordPaymentAudit } from './audit';
import { paymentGateway } from './gateway';

/** Concurrent callbacks (the gateway's retries, a replay) settle one after the other; more is a fault. */
const MAX_TRIES = 4;

/**
 * Settles one decided callback in one transaction: the attempt, its audit entry, and for a paid fee of a case
 * still awaiting it the case itself, its event and its notifications. A paid fee of a case that no longer awaits
 * it (withdrawn meanwhile, or paid twice from two tabs) is recorded with `refundDue`.
 */
async function settle(
  found: NonNullable<Awaited<ReturnType<typeof getCaseWithHistory>>>,
  payment: PaymentRecord,
  settlement: PaymentSettlement,
  now: Date,
): Promise<void> {
  const gateway = paymentGateway().name;
  const at = settlement.settledAt ?? toVietnamIso(now);
  const paid = settlement.status === 'paid';
  const refundDue = paid && found.record.status !== 'awaiting_payment';
  const references = [
    `${payment.amount} VND`,
    `${gateway} ${payment.paymentId}`,
    ...(settlement.transactionNo ? [`transaction ${settlement.transactionNo}`] : []),
    ...(settlement.gatewayCode ? [`code ${settlement.gatewayCode}`] : []),
    ...(refundDue ? ['refund due: the case no longer awaited payment'] : []),
  ];
  const writes = [
    settlePaymentItem(payment, { ...settlement, ...(refundDue ? { refundDue } : {}) }),
    ...recordPaymentAudit({
      caseCode: payment.caseCode,
      at,
      by: { gateway },
      action: paid ? 'payment_paid' : 'payment_failed',
      detail: references.join(', '),
    }),
  ];
  if (paid && !refundDue) {
    await confirmPayment(payment.caseCode, now, { found, gateway, alsoWrite: writes });
  } else {
    await transact(writes);
    if (refundDue) {
      logger.warn('payment received for a case that no longer awaited it', {
        caseCode: payment.caseCode,
        paymentId: payment.paymentId,
      });
      countEvent('PaymentRefundDue');
    }
  }
  countEvent(paid ? 'PaymentPaid' : 'PaymentFailed', { gateway });
}

async function decideAndSettle(query: string, now: Date): Promise<PaymentCallbackAnswer> {
  const callback = paymentGateway().parseCallback(query);
  if (callback.kind === 'bad-signature') return 'bad-signature';
  if (callback.kind === 'malformed') {
    logger.warn('malformed payment callback', { reason: callback.reason });
    return 'unexpected';
  }
  const caseCode = await findPaymentCase(callback.paymentId);
  if (!caseCode) return 'unknown-payment';
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const found = await getCaseWithHistory(caseCode);
    const payment = found && paymentsOf(found.parts).find((p) => p.paymentId === callback.paymentId);
    const decision = decidePaymentCallback(callback, payment);
    if (decision.answer !== 'accepted' || !found || !payment) return decision.answer;
    const settledAt = toVietnamIso(now);
    try {
      await settle(found, payment, { ...decision.record, settledAt }, now);
      return 'accepted';
    } catch (error) {
      // Someone settled it, or changed the case, since it was read: read again and decide again.
      if (!(error instanceof VersionConflictError || error instanceof TransactionConflict)) throw error;
    }
  }
  return 'unexpected';
}

/**
 * The IPN: checks the signature, the payment, the amount and whether it was settled already, in the gateway's
 * documented order, and answers as the gateway expects (VNPay: `{ RspCode, Message }`, always HTTP 200). An
 * unexpected failure is `99`, so that the gateway calls again; nothing is half-stored either way.
 */
export async function acceptPaymentNotification(
  rawQuery: string,
  now = new Date(),
): Promise<Output<typeof vnpayIpnAnswer>> {
  let answer: PaymentCallbackAnswer;
  try {
    answer = await decideAndSettle(rawQuery, now);
  } catch (error) {
    logger.error('payment notification failed', { error: error as Error });
    answer = 'unexpected';
  }
  return JSON.parse(paymentGateway().answer(answer).body);
}

/**
 * Where the browser goes back to: the case's page in the payer's language, told how the gateway says it went
 * (`payment=paid|failed`). It changes nothing: only the IPN settles. A return that fails its signature check goes
 * to the list of one's cases, saying nothing.
 */
export async function returnFromGateway(rawQuery: string): Promise<string> {
  const callback = paymentGateway().parseCallback(rawQuery);
  const base = publicBase();
  if (callback.kind !== 'paid' && callback.kind !== 'failed') return `${base}${PATHS.my()}`;
  const caseCode = await findPaymentCase(callback.paymentId);
  const payment = caseCode ? await getPayment(caseCode, callback.paymentId) : undefined;
  if (!caseCode || !payment) return `${base}${PATHS.my()}`;
  return `${base}${localize(PATHS.myCase(caseCode), payment.lang)}&payment=${callback.kind}`;
}
