// Routes of an agency's queue and its tab counts: read most often, by a function of their own.
import * as api from '../../schemas/api';
import { defineRoutes } from './define';

const OFFICIALS = ['official', 'admin'] as const;

/** The queue: read most often, and touching no document, it has a function of its own. */
export const queueRoutes = /* @__PURE__ */ defineRoutes('functions/http/queue.ts', {
  listQueue: {
    method: 'GET',
    path: '/api/queue',
    group: 'queue',
    roles: OFFICIALS,
    request: { query: api.queueQuery },
    responses: { 200: { description: 'One page of the queue', body: api.queuePage } },
    openapi: {
      summary: "The official's agency queue",
      description:
        'Soonest deadline first (for `submitted`, oldest first), so overdue cases come first. `admin` may pass ' +
        '`agencyId`. `procedureId` and `assignee` (`me`, `none` or an official’s id) narrow it; each combination ' +
        'is read from an index of its own, so a filtered page costs what an unfiltered one does.',
      tag: 'Officials',
    },
  },
  countQueue: {
    method: 'GET',
    path: '/api/queue/counts',
    group: 'queue',
    roles: OFFICIALS,
    request: { query: api.queueCountsQuery },
    responses: { 200: { description: 'Cases per status', body: api.queueCounts } },
    openapi: {
      summary: 'How many cases each tab of the queue holds',
      description:
        'Under the same filters as `GET /api/queue`. Counted by a consumer of the table’s stream, so a count may ' +
        'lag a change by a second or so; reading it costs the same however many cases there are.',
      tag: 'Officials',
    },
  },
});
