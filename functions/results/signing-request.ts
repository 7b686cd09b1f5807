// Asking for a result to be signed: the item `issue_result` writes in its transaction, which wakes the signer.
import type { TransactItem } from '../storage/dynamo';
import type { CaseRecord, StoredDocument } from '../storage/records';
import { requestSignatureItem } from '../storage/signed-results';

/** Transaction item: sign `document`, the result of `record`, as soon as the change is stored. */
export function signatureRequestItem(record: CaseRecord, document: StoredDocument, at: string): TransactItem {
  return requestSignatureItem({
    type: 'result-signature',
    caseCode: record.code,
    agencyId: record.agencyId,
    state: 'pending',
    source: document,
    requestedAt: at,
  });
}
