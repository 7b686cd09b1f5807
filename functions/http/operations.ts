// Health check and the OpenAPI document.
import { buildOpenApiDocument } from '../../schemas/openapi';
import { route } from '../commons/http';
import { pingTable } from '../storage/dynamo';

export const health = route({}, async () => {
  await pingTable();
  return { status: 200, body: { status: 'ok' } };
});

export const openApi = route({}, async () => ({
  status: 200,
  body: buildOpenApiDocument(),
  headers: { 'cache-control': 'public, max-age=300' },
}));
