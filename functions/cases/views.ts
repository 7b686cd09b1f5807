// What each audience sees of a case: the applicant, the agency's officials, and the public tracker.
import { isOverdue } from '../domain/deadline';
import type { CaseRecord, EventRecord, StoredDocument } from '../storage/records';

export const publicDocument = ({ documentType, fileName, contentType, size }: StoredDocument) => ({
  documentType,
  fileName,
  contentType,
  size,
});

const eventView = (e: EventRecord) => ({
  at: e.at,
  status: e.status,
  action: e.action,
  actor: { role: e.actor.role, ...(e.actor.name ? { name: e.actor.name } : {}) },
  ...(e.note ? { note: e.note } : {}),
});

/** The Case of the contract, as its owner sees it. */
export function caseView(record: CaseRecord, events: readonly EventRecord[]) {
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
    history: [...events].sort((a, b) => a.seq - b.seq).map(eventView),
    ...(record.supplementRequest ? { supplementRequest: record.supplementRequest } : {}),
    ...(record.result
      ? {
          result: {
            issuedAt: record.result.issuedAt,
            ...(record.result.note ? { note: record.result.note } : {}),
            ...(record.result.document ? { document: publicDocument(record.result.document) } : {}),
          },
        }
      : {}),
  };
}

export function caseSummary(record: CaseRecord) {
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

export function queueItem(record: CaseRecord) {
  return {
    code: record.code,
    procedureId: record.procedureId,
    procedureName: record.procedureName,
    applicantName: record.applicantName,
    status: record.status,
    submittedAt: record.submittedAt,
    dueAt: record.dueAt,
    overdue: isOverdue(record),
    version: record.version,
  };
}
