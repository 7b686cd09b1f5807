// Direct access to the runtime's table, for the few tests that must arrange what only time would (a supplement
// request that has stood for weeks). Everything else goes through the HTTP API.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';

/** The table the local runtime creates (local/runtime.ts's default). */
const TABLE_NAME = 'motcua';
// The storage modules read the table name when they load; the tests only borrow their key builders.
process.env.TABLE_NAME ??= TABLE_NAME;
const { caseKey } = await import('../../functions/storage/cases');
const { webhookKey } = await import('../../functions/storage/webhooks');
const { uploadKey } = await import('../../functions/storage/uploads');

let documents: DynamoDBDocumentClient | undefined;
function table(): DynamoDBDocumentClient {
  documents ??= DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: inject('dynamodbEndpoint'),
      region: 'ap-southeast-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  return documents;
}

/** Sets one attribute of a stored case, only if it still holds `expected` (nobody changed it meanwhile). */
export async function rewriteCaseAttribute(code: string, name: string, expected: unknown, value: unknown) {
  await table().send(
    new UpdateCommand({
      TableName: TABLE_NAME,
      Key: caseKey(code),
      UpdateExpression: 'SET #name = :value',
      ConditionExpression: '#name = :expected',
      ExpressionAttributeNames: { '#name': name },
      ExpressionAttributeValues: { ':value': value, ':expected': expected },
    }),
  );
}

/** Deletes a record by its key, as DynamoDB's TTL does when the record expires. */
export async function deleteItem(key: { pk: string; sk: string }) {
  await table().send(new DeleteCommand({ TableName: TABLE_NAME, Key: key }));
}

/** Reads one record by its key (consistently). */
export async function readItem(key: { pk: string; sk: string }) {
  const { Item } = await table().send(
    new GetCommand({ TableName: TABLE_NAME, Key: key, ConsistentRead: true }),
  );
  return Item;
}

/** Points a registered webhook at another URL, as a DNS change after registration would (rebinding). */
export async function repointWebhook(ownerId: string, webhookId: string, url: string) {
  await table().send(
    new UpdateCommand({
      TableName: TABLE_NAME,
      Key: webhookKey(ownerId, webhookId),
      UpdateExpression: 'SET #url = :url',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#url': 'url' },
      ExpressionAttributeValues: { ':url': url },
    }),
  );
}

/** An upload record's TTL (`expiresAt`, seconds since the epoch), as stored; undefined when it has none. */
export async function uploadExpiresAt(uploadId: string): Promise<number | undefined> {
  return (await readItem(uploadKey(uploadId)))?.expiresAt as number | undefined;
}
