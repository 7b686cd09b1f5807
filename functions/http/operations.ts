// Handlers of operations: health and the OpenAPI document.
import { buildOpenApiDocument } from '../../schemas/openapi';
import { ok, route } from '../commons/http';
import { operationRoutes as routes } from '../routes/operations';
import { pingTable } from '../storage/dynamo';

export const health = route(routes.health, async () => {
  await pingTable();
  return ok({ status: 'ok' });
});

export const openApi = route(routes.openApi, async () =>
  ok(buildOpenApiDocument() as unknown as Record<string, unknown>, {
    'cache-control': 'public, max-age=300',
  }),
);
