// The one seam through which payment events reach the case's audit trail: amounts, references and outcomes.
//
// It returns the items to write in the payment's own transaction (the attempt started, the IPN's settlement and the
// case it moves), so that an event and its audit entry are stored together or not at all.
import { auditRecord, systemActor } from '../cases/audit';
import type { Principal } from '../domain/principal';
import { auditEntryItem } from '../storage/audit';
import type { TransactItem } from '../storage/dynamo';

export interface PaymentAuditEntry {
  readonly caseCode: string;
  /** Vietnam time, as stored. */
  readonly at: string;
  /** The payer who started it, or the gateway (by name) whose notification settled it. */
  readonly by: { readonly payer: Principal } | { readonly gateway: string };
  readonly action: 'payment_started' | 'payment_paid' | 'payment_failed';
  /** The amount and the gateway's references, as a reader of the trail wants them. */
  readonly detail: string;
}

export function recordPaymentAudit(entry: PaymentAuditEntry): TransactItem[] {
  // A payer is an applicant, who acts for no agency (so the agencies' catalogue stays out of this function).
  const { by } = entry;
  const actor =
    'payer' in by ? { id: by.payer.id, name: by.payer.name, role: by.payer.role } : systemActor(by.gateway);
  return [auditEntryItem(auditRecord(actor, entry.caseCode, entry.action, entry.at, entry.detail))];
}
