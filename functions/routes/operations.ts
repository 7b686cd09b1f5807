// Routes of operations: health and the OpenAPI document.
import * as api from '../../schemas/api';
import { defineRoutes } from './define';

export const healthRoutes = /* @__PURE__ */ defineRoutes('functions/http/health.ts', {
  health: {
    method: 'GET',
    path: '/api/health',
    // With a function that reads the table, so that the catalogue's needs no table access at all.
    group: 'tracking',
    request: {},
    responses: { 200: { description: 'Up', body: api.health } },
    openapi: { summary: 'Health check', description: 'Answers once storage answers.', tag: 'Operations' },
  },
});

export const openApiRoutes = /* @__PURE__ */ defineRoutes('functions/http/openapi.ts', {
  openApi: {
    method: 'GET',
    path: '/api/openapi.json',
    group: 'public',
    request: {},
    responses: { 200: { description: 'OpenAPI 3.1 document of the contract', body: api.openApiDocument } },
    openapi: { summary: 'This OpenAPI document', tag: 'Operations' },
  },
});
