// The routes of uploads: a presigned POST for one document, and the verdict on the file posted with it.
import * as api from '../../schemas/api';
import { defineRoutes } from './define';

export const uploadRoutes = /* @__PURE__ */ defineRoutes('functions/http/uploads.ts', {
  createUpload: {
    method: 'POST',
    path: '/api/uploads',
    group: 'uploads',
    roles: ['citizen', 'business', 'official', 'admin'],
    request: { body: api.uploadRequest },
    responses: { 201: { description: 'Presigned POST', body: api.uploadResponse } },
    openapi: {
      summary: 'Get a presigned POST for one document',
      description:
        'Post `multipart/form-data` with `fields`, then `file`, to `url`. The upload counts only once an ' +
        'accepted application names it.',
      tag: 'Uploads',
    },
  },
  getUploadStatus: {
    method: 'GET',
    path: '/api/uploads/{uploadId}',
    group: 'uploads',
    roles: ['citizen', 'business', 'official', 'admin'],
    request: { params: api.uploadIdParams },
    responses: { 200: { description: 'The upload and its verdict', body: api.uploadStatus } },
    openapi: {
      summary: "An upload's status: pending, verified or rejected",
      description:
        'Each file is checked as it lands in storage: its real size against the declared one, its real type by ' +
        "its first bytes and, on AWS where the malware scan is on, GuardDuty's scan. `pending` until then " +
        '(or until anything is posted), then `verified` or `rejected` with its `problems`. A file posted again ' +
        'with the same form is checked again. An upload that a case has claimed reads `verified`. The uploader ' +
        'only: anyone else gets 404, as for an unknown id.',
      tag: 'Uploads',
    },
  },
});
