// What the agency's officials see of a case: the view with a short-lived link to each document.
import type { OfficialCase } from '../../schemas/api';
import { downloadUrl } from '../documents/downloads';
import type { CasePart } from '../storage/cases';
import type { CaseRecord, EventRecord } from '../storage/records';
import { officialView } from './views';

/** Apart from views.ts because signing links needs the S3 client, which the applicant's views do not. */
export async function officialCaseView(
  record: CaseRecord,
  events: readonly EventRecord[],
  parts: readonly CasePart[] = [],
): Promise<OfficialCase> {
  return officialView(record, events, await Promise.all(record.documents.map(downloadUrl)), parts);
}
