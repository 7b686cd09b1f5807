// Handler of the QR code's verification lookup (by case code and token), without signing in.
import { ok, route } from '../commons/http';
import { verifyCase as verify } from '../results/verification';
import { verifyLookupRoutes as routes } from '../routes/verification';

export const verifyCase = route(routes.verifyCase, async (req) =>
  ok(await verify(req.params.code, req.query.t, req.sourceIp)),
);
