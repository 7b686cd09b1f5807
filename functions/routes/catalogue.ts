// Routes of the public catalogue: the procedures and each one's public page.
import * as api from '../../schemas/api';
import { defineRoutes } from './define';

export const catalogueRoutes = /* @__PURE__ */ defineRoutes('functions/http/catalogue.ts', {
  listProcedures: {
    method: 'GET',
    path: '/api/procedures',
    group: 'public',
    request: { query: api.catalogueQuery },
    responses: { 200: { description: 'Matching procedures', body: api.procedureList } },
    openapi: {
      summary: 'List or search the procedures',
      description: 'Search is insensitive to diacritics and case: "ho kinh doanh" finds "hộ kinh doanh".',
      tag: 'Catalogue',
    },
  },
  getProcedure: {
    method: 'GET',
    path: '/api/procedures/{id}',
    group: 'public',
    request: { params: api.procedureIdParams },
    responses: { 200: { description: 'The procedure', body: api.procedureDetail } },
    openapi: {
      summary: "A procedure's public page",
      description:
        '`form` is the JSON Schema 2020-12 of the application `data`, with `examples`; the same schemas are in ' +
        '`components.schemas` as `ProcedureForm.<id>`.',
      tag: 'Catalogue',
    },
  },
});
