// Routes of businesses' webhook endpoints: register one (its secret shown once), list them, delete one.
import * as api from '../../schemas/api';
import { defineRoutes } from './define';

export const webhookRoutes = /* @__PURE__ */ defineRoutes('functions/http/webhooks.ts', {
  registerWebhook: {
    method: 'POST',
    path: '/api/webhooks',
    group: 'webhooks',
    roles: ['business'],
    request: { body: api.webhookRequest },
    responses: {
      201: { description: 'The webhook, with its secret (shown only now)', body: api.webhookCreated },
    },
    openapi: {
      summary: 'Register a webhook for the status changes of the business’s cases',
      description:
        'Each status change of a case the business owns is POSTed to `url` (Standard Webhooks: `webhook-id`, ' +
        '`webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">` keyed ' +
        'with the base64-decoded part of `secret` after `whsec_`), retried with growing delays for 24 hours ' +
        'with the same `webhook-id`. `url` must be https and resolve only to public addresses (400 otherwise; ' +
        'checked again at each delivery); the local runtime also takes `http://127.0.0.1`. At most 10 per business.',
      tag: 'Webhooks',
    },
  },
  listWebhooks: {
    method: 'GET',
    path: '/api/webhooks',
    group: 'webhooks',
    roles: ['business'],
    request: {},
    responses: { 200: { description: 'The business’s webhooks, without secrets', body: api.webhookList } },
    openapi: { summary: 'The business’s webhooks', tag: 'Webhooks' },
  },
  deleteWebhook: {
    method: 'DELETE',
    path: '/api/webhooks/{id}',
    group: 'webhooks',
    roles: ['business'],
    request: { params: api.webhookParams },
    responses: { 204: { description: 'Deleted; its pending deliveries are given up' } },
    openapi: { summary: 'Delete a webhook', tag: 'Webhooks' },
  },
});
