// Routes of the local runtime only, never deployed: demo sign-in, the notification outbox, a payment stand-in.
import * as api from '../../schemas/api';
import { defineRoutes } from './define';

export const demoSignInRoutes = /* @__PURE__ */ defineRoutes('local/demo-routes.ts', {
  listDemoUsers: {
    method: 'GET',
    path: '/api/local/users',
    group: 'local',
    request: {},
    responses: { 200: { description: 'The demo accounts', body: api.demoUserList } },
    openapi: { summary: 'the demo accounts, to pick one to sign in as', tag: 'Local' },
  },
  issueDemoToken: {
    method: 'POST',
    path: '/api/local/token',
    group: 'local',
    request: { body: api.demoTokenRequest },
    responses: { 200: { description: 'A bearer token', body: api.demoToken } },
    openapi: { summary: 'a bearer token for a demo account `{ username }`', tag: 'Local' },
  },
});

export const localStandInRoutes = /* @__PURE__ */ defineRoutes('functions/http/local.ts', {
  listOutbox: {
    method: 'GET',
    path: '/api/local/outbox',
    group: 'local',
    request: { query: api.outboxQuery },
    responses: { 200: { description: 'The outbox', body: api.outbox } },
    openapi: { summary: 'the notifications the runtime would have sent (`?caseCode=`)', tag: 'Local' },
  },
  confirmDemoPayment: {
    method: 'POST',
    path: '/api/local/payments/{code}/confirm',
    group: 'local',
    request: { params: api.caseCodeParams },
    responses: { 200: { description: 'The case', body: api.caseView } },
    openapi: { summary: 'stands in for the payment callback of a level-4 procedure', tag: 'Local' },
  },
});
