// Handler of the public statistics (no sign-in, no personal data).
import { statistics } from '../cases/statistics';
import { ok, route } from '../commons/http';
import { statisticsRoutes as routes } from '../routes/statistics';

export const getStatistics = route(routes.getStatistics, async (req) =>
  ok(await statistics(req.query, req.now)),
);
