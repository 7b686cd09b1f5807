// Handlers of an agency's queue and its tab counts (read-only: no document storage, no writes).
import { listQueue as queue } from '../cases/queue';
import { queueCounts } from '../cases/staff';
import { ok, route } from '../commons/http';
import { queueRoutes as routes } from '../routes/queue';

export const listQueue = route(routes.listQueue, async (req) =>
  ok(await queue(req.principal, req.query, req.now)),
);

export const countQueue = route(routes.countQueue, async (req) =>
  ok(await queueCounts(req.principal, req.query)),
);
