// Routes of signed results and their public verification (no sign-in): by the QR code's link, or a PDF as it is.
import * as api from '../../schemas/api';
import { defineRoutes } from './define';

/** `PDF_MAX_BYTES`: 4 MB, so that the PDF still fits a Lambda payload once API Gateway base64-encodes it. */
export const PDF_MAX_BYTES = 4 * 1024 * 1024;

/** The QR code's lookup: a small read, so it shares the tracking function (and its limits on guessing). */
export const verifyLookupRoutes = /* @__PURE__ */ defineRoutes('functions/http/verify-lookup.ts', {
  verifyCase: {
    method: 'GET',
    path: '/api/verify/{code}',
    group: 'tracking',
    request: { params: api.caseCodeParams, query: api.verifyQuery },
    responses: { 200: { description: 'What was issued for the case', body: api.verification } },
    openapi: {
      summary: 'Verify a case from its QR code',
      description:
        'Public. `t` is the token in the QR code printed on the case’s forms and results. Answers the case’s ' +
        'procedure, agency, status and the documents issued for it with their SHA-256, and no personal data. A ' +
        'wrong or missing token answers exactly as an unknown code (404); failures are rate-limited as ' +
        'tracking’s are (429).',
      tag: 'Verification',
      problems: [429],
    },
  },
});

/** Checking signatures needs pkijs (400 KB): a function of its own, apart from the interactive ones. */
export const verificationRoutes = /* @__PURE__ */ defineRoutes('functions/http/verification.ts', {
  verifyPdf: {
    method: 'POST',
    path: '/api/verify',
    group: 'verification',
    request: {
      rawBody: {
        contentTypes: ['application/pdf'],
        maxBytes: PDF_MAX_BYTES,
        description: 'The PDF to check, as it is (at most 4 MB)',
      },
    },
    responses: { 200: { description: 'The verdict, with every problem found', body: api.pdfVerification } },
    openapi: {
      summary: 'Verify a PDF: issued here, unaltered, validly signed?',
      description:
        'Public. `valid` is true when the PAdES signature covers the whole file and checks out, the signer is ' +
        'one of the platform’s certificates and the file is one the platform issued (then `code` names its ' +
        'case). Over 4 MB: 413. At most 60 checks per client in 15 minutes (429).',
      tag: 'Verification',
      problems: [429],
    },
  },
  downloadResult: {
    method: 'GET',
    path: '/api/results/{code}',
    group: 'verification',
    request: { params: api.caseCodeParams, query: api.resultDownloadQuery },
    responses: {
      302: {
        description: 'To the signed result in storage, for a minute',
        headers: { Location: 'A presigned link to the PDF' },
      },
    },
    openapi: {
      summary: 'Download a signed result by its short-lived link',
      description:
        'The `downloadUrl` of a case’s `result` (valid a few minutes). An expired or altered link answers 404.',
      tag: 'Verification',
    },
  },
});
