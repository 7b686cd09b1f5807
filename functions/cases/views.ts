// What each audience sees of a case (the applicant, the agency's officials, the public), typed by the contract.
import type { Case, CaseSummary, Tracking } from '../../schemas/api';
import { availableForms } from '../domain/case-forms';
import type { LocalizedText } from '../domain/types';
import { resultDownloadUrl } from '../results/links';
import type { ApplicantCaseRecord, CasePart } from '../storage/cases';
import { paymentsOf } from '../storage/payments';
import type { CaseRecord, EventRecord, StoredDocument } from '../storage/records';
import { resultSignatureOf } from '../storage/signed-results';

type PublicDocument = Case['documents'][number];

export const publicDocument = ({
  documentType,
  fileName,
  contentType,
  size,
}: StoredDocument): PublicDocument => ({
  documentType,
  fileName,
  contentType,
  size,
});

const inOrder = (events: readonly EventRecord[]) => [...events].sort((a, b) => a.seq - b.seq);

const eventView = (e: EventRecord): Case['history'][number] => ({
  at: e.at,
  status: e.status,
  action: e.action,
  actor: { role: e.actor.role, ...(e.actor.name ? { name: e.actor.name } : {}) },
  ...(e.note ? { note: e.note } : {}),
});

/** The latest payment attempt, as the case shows it. */
function paymentView(parts: readonly CasePart[]): Case['payment'] {
  const latest = paymentsOf(parts).at(-1);
  if (!latest) return undefined;
  return {
    status: latest.status,
    amount: latest.amount,
    ...(latest.paidAt ? { paidAt: latest.paidAt } : {}),
    ...(latest.transactionNo ? { transactionNo: latest.transactionNo } : {}),
    ...(latest.status === 'pending' ? { expiresAt: latest.expiresAt } : {}),
  };
}

/** The result's signing, once asked for: its state and, once signed, the signed file and its links. */
function signedResultView(code: string, parts: readonly CasePart[]): Partial<NonNullable<Case['result']>> {
  const signature = resultSignatureOf(parts);
  if (!signature) return {};
  const { signed } = signature;
  if (signature.state !== 'signed' || !signed) return { signature: signature.state };
  return {
    signature: 'signed',
    fileName: signature.source.fileName,
    size: signed.size,
    sha256: signed.sha256,
    signedAt: signed.signedAt,
    signer: { name: signed.signer.name, agency: signed.signer.agency },
    downloadUrl: resultDownloadUrl(code),
    verifyUrl: signed.verifyUrl,
  };
}

/** The Case of the contract, as its owner sees it; `parts` (payments, signed result) as loaded with it. */
export function caseView(
  record: CaseRecord,
  events: readonly EventRecord[],
  parts: readonly CasePart[] = [],
): Case {
  const { supplementRequest, result } = record;
  const payment = paymentView(parts);
  return {
    code: record.code,
    procedureId: record.procedureId,
    procedureName: record.procedureName,
    status: record.status,
    version: record.version,
    data: record.data,
    documents: record.documents.map(publicDocument),
    submittedAt: record.submittedAt,
    dueAt: record.dueAt,
    updatedAt: record.updatedAt,
    history: inOrder(events).map(eventView),
    forms: availableForms(record, 'applicant'),
    ...(supplementRequest
      ? {
          supplementRequest: {
            at: supplementRequest.at,
            ...(supplementRequest.note ? { note: supplementRequest.note } : {}),
            items: supplementRequest.items.map((item) => ({ ...item })),
          },
        }
      : {}),
    ...(result
      ? {
          result: {
            issuedAt: result.issuedAt,
            ...(result.note ? { note: result.note } : {}),
            ...(result.document ? { document: publicDocument(result.document) } : {}),
            ...signedResultView(record.code, parts),
          },
        }
      : {}),
    ...(payment ? { payment } : {}),
  };
}

/** A line of the applicant's list, from what the applicant's index carries. */
export function caseSummary(record: ApplicantCaseRecord): CaseSummary {
  return {
    code: record.code,
    procedureId: record.procedureId,
    procedureName: record.procedureName,
    status: record.status,
    submittedAt: record.submittedAt,
    dueAt: record.dueAt,
    updatedAt: record.updatedAt,
  };
}

/** What anyone with the code and PIN sees: where the case stands, and no personal data. */
export function trackingView(
  record: CaseRecord,
  events: readonly EventRecord[],
  agencyName: LocalizedText,
): Tracking {
  return {
    code: record.code,
    procedure: { id: record.procedureId, name: record.procedureName },
    agency: { id: record.agencyId, name: agencyName },
    status: record.status,
    submittedAt: record.submittedAt,
    dueAt: record.dueAt,
    history: inOrder(events).map((e) => ({ at: e.at, status: e.status })),
  };
}
