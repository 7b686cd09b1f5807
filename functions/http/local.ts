// Handlers of the local runtime only: the outbox of notifications it would have sent, a payment stand-in.
import { confirmPayment } from '../cases/payment-confirmation';
import { caseView } from '../cases/views';
import { ok, route } from '../commons/http';
import { localStandInRoutes as routes } from '../routes/local';
import { listNotifications } from '../storage/notifications';
import { listDeliveries } from '../storage/webhooks';

export const listOutbox = route(routes.listOutbox, async (req) => {
  const [notifications, deliveries] = await Promise.all([
    listNotifications(req.query.caseCode),
    listDeliveries(req.query.caseCode),
  ]);
  const items = [
    ...notifications.map((n) => ({
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
    // Webhook deliveries, as CONTRACT.md lists them here: the URL, the event type and the exact body sent.
    ...deliveries.map((d) => ({
      id: d.messageId,
      channel: 'webhook' as const,
      to: d.url,
      caseCode: d.caseCode,
      status: d.status,
      subject: d.eventType,
      body: d.body,
      createdAt: d.createdAt,
      deliveredAt: d.deliveredAt ?? null,
      attempts: d.attempts,
    })),
  ];
  return ok({ items });
});

export const confirmDemoPayment = route(routes.confirmDemoPayment, async (req) => {
  const { record, events, parts } = await confirmPayment(req.params.code);
  return ok(caseView(record, events, parts));
});
