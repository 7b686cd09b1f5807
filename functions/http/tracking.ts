// Handler of public tracking of a case by its code and PIN, without signing in.
import { trackCase as track } from '../cases/tracking';
import { ok, route } from '../commons/http';
import { trackingRoutes as routes } from '../routes/tracking';

export const trackCase = route(routes.trackCase, async (req) =>
  ok(await track(req.params.code, req.query.pin, req.sourceIp)),
);
