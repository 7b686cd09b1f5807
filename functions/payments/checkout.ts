// Paying a case's fee: a new attempt with its signed redirect to the gateway, stored before the citizen goes there.
import type { Output, paymentStarted } from '../../schemas/api';
import { loadVisibleCase } from '../cases/queries';
import { InvalidTransitionError, NotFoundError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import type { Language } from '../domain/types';
import { toVietnamIso } from '../domain/vietnam-time';
import { publicBase } from '../results/links';
import { TransactionConflict, transact } from '../storage/dynamo';
import { caseAwaitsPaymentItem, createPaymentItems } from '../storage/payments';
import type { PaymentRecord } from '../storage/records';
import { recordPaymentAudit } from './audit';
import { FEE_TERMS } from './fee-terms.generated';
import { PAYMENT_ROUTES, paymentGateway } from './gateway';
import { newPaymentId } from './port';

/** How long the gateway takes a payment: VNPay's own pages time out after 15 minutes too. */
export const PAYMENT_WINDOW_MS = 15 * 60 * 1000;

/**
 * Starts an attempt to pay the fee of the caller's own case, only while it awaits payment (409 otherwise).
 * Each call is a new attempt with a new reference: a citizen who cancelled or failed simply tries again.
 */
export async function startPayment(options: {
  readonly principal: Principal;
  readonly code: string;
  readonly clientIp: string;
  readonly lang: Language;
  readonly now?: Date;
}): Promise<Output<typeof paymentStarted>> {
  const { principal, code, lang } = options;
  const now = options.now ?? new Date();
  const { record } = await loadVisibleCase(principal, code);
  // An official may see the case, but only its applicant pays for it.
  if (record.applicant.id !== principal.id) throw new NotFoundError('case');
  const amount = FEE_TERMS[record.procedureId]?.fee;
  if (record.status !== 'awaiting_payment' || !amount) throw new InvalidTransitionError(record.status, 'pay');

  const paymentId = newPaymentId(now);
  const expiresAt = new Date(now.getTime() + PAYMENT_WINDOW_MS);
  const gateway = paymentGateway();
  const { redirectUrl } = gateway.createRedirect({
    paymentId,
    amount,
    description: `Le phi ho so ${code}`,
    language: lang,
    returnUrl: `${publicBase()}${PAYMENT_ROUTES.return}`,
    clientIp: options.clientIp,
    createdAt: now,
    expiresAt,
  });
  const at = toVietnamIso(now);
  const payment: PaymentRecord = {
    type: 'payment',
    paymentId,
    caseCode: code,
    applicantId: principal.id,
    amount,
    provider: gateway.name,
    status: 'pending',
    lang,
    createdAt: at,
    expiresAt: toVietnamIso(expiresAt),
  };
  try {
    await transact([
      caseAwaitsPaymentItem(code),
      ...createPaymentItems(payment),
      ...recordPaymentAudit({
        caseCode: code,
        at,
        by: { payer: principal },
        action: 'payment_started',
        detail: `${amount} VND, ${gateway.name} ${paymentId}`,
      }),
    ]);
  } catch (error) {
    // The case moved on meanwhile (withdrawn, or paid in another tab).
    if (error instanceof TransactionConflict) throw new InvalidTransitionError('changed', 'pay');
    throw error;
  }
  return { paymentId, amount, redirectUrl, expiresAt: payment.expiresAt };
}
