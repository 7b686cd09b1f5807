// A case's signed result (beside the case, `CASE#RESULT`) and the register of issued documents by their SHA-256.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { type CasePart, casePartKey } from './cases';
import { assignments, putNew, stripKeys, TableName, type TransactItem } from './dynamo';
import type { IssuedDocumentRecord, ResultSignatureRecord } from './records';

const RESULT_PART = 'RESULT';
const issuedKey = (sha256: string) => ({ pk: `ISSUED#${sha256}`, sk: 'DOCUMENT' });

/** Transaction item: the result to sign, written with `issue_result` (its INSERT wakes the signer). */
export function requestSignatureItem(record: ResultSignatureRecord): TransactItem {
  return putNew({ ...casePartKey(record.caseCode, RESULT_PART), ...record });
}

export async function getResultSignature(caseCode: string): Promise<ResultSignatureRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName, Key: casePartKey(caseCode, RESULT_PART), ConsistentRead: true }),
  );
  return Item ? stripKeys<ResultSignatureRecord>(Item) : undefined;
}

/** The signed result among a case's parts. */
export function resultSignatureOf(parts: readonly CasePart[]): ResultSignatureRecord | undefined {
  return parts.find((part): part is CasePart & ResultSignatureRecord => part.type === 'result-signature');
}

/** Transaction item: the result signed or given up, only while it is pending (a stream record read twice). */
export function settleSignatureItem(
  caseCode: string,
  outcome: Pick<ResultSignatureRecord, 'state' | 'signed' | 'problem'>,
): TransactItem {
  const { sets, names, values } = assignments(outcome);
  return {
    Update: {
      TableName,
      Key: casePartKey(caseCode, RESULT_PART),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: '#state = :pending',
      ExpressionAttributeNames: { ...names, '#state': 'state' },
      ExpressionAttributeValues: { ...values, ':pending': 'pending' },
    },
  };
}

/** Transaction item: a document this platform issued, found again by its digest. */
export function registerIssuedItem(record: IssuedDocumentRecord): TransactItem {
  return putNew({ ...issuedKey(record.sha256), ...record });
}

export async function findIssuedDocument(sha256: string): Promise<IssuedDocumentRecord | undefined> {
  const { Item } = await dynamo.send(new GetCommand({ TableName, Key: issuedKey(sha256) }));
  return Item ? stripKeys<IssuedDocumentRecord>(Item) : undefined;
}
