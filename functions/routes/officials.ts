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

export const officialRoutes = defineRoutes('functions/http/officials.ts', {
  listOfficials: {
    method: 'GET',
    path: '/api/officials',
    group: 'official',
    roles: OFFICIALS,
    request: { query: api.agencyQuery },
    responses: { 200: { description: 'The agency’s officials', body: api.officialList } },
    openapi: {
      summary: 'The officials of one’s agency, to assign cases to',
      description:
        'By name. An official is listed from their first use of this route (the console calls it when it opens), ' +
        'under the name their sign-in carries, and from then on can be assigned cases: the identity provider ' +
        'cannot list users by agency.',
      tag: 'Officials',
    },
  },
  getCase: {
    method: 'GET',
    path: '/api/cases/{code}',
    group: 'official',
    roles: OFFICIALS,
    request: { params: api.caseCodeParams },
    responses: { 200: { description: 'The case', body: api.officialCaseView } },
    openapi: {
      summary: 'A case of the official’s agency',
      description:
        'With the applicant and a short-lived `downloadUrl` per document. The read is recorded in the case’s ' +
        'audit trail (`view`) before the answer; if it cannot be recorded, the request fails.',
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
        'receive, reject, request_supplement, approve, deny, issue_result; and (version 2) `assign` ' +
        '(`assigneeId`, any open status) and `extend` (`dueAt` and `note`, from `processing`: a Mẫu 04 apology ' +
        'and its notification). Each accepted action appends one event, bumps `version` and is written to the ' +
        'audit trail in the same transaction.',
      tag: 'Officials',
      problems: [409],
    },
  },
  getCaseAudit: {
    method: 'GET',
    path: '/api/cases/{code}/audit',
    group: 'official',
    roles: OFFICIALS,
    request: { params: api.caseCodeParams, query: api.listQuery },
    responses: { 200: { description: 'The audit trail, oldest first', body: api.auditPage } },
    openapi: {
      summary: 'Who read or acted on a case, and when',
      description:
        'Every read of the case’s personal data by an official or admin (`view`, `download` of a document or a ' +
        'form) and every action, in order. Officials of the case’s agency, and admins.',
      tag: 'Officials',
    },
  },
  getCaseDocument: {
    method: 'GET',
    path: '/api/cases/{code}/documents/{index}',
    group: 'official',
    roles: OFFICIALS,
    request: { params: api.caseDocumentParams },
    responses: { 200: { description: 'A short-lived link to the file', body: api.documentLink } },
    openapi: {
      summary: 'Open one document of a case',
      description:
        'Records the download in the audit trail (naming the document), then answers a short-lived address of ' +
        'the file. The console opens documents this way, so that each one opened is in the trail.',
      tag: 'Officials',
    },
  },
});

/** The one-stop forms: their own function, which carries the PDF library and the embedded fonts. */
export const formRoutes = defineRoutes('functions/http/forms.ts', {
  getCaseForm: {
    method: 'GET',
    path: '/api/cases/{code}/forms/{form}',
    group: 'forms',
    roles: OFFICIALS,
    request: { params: api.caseFormParams },
    responses: {
      200: { description: 'The form, A4', body: api.fileBody, contentTypes: ['application/pdf'] },
    },
    openapi: {
      summary: 'A one-stop form of a case (Mẫu 01–05) as PDF',
      description:
        'In Vietnamese with an embedded font, with the agency, the case code and a QR code to ' +
        '`/verify?c=<code>&t=<token>`. 404 while the case has no such form (its `forms` lists those it has). ' +
        'The download is recorded in the audit trail.',
      tag: 'Officials',
    },
  },
  getApplicationForm: {
    method: 'GET',
    path: '/api/applications/{code}/forms/{form}',
    group: 'forms',
    roles: ['citizen', 'business'],
    request: { params: api.caseFormParams },
    responses: {
      200: { description: 'The form, A4', body: api.fileBody, contentTypes: ['application/pdf'] },
    },
    openapi: {
      summary: 'A one-stop form of one’s own case as PDF',
      description:
        'The owner only; `control-slip` is the agency’s own (404), as is any form the case has not.',
      tag: 'Applications',
    },
  },
  getRegister: {
    method: 'GET',
    path: '/api/register',
    group: 'forms',
    roles: OFFICIALS,
    request: { query: api.registerQuery },
    responses: {
      200: {
        description: 'The register (Mẫu 06) of the period',
        body: api.fileBody,
        contentTypes: ['application/pdf', 'text/csv'],
      },
    },
    openapi: {
      summary: 'The register of cases received in a period (Mẫu 06), PDF or CSV',
      description:
        'The cases the agency received (tiếp nhận) from `from` to `to` (Vietnam days, both included, at most ' +
        '366 days), in the order received. Officials: their own agency; `admin` passes `agencyId`.',
      tag: 'Officials',
    },
  },
});

export const statisticsRoutes = defineRoutes('functions/http/statistics.ts', {
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
