// Routes of operations: health and the OpenAPI document.
import * as api from '../../schemas/api';
import { defineRoutes } from './define';

export const operationRoutes = defineRoutes('functions/http/operations.ts', {
  health: {
    method: 'GET',
    path: '/api/health',
    group: 'public',
    request: {},
    responses: { 200: { description: 'Up', body: api.health } },
    openapi: { summary: 'Health check', description: 'Answers once storage answers.', tag: 'Operations' },
  },
  openApi: {
    method: 'GET',
    path: '/api/openapi.json',
    group: 'public',
    request: {},
    responses: { 200: { description: 'OpenAPI 3.1 document of the contract', body: api.openApiDocument } },
    openapi: { summary: 'This OpenAPI document', tag: 'Operations' },
  },
});
