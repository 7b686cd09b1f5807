// The public statistics route (no sign-in, no personal data): read-only, from counters.
import * as api from '../../schemas/api';
import { defineRoutes } from './define';

export const statisticsRoutes = /* @__PURE__ */ defineRoutes('functions/http/statistics.ts', {
  getStatistics: {
    method: 'GET',
    path: '/api/stats',
    group: 'stats',
    request: { query: api.statsQuery },
    responses: { 200: { description: 'The figures per agency and procedure', body: api.statistics } },
    openapi: {
      summary: 'Public statistics: received, resolved on time and late, pending and overdue',
      description:
        'Per agency and procedure, over whole months (the answer’s `from` and `to` say which): `received` and ' +
        '`resolved` count what happened in the period; `pending` and `pendingOverdue` are the cases received in ' +
        'the period that are still being handled now. From counters a consumer of the table’s stream keeps per ' +
        'agency, procedure and month, so the cost does not grow with the number of cases.',
      tag: 'Statistics',
    },
  },
});
