// The officials of each agency that the platform knows of: whom a case can be assigned to.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { queryAll, stripKeys, TableName } from './dynamo';
import type { OfficialRecord } from './records';

/**
 * One partition per agency. Officials are people of the identity provider (Cognito, or the local demo accounts),
 * which cannot list users by a custom attribute; so an official is listed here from their first use of the
 * console, under the name their token carries.
 */
const agencyOfficialsPartition = (agencyId: string) => `AGENCY#${agencyId}#OFFICIALS`;
const officialSortKey = (id: string) => `OFFICIAL#${id}`;

/** Who was written already by this process, with which name: a warm function writes each official once. */
const remembered = new Map<string, string>();

/** Lists an official in their agency (or renames them), once per process. */
export async function rememberOfficial(official: Omit<OfficialRecord, 'type'>): Promise<void> {
  const key = `${official.agencyId}|${official.id}`;
  if (remembered.get(key) === official.name) return;
  await dynamo.send(
    new PutCommand({
      TableName,
      Item: {
        pk: agencyOfficialsPartition(official.agencyId),
        sk: officialSortKey(official.id),
        type: 'official',
        ...official,
      },
    }),
  );
  remembered.set(key, official.name);
}

/** The officials of an agency, by name in Vietnamese order. */
export async function listAgencyOfficials(agencyId: string): Promise<OfficialRecord[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': agencyOfficialsPartition(agencyId), ':prefix': 'OFFICIAL#' },
  });
  return items
    .map((item) => stripKeys<OfficialRecord>(item))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.id.localeCompare(b.id));
}

/** One official of an agency, if known. */
export async function findAgencyOfficial(agencyId: string, id: string): Promise<OfficialRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({
      TableName,
      Key: { pk: agencyOfficialsPartition(agencyId), sk: officialSortKey(id) },
    }),
  );
  return Item ? stripKeys<OfficialRecord>(Item) : undefined;
}
