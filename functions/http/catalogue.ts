// Public catalogue routes: the procedures, searchable without diacritics, and each one's public page.
import * as z from 'zod';
import { findProcedure, procedureDetail, procedureSummary, searchProcedures } from '../../schemas/catalogue';
import { route } from '../commons/http';
import { NotFoundError } from '../domain/errors';

const catalogueQuery = z.object({ q: z.string().max(200).optional() });
// The catalogue changes with a deployment only: let browsers and CloudFront keep it a little while.
const cacheable = { 'cache-control': 'public, max-age=300' };

export const listProcedures = route({ query: catalogueQuery }, async (req) => ({
  status: 200,
  body: { items: searchProcedures(req.query.q).map(procedureSummary) },
  headers: cacheable,
}));

export const getProcedure = route({}, async (req) => {
  const procedure = findProcedure(req.params.id ?? '');
  if (!procedure) throw new NotFoundError('procedure');
  return { status: 200, body: procedureDetail(procedure), headers: cacheable };
});
