// Health check and the OpenAPI document.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { buildOpenApiDocument } from '../../schemas/openapi';
import { dynamo } from '../commons/clients';
import { config } from '../commons/config';
import { route } from '../commons/http';

export const health = route({}, async () => {
  // Any answer from the table, even "no such item", shows storage is up.
  await dynamo.send(new GetCommand({ TableName: config.tableName, Key: { pk: 'HEALTH', sk: 'HEALTH' } }));
  return { status: 200, body: { status: 'ok' } };
});

export const openApi = route({}, async () => ({
  status: 200,
  body: buildOpenApiDocument(),
  headers: { 'cache-control': 'public, max-age=300' },
}));
