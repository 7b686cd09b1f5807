// What the agency's officials see of a case: the view with a short-lived link to each document, and one document.
import type { DocumentLink, OfficialCase } from '../../schemas/api';
import { limits } from '../commons/config';
import { downloadUrl } from '../documents/downloads';
import { availableForms } from '../domain/case-forms';
import { isOverdue } from '../domain/deadline';
import { NotFoundError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { toVietnamIso } from '../domain/vietnam-time';
import type { CasePart } from '../storage/cases';
import type { CaseRecord, EventRecord } from '../storage/records';
import { recordRead } from './audit';
import { deadlineView } from './deadline-view';
import { loadVisibleCase } from './queries';
import { caseView, publicDocument } from './views';

/** Apart from views.ts because signing links needs the S3 client, which the applicant's views do not. */
export async function officialCaseView(
  record: CaseRecord,
  events: readonly EventRecord[],
  parts: readonly CasePart[] = [],
  now: Date = new Date(),
): Promise<OfficialCase> {
  return officialView(record, events, await Promise.all(record.documents.map(downloadUrl)), parts, now);
}

/** One document of a case, its download recorded in the audit trail before the link is given. */
export async function openDocument(
  principal: Principal,
  code: string,
  index: number,
  now: Date,
): Promise<DocumentLink> {
  const { record } = await loadVisibleCase(principal, code);
  const document = record.documents[index];
  if (!document) throw new NotFoundError('document');
  await recordRead(
    principal,
    record.code,
    'download',
    now,
    `document ${index + 1}: ${document.documentType}, ${document.fileName}`,
  );
  return {
    ...publicDocument(document),
    url: await downloadUrl(document),
    // The link's signature runs on the real clock, whatever moment the request was handled at.
    expiresAt: toVietnamIso(new Date(Date.now() + limits.downloadUrlTtlSeconds * 1000)),
  };
}

/** The Case as the agency's officials see it, given each document's short-lived download link. */
export function officialView(
  record: CaseRecord,
  events: readonly EventRecord[],
  downloadUrls: readonly string[],
  parts: readonly CasePart[] = [],
  now: Date = new Date(),
): OfficialCase {
  return {
    ...caseView(record, events, parts),
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
