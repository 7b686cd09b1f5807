// The route of public tracking by case code and PIN.
import * as api from '../../schemas/api';
import { defineRoutes } from './define';

export const trackingRoutes = /* @__PURE__ */ defineRoutes('functions/http/tracking.ts', {
  trackCase: {
    method: 'GET',
    path: '/api/track/{code}',
    group: 'tracking',
    request: { params: api.caseCodeParams, query: api.trackQuery },
    responses: { 200: { description: 'Where the case stands', body: api.trackingView } },
    openapi: {
      summary: 'Track a case without signing in',
      description: 'No personal data. A wrong or missing PIN answers exactly as an unknown code.',
      tag: 'Tracking',
      problems: [429],
    },
  },
});
