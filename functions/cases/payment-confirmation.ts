// A paid fee moves the case from awaiting_payment to submitted: apart from transitions.ts, which claims files
// (the S3 client), so that the payment function stays small.
import { vietnamCalendar } from '../domain/calendar';
import { NotFoundError } from '../domain/errors';
import { toVietnamIso } from '../domain/vietnam-time';
import { FEE_TERMS } from '../payments/fee-terms.generated';
import { getCaseWithHistory } from '../storage/cases';
import type { TransactItem } from '../storage/dynamo';
import { commitChange } from './change';

/** What a paid payment brings along: the case as just loaded, and the payment's own writes. */
export interface PaymentConfirmation {
  readonly found?: NonNullable<Awaited<ReturnType<typeof getCaseWithHistory>>>;
  /** The gateway, as the history names the actor. @default 'payment' */
  readonly gateway?: string;
  /** The payment settled and its audit entry, in the same transaction as the change. */
  readonly alsoWrite?: readonly TransactItem[];
}

/** Payment confirmed by the gateway's callback (the local runtime's demo route stands in for it too). */
export async function confirmPayment(code: string, now = new Date(), confirmation: PaymentConfirmation = {}) {
  const found = confirmation.found ?? (await getCaseWithHistory(code));
  if (!found) throw new NotFoundError('case');
  const procedure = FEE_TERMS[found.record.procedureId];
  if (!procedure) throw new Error(`case ${code} names unknown procedure ${found.record.procedureId}`);
  return commitChange({
    record: found.record,
    events: found.events,
    parts: found.parts,
    action: 'confirm_payment',
    actor: { role: 'system', name: confirmation.gateway ?? 'payment' },
    expectedVersion: found.record.version,
    now,
    // The statutory time runs from the day the application is complete, fee paid.
    patch: { dueAt: toVietnamIso(vietnamCalendar.addWorkingDays(now, procedure.processingDays)) },
    alsoWrite: confirmation.alsoWrite ?? [],
  });
}
