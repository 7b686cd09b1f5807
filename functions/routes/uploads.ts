// The route that hands out a presigned POST for one document.
import * as api from '../../schemas/api';
import { defineRoutes } from './define';

export const uploadRoutes = defineRoutes('functions/http/uploads.ts', {
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
});
