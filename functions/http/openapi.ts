// Handler of the OpenAPI document, built from the route entries on first request.
import { buildOpenApiDocument } from '../../schemas/openapi';
import { ok, route } from '../commons/http';
import { openApiRoutes as routes } from '../routes/operations';

export const openApi = route(routes.openApi, async () =>
  ok(buildOpenApiDocument() as unknown as Record<string, unknown>, {
    'cache-control': 'public, max-age=300',
  }),
);
