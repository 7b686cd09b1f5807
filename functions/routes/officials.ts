// Routes of officials: their agency's queue, a case with its documents, and actions on it.
import * as api from '../../schemas/api';
import { defineRoutes } from './define';

const OFFICIALS = ['official', 'admin'] as const;

/** The queue: read most often, and touching no document, it has a function of its own. */
export const queueRoutes = defineRoutes('functions/http/queue.ts', {
  listQueue: {
    method: 'GET',
    path: '/api/queue',
    group: 'queue',
    roles: OFFICIALS,
    request: { query: api.queueQuery },
    responses: { 200: { description: 'One page of the queue', body: api.queuePage } },
    openapi: {
      summary: "The official's agency queue",
      description: 'Soonest deadline first (for `submitted`, oldest first). `admin` may pass `agencyId`.',
      tag: 'Officials',
    },
  },
});

export const officialRoutes = defineRoutes('functions/http/officials.ts', {
  getCase: {
    method: 'GET',
    path: '/api/cases/{code}',
    group: 'official',
    roles: OFFICIALS,
    request: { params: api.caseCodeParams },
    responses: { 200: { description: 'The case', body: api.officialCaseView } },
    openapi: {
      summary: 'A case of the official’s agency',
      description: 'With the applicant and a short-lived `downloadUrl` per document.',
      tag: 'Officials',
    },
  },
  actOnCase: {
    method: 'POST',
    path: '/api/cases/{code}/actions',
    group: 'official',
    roles: OFFICIALS,
    request: { params: api.caseCodeParams, body: api.caseActionRequest },
    responses: { 200: { description: 'The case after the action', body: api.officialCaseView } },
    openapi: {
      summary: 'Act on a case',
      description:
        'receive, reject, request_supplement, approve, deny, issue_result. Each accepted action appends one ' +
        'event and bumps `version`.',
      tag: 'Officials',
      problems: [409],
    },
  },
});
