// What the agency's officials see of a case: the applicant and short-lived links to each document.
import { downloadUrl } from '../documents/uploads';
import { isOverdue } from '../domain/deadline';
import type { CaseRecord, EventRecord } from '../storage/records';
import { caseView, publicDocument } from './views';

/** The Case plus the applicant and short-lived download links, for the agency's officials. */
export async function officialCaseView(record: CaseRecord, events: readonly EventRecord[]) {
  const documents = await Promise.all(
    record.documents.map(async (d) => ({ ...publicDocument(d), downloadUrl: await downloadUrl(d) })),
  );
  return { ...caseView(record, events), applicant: record.applicant, documents, overdue: isOverdue(record) };
}
