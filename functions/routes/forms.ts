// Routes of the one-stop forms (Mẫu 01–06) as files: a function of their own, which carries the PDF library.
import * as api from '../../schemas/api';
import { defineRoutes } from './define';

const OFFICIALS = ['official', 'admin'] as const;

export const formRoutes = /* @__PURE__ */ defineRoutes('functions/http/forms.ts', {
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
