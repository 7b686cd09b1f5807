// Handlers of businesses' webhook endpoints.
import { created, noContent, ok, route } from '../commons/http';
import { webhookRoutes as routes } from '../routes/webhooks';
import { listOwnWebhooks, registerWebhook as register, removeWebhook } from '../webhooks/registration';

export const registerWebhook = route(routes.registerWebhook, async (req) =>
  created(await register(req.principal, req.body)),
);

export const listWebhooks = route(routes.listWebhooks, async (req) =>
  ok(await listOwnWebhooks(req.principal)),
);

export const deleteWebhook = route(routes.deleteWebhook, async (req) => {
  await removeWebhook(req.principal, req.params.id);
  return noContent();
});
