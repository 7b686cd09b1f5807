// Routes of applicants: list, read and withdraw their cases; submit, and answer a supplement request.
import * as api from '../../schemas/api';
import { defineRoutes } from './define';

const APPLICANTS = ['citizen', 'business'] as const;

export const applicationRoutes = /* @__PURE__ */ defineRoutes('functions/http/applications.ts', {
  listApplications: {
    method: 'GET',
    path: '/api/applications',
    group: 'applicant',
    roles: APPLICANTS,
    request: { query: api.applicationListQuery },
    responses: { 200: { description: 'One page of cases', body: api.caseSummaryPage } },
    openapi: {
      summary: "The caller's own cases, newest first",
      description:
        'For systems that poll: `status` keeps the cases in that status, `updatedSince` those changed at or ' +
        'after that time. Filtered pages may hold fewer than `limit` cases; follow `nextCursor` to the end.',
      tag: 'Applications',
    },
  },
  getApplication: {
    method: 'GET',
    path: '/api/applications/{code}',
    group: 'applicant',
    roles: APPLICANTS,
    request: { params: api.caseCodeParams },
    responses: { 200: { description: 'The case', body: api.caseView } },
    openapi: { summary: 'One of the caller’s cases', tag: 'Applications' },
  },
  withdrawApplication: {
    method: 'POST',
    path: '/api/applications/{code}/withdraw',
    group: 'applicant',
    roles: APPLICANTS,
    request: { params: api.caseCodeParams, body: api.withdrawRequest },
    responses: { 200: { description: 'The case', body: api.caseView } },
    openapi: {
      summary: 'Withdraw an application',
      description: '409 once a decision is made.',
      tag: 'Applications',
      problems: [409],
    },
  },
});

/** Submissions and supplements: they check and claim uploads, so they live in their own function. */
export const submissionRoutes = /* @__PURE__ */ defineRoutes('functions/http/submissions.ts', {
  submitApplication: {
    method: 'POST',
    path: '/api/applications',
    group: 'submit',
    roles: APPLICANTS,
    request: { headers: api.idempotencyHeaders, body: api.applicationRequest },
    responses: {
      201: {
        description: 'Accepted: `submitted`, or `awaiting_payment` for a level-4 procedure with a fee',
        body: api.submitResponse,
        headers: {
          Location: 'URL of the new case',
          'Idempotent-Replayed':
            '`true` when this is the stored answer to an earlier request with the same key',
        },
      },
    },
    openapi: {
      summary: 'Submit an application',
      description:
        '`data` is checked against the procedure form (`ProcedureForm.<procedureId>`), documents against its ' +
        'list. The same `Idempotency-Key` with the same body answers the first response again.',
      tag: 'Applications',
      problems: [409],
    },
  },
  answerSupplement: {
    method: 'POST',
    path: '/api/applications/{code}/supplement',
    group: 'submit',
    roles: APPLICANTS,
    request: { params: api.caseCodeParams, body: api.supplementAnswer },
    responses: { 200: { description: 'The case', body: api.caseView } },
    openapi: {
      summary: 'Answer a supplement request',
      description: 'The case goes back to the status it had before the request. 409 when none was requested.',
      tag: 'Applications',
      problems: [409],
    },
  },
});
