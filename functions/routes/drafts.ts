// Routes of drafts: an applicant's half-done applications, one per procedure, kept on the server for 30 days.
import * as api from '../../schemas/api';
import { limits } from '../commons/config';
import { defineRoutes } from './define';

const APPLICANTS = ['citizen', 'business'] as const;

/**
 * In a function of their own: drafts check their documents against the procedures' generated facts, not the
 * catalogue (a draft's data may be incomplete, so its form is not validated), and so carry neither the catalogue's
 * forms nor full zod, which the submissions' function needs (bench/bundle-budget.ts).
 */
export const draftRoutes = defineRoutes('functions/http/drafts.ts', {
  listDrafts: {
    method: 'GET',
    path: '/api/drafts',
    group: 'drafts',
    roles: APPLICANTS,
    request: {},
    responses: { 200: { description: 'The caller’s drafts, newest first', body: api.draftList } },
    openapi: {
      summary: "The caller's own drafts, most recently changed first",
      description: 'Drafts expire 30 days after their last change.',
      tag: 'Drafts',
    },
  },
  getDraft: {
    method: 'GET',
    path: '/api/drafts/{procedureId}',
    group: 'drafts',
    roles: APPLICANTS,
    request: { params: api.draftParams },
    responses: { 200: { description: 'The draft', body: api.draftView } },
    openapi: {
      summary: "The caller's draft of a procedure",
      description: '404 when there is none.',
      tag: 'Drafts',
    },
  },
  saveDraft: {
    method: 'PUT',
    path: '/api/drafts/{procedureId}',
    group: 'drafts',
    roles: APPLICANTS,
    request: { params: api.draftParams, body: api.draftRequest, maxBodyBytes: limits.maxDraftBodyBytes },
    responses: { 200: { description: 'The draft as stored', body: api.draftView } },
    openapi: {
      summary: "Save the caller's draft of a procedure",
      description:
        'One draft per applicant and procedure; the body replaces the draft (last writer wins). `data` may be ' +
        'incomplete: only its JSON shape is checked, and the body is at most 256 KB (else 413). Each upload named ' +
        "in `documents` must be the caller's, made for that procedure and document type, not yet part of a case " +
        'and not expired (else 400 on `documents[i].uploadId`, nothing stored); it then lives as long as the ' +
        'draft. A draft expires 30 days after its last change; a submission of the procedure removes it.',
      tag: 'Drafts',
    },
  },
  deleteDraft: {
    method: 'DELETE',
    path: '/api/drafts/{procedureId}',
    group: 'drafts',
    roles: APPLICANTS,
    request: { params: api.draftParams },
    responses: { 204: { description: 'Deleted (or there was none)' } },
    openapi: {
      summary: "Delete the caller's draft of a procedure",
      description: 'Answers 204 whether or not there was a draft.',
      tag: 'Drafts',
    },
  },
});
