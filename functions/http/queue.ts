// Handler of an agency's queue, for its officials (no document storage involved).
import { listQueue as queue } from '../cases/queries';
import { ok, route } from '../commons/http';
import { queueRoutes as routes } from '../routes/officials';

export const listQueue = route(routes.listQueue, async (req) => ok(await queue(req.principal, req.query)));
