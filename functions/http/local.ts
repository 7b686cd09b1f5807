// Handlers of the local runtime only: the outbox of notifications it would have sent, a payment stand-in.
import { confirmPayment } from '../cases/payment-confirmation';
import { caseView } from '../cases/views';
import { ok, route } from '../commons/http';
import { localStandInRoutes as routes } from '../routes/local';
import { listNotifications } from '../storage/notifications';

export const listOutbox = route(routes.listOutbox, async (req) => {
  const notifications = await listNotifications(req.query.caseCode);
  return ok({
    items: notifications.map((n) => ({
      id: n.id,
      channel: n.channel,
      to: n.to,
      caseCode: n.caseCode,
      status: n.status,
      subject: n.subject ?? null,
      body: n.body ?? null,
      createdAt: n.createdAt,
      deliveredAt: n.deliveredAt ?? null,
      attempts: n.attempts,
    })),
  });
});

export const confirmDemoPayment = route(routes.confirmDemoPayment, async (req) => {
  const { record, events, parts } = await confirmPayment(req.params.code);
  return ok(caseView(record, events, parts));
});
