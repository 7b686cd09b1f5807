// A case's payment attempts: their keys and items, the reference a gateway's callback names, settling one.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { type CasePart, caseKey, casePartKey } from './cases';
import { assignments, putNew, stripKeys, TableName, type TransactItem } from './dynamo';
import type { PaymentRecord } from './records';

/** The attempt's part of its case: `CASE#PAYMENT#<id>`, so attempts sort by time (ids do) and load with the case. */
const paymentPart = (paymentId: string) => `PAYMENT#${paymentId}`;
/** The gateway's callback names only our reference: this item says which case it belongs to. */
const referenceKey = (paymentId: string) => ({ pk: `PAYMENT#${paymentId}`, sk: 'PAYMENT' });

/** Transaction items of a new attempt: the attempt beside its case, and its reference (written once, never changed). */
export function createPaymentItems(payment: PaymentRecord): TransactItem[] {
  return [
    putNew({ ...casePartKey(payment.caseCode, paymentPart(payment.paymentId)), ...payment }),
    putNew({
      ...referenceKey(payment.paymentId),
      type: 'payment-reference',
      paymentId: payment.paymentId,
      caseCode: payment.caseCode,
    }),
  ];
}

/** Transaction item: the case still awaits its payment (an attempt starts only then). */
export function caseAwaitsPaymentItem(code: string): TransactItem {
  return {
    ConditionCheck: {
      TableName,
      Key: caseKey(code),
      ConditionExpression: '#status = :awaiting',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':awaiting': 'awaiting_payment' },
    },
  };
}

/** What settling an attempt stores: the outcome and the gateway's references. */
export type PaymentSettlement = Pick<
  PaymentRecord,
  'status' | 'settledAt' | 'paidAt' | 'transactionNo' | 'bankCode' | 'gatewayCode' | 'refundDue'
>;

/** Transaction item: the attempt settled, only if it is still pending (a replayed callback changes nothing). */
export function settlePaymentItem(payment: PaymentRecord, settlement: PaymentSettlement): TransactItem {
  const { sets, names, values } = assignments(settlement);
  return {
    Update: {
      TableName,
      Key: casePartKey(payment.caseCode, paymentPart(payment.paymentId)),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { ...names, '#status': 'status' },
      ExpressionAttributeValues: { ...values, ':pending': 'pending' },
    },
  };
}

/** The case a payment reference belongs to; undefined for a reference we never issued. */
export async function findPaymentCase(paymentId: string): Promise<string | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName, Key: referenceKey(paymentId), ConsistentRead: true }),
  );
  return typeof Item?.caseCode === 'string' ? Item.caseCode : undefined;
}

export async function getPayment(caseCode: string, paymentId: string): Promise<PaymentRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName, Key: casePartKey(caseCode, paymentPart(paymentId)), ConsistentRead: true }),
  );
  return Item ? stripKeys<PaymentRecord>(Item) : undefined;
}

/** A case's payment attempts among its parts, oldest first (payment ids sort by time). */
export function paymentsOf(parts: readonly CasePart[]): PaymentRecord[] {
  return parts
    .filter((part): part is CasePart & PaymentRecord => part.type === 'payment')
    .sort((a, b) => (a.paymentId < b.paymentId ? -1 : a.paymentId > b.paymentId ? 1 : 0));
}
