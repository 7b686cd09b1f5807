// Handlers of the public catalogue: the procedures, searchable without diacritics, and each one's public page.
import { findProcedure, procedureDetail, procedureSummary, searchProcedures } from '../../schemas/catalogue';
import { ok, route } from '../commons/http';
import { NotFoundError } from '../domain/errors';
import { catalogueRoutes as routes } from '../routes/catalogue';

// The catalogue changes with a deployment only: let browsers and CloudFront keep it a little while.
const cacheable = { 'cache-control': 'public, max-age=300' };

export const listProcedures = route(routes.listProcedures, async (req) =>
  ok({ items: searchProcedures(req.query.q).map(procedureSummary) }, cacheable),
);

export const getProcedure = route(routes.getProcedure, async (req) => {
  const procedure = findProcedure(req.params.id);
  if (!procedure) throw new NotFoundError('procedure');
  return ok(procedureDetail(procedure), cacheable);
});
