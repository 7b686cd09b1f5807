// Routes of officials on one case: the case with its documents, actions, its audit trail; their colleagues.
// (The queue's routes are in queue.ts: its function carries only them.)
import * as api from '../../schemas/api';
import { defineRoutes } from './define';

const OFFICIALS = ['official', 'admin'] as const;

export const officialRoutes = /* @__PURE__ */ defineRoutes('functions/http/officials.ts', {
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
  getAgencyAudit: {
    method: 'GET',
    path: '/api/audit',
    group: 'official',
    roles: OFFICIALS,
    request: { query: api.agencyAuditQuery },
    responses: { 200: { description: 'The agency’s access log, oldest first', body: api.auditPage } },
    openapi: {
      summary: 'Who read many of the agency’s cases at once, and when',
      description:
        'Reads that list many cases’ personal data, recorded in the agency’s own log before they are answered: ' +
        'the register (Mẫu 06) downloaded (`download`, its period, format and number of cases in `detail`). ' +
        'A single case’s reads and actions are in its own trail (`/api/cases/{code}/audit`). Officials: their ' +
        'own agency; `admin` passes `agencyId`.',
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

/**
 * Acting on a case, in a function of its own: the transitions, upload claims and procedure facts it needs weigh
 * about 35 KB that the reads above would otherwise carry (bench/bundle-budget.ts).
 */
export const caseActionRoutes = /* @__PURE__ */ defineRoutes('functions/http/case-actions.ts', {
  actOnCase: {
    method: 'POST',
    path: '/api/cases/{code}/actions',
    group: 'case-actions',
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
});
