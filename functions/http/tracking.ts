// Public tracking of a case by its code and PIN, without signing in.
import { trackQuery } from '../../schemas/api';
import { trackCase as track } from '../cases/queries';
import { route } from '../commons/http';

export const trackCase = route({ query: trackQuery }, async (req) => ({
  status: 200,
  body: await track(req.params.code ?? '', req.query.pin, req.sourceIp),
}));
