// Draft records: an applicant's half-done application of one procedure, its keys, its items and its queries.
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { queryAll, stripKeys, TableName, type TransactItem } from './dynamo';
import type { DraftRecord } from './records';

const DRAFT_PREFIX = 'DRAFT#';
/** An applicant's drafts share a partition, so that "my drafts" is one query. */
const draftKey = (ownerId: string, procedureId: string) => ({
  pk: `DRAFTS#${ownerId}`,
  sk: `${DRAFT_PREFIX}${procedureId}`,
});

/** TTL deletion lags behind (up to days): an expired draft is gone, whether or not DynamoDB removed it yet. */
const alive = (record: DraftRecord, nowSeconds: number) => record.expiresAt > nowSeconds;

/** Transaction item: the draft as it now stands, replacing the one before (last writer wins). */
export function putDraftItem(record: DraftRecord): TransactItem {
  return { Put: draftPut(record) };
}

const draftPut = (record: DraftRecord) => ({
  TableName,
  Item: { ...draftKey(record.ownerId, record.procedureId), ...record },
});

/**
 * The draft as it now stands, alone: a draft that names no upload needs no transaction, and a single write costs
 * half of a transaction's write units (a draft is saved at every step of the wizard).
 */
export async function putDraft(record: DraftRecord): Promise<void> {
  await dynamo.send(new PutCommand(draftPut(record)));
}

/** Transaction item of a submission: the applicant's draft of the procedure goes (if there is one). */
export function deleteDraftItem(ownerId: string, procedureId: string): TransactItem {
  return { Delete: { TableName, Key: draftKey(ownerId, procedureId) } };
}

export async function getDraft(
  ownerId: string,
  procedureId: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<DraftRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName, Key: draftKey(ownerId, procedureId), ConsistentRead: true }),
  );
  const record = Item ? stripKeys<DraftRecord>(Item) : undefined;
  return record && alive(record, nowSeconds) ? record : undefined;
}

/**
 * Every live draft of an applicant, most recently changed first. At most one per procedure of the catalogue, so
 * the partition stays small and is sorted here rather than by an index.
 */
export async function listDrafts(
  ownerId: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<DraftRecord[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :draft)',
    ExpressionAttributeValues: { ':pk': draftKey(ownerId, '').pk, ':draft': DRAFT_PREFIX },
    ConsistentRead: true,
  });
  return items
    .map((item) => stripKeys<DraftRecord>(item))
    .filter((record) => alive(record, nowSeconds))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

export async function deleteDraft(ownerId: string, procedureId: string): Promise<void> {
  await dynamo.send(new DeleteCommand({ TableName, Key: draftKey(ownerId, procedureId) }));
}
