// What each audience sees of a case (the applicant, the agency's officials, the public), typed by the contract.
import type { Case, CaseSummary, OfficialCase, QueueItem, Tracking } from '../../schemas/api';
import { vietnamCalendar } from '../domain/calendar';
import { availableForms } from '../domain/case-forms';
import { isOverdue, workingDaysLeft } from '../domain/deadline';
import type { LocalizedText } from '../domain/types';
import type { QueueRecord } from '../storage/cases';
import type { CaseRecord, EventRecord, StoredDocument } from '../storage/records';

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

/** The Case of the contract, as its owner sees it. */
export function caseView(record: CaseRecord, events: readonly EventRecord[]): Case {
  const { supplementRequest, result } = record;
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
          },
        }
      : {}),
  };
}

/** The Case as the agency's officials see it, given each document's short-lived download link. */
export function officialView(
  record: CaseRecord,
  events: readonly EventRecord[],
  downloadUrls: readonly string[],
  now: Date = new Date(),
): OfficialCase {
  return {
    ...caseView(record, events),
    applicant: { ...record.applicant },
    documents: record.documents.map((d, i) => ({ ...publicDocument(d), downloadUrl: downloadUrls[i] ?? '' })),
    overdue: isOverdue(record, now),
    forms: availableForms(record, 'official'),
    ...deadlineView(record, now),
    ...(record.receivedAt ? { receivedAt: record.receivedAt } : {}),
    ...(record.extensions?.length
      ? {
          extensions: record.extensions.map((e) => ({
            at: e.at,
            previousDueAt: e.previousDueAt,
            dueAt: e.dueAt,
            reason: e.reason,
            by: { id: e.by.id, name: e.by.name },
          })),
        }
      : {}),
  };
}

/** The deadline's state and the hand-off, as the queue and the case page show them. */
function deadlineView(record: Pick<CaseRecord, 'status' | 'dueAt' | 'assignee'>, now: Date) {
  const left = workingDaysLeft(record, now, vietnamCalendar);
  return {
    ...(record.assignee ? { assignee: { id: record.assignee.id, name: record.assignee.name } } : {}),
    ...(left !== undefined ? { workingDaysLeft: left } : {}),
  };
}

export function caseSummary(record: CaseRecord): CaseSummary {
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

export function queueItem(record: QueueRecord, now: Date = new Date()): QueueItem {
  return {
    code: record.code,
    procedureId: record.procedureId,
    procedureName: record.procedureName,
    applicantName: record.applicantName,
    status: record.status,
    submittedAt: record.submittedAt,
    dueAt: record.dueAt,
    overdue: isOverdue(record, now),
    version: record.version,
    ...deadlineView(record, now),
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
