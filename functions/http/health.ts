// Handler of the health check: up once storage answers.
import { ok, route } from '../commons/http';
import { healthRoutes as routes } from '../routes/operations';
import { pingTable } from '../storage/dynamo';

export const health = route(routes.health, async () => {
  await pingTable();
  return ok({ status: 'ok' });
});
