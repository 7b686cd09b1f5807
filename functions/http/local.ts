// Local runtime only: the outbox of notifications it would have sent, and a stand-in for the payment callback.
import * as z from 'zod';
import { confirmPayment } from '../cases/transitions';
import { caseView } from '../cases/views';
import { route } from '../commons/http';
import { listNotifications } from '../storage/notifications';

export const listOutbox = route(
  { query: z.object({ caseCode: z.string().max(100).optional() }) },
  async (req) => {
    const notifications = await listNotifications(req.query.caseCode);
    return {
      status: 200,
      body: {
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
      },
    };
  },
);

export const confirmDemoPayment = route({}, async (req) => {
  const { record, events } = await confirmPayment(req.params.code ?? '');
  return { status: 200, body: caseView(record, events) };
});
