// The audit trail of a case: each official's read of its personal data and each action, in the case's partition.
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { casePartition } from './cases';
import {
  type Page,
  putNew,
  queryAll,
  queryIndexPage,
  stripKeys,
  TABLE_KEY,
  TableName,
  type TransactItem,
} from './dynamo';
import type { AgencyAuditRecord, AuditRecord } from './records';

const AUDIT_PREFIX = 'AUDIT#';

/**
 * In time order within the case's partition (stored times all carry +07:00, so they sort as strings); the random
 * tail keeps two entries of one millisecond apart. `AUDIT#` sorts before `CASE`, outside the range a case's
 * history is read from.
 */
const auditSortKey = (entry: { readonly at: string }) =>
  `${AUDIT_PREFIX}${entry.at}#${randomUUID().slice(0, 8)}`;

function auditItem(entry: AuditRecord) {
  return { pk: casePartition(entry.caseCode), sk: auditSortKey(entry), ...entry };
}

/** Transaction item: an audit entry written with the change it records (an action). */
export function auditEntryItem(entry: AuditRecord): TransactItem {
  return putNew(auditItem(entry));
}

/**
 * Writes one entry and resolves once it is stored. A read is answered only after this resolves: if the trail
 * cannot be written, the read fails rather than go unrecorded.
 */
export async function recordAuditEntry(entry: AuditRecord): Promise<void> {
  await dynamo.send(new PutCommand({ TableName, Item: auditItem(entry) }));
}

/** The agency's own access log: reads of many cases at once (the register), in time order. */
const agencyAuditPartition = (agencyId: string) => `AGENCY#${agencyId}#AUDIT`;

/** Writes one entry of an agency's access log and resolves once it is stored (the read is answered only then). */
export async function recordAgencyAuditEntry(entry: AgencyAuditRecord): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName,
      Item: {
        pk: agencyAuditPartition(entry.agencyId),
        sk: auditSortKey(entry),
        ...entry,
      },
    }),
  );
}

/** One page of an agency's access log, oldest first. */
export function listAgencyAuditEntries(
  agencyId: string,
  limit: number,
  cursor?: string,
): Promise<Page<AgencyAuditRecord>> {
  return queryIndexPage(TABLE_KEY, agencyAuditPartition(agencyId), {
    limit,
    cursor,
    newestFirst: false,
    sortKey: { beginsWith: AUDIT_PREFIX },
  });
}

/** One page of a case's audit trail, oldest first. */
export function listAuditEntries(code: string, limit: number, cursor?: string): Promise<Page<AuditRecord>> {
  return queryIndexPage(TABLE_KEY, casePartition(code), {
    limit,
    cursor,
    newestFirst: false,
    sortKey: { beginsWith: AUDIT_PREFIX },
  });
}

/** The reads of a case (views and downloads), newest first, at most `max`: what its owner is shown. */
export async function listCaseReads(code: string, max: number): Promise<AuditRecord[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    FilterExpression: '#action IN (:view, :download)',
    ExpressionAttributeNames: { '#action': 'action' },
    ExpressionAttributeValues: {
      ':pk': casePartition(code),
      ':prefix': AUDIT_PREFIX,
      ':view': 'view',
      ':download': 'download',
    },
    ScanIndexForward: false,
  });
  return items.slice(0, max).map((item) => stripKeys<AuditRecord>(item));
}
