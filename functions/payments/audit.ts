// The one seam through which payment events reach the audit trail: amounts, references and outcomes.
//
// It returns the items to write in the payment's own transaction, so that an event and its audit entry are stored
// together or not at all. Today they are kept as `payment-audit` items in the case's partition; once the
// console's audit module is merged, this function is the only place to point at it.
import type { TransactItem } from '../storage/dynamo';
import { type PaymentAuditRecord, paymentAuditItem } from '../storage/payments';

export type PaymentAuditEntry = Omit<PaymentAuditRecord, 'type'>;

export function recordPaymentAudit(entry: PaymentAuditEntry): TransactItem[] {
  return [paymentAuditItem({ type: 'payment-audit', ...entry })];
}
