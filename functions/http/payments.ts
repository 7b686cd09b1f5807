// Handlers of online fees the browser calls: start a payment, and the return from the gateway.
import { created, redirect, route } from '../commons/http';
import { returnFromGateway } from '../payments/callbacks';
import { startPayment as start } from '../payments/checkout';
import { paymentRoutes as routes } from '../routes/payments';

export const startPayment = route(routes.startPayment, async (req) =>
  created(
    await start({ principal: req.principal, code: req.params.code, clientIp: req.sourceIp, lang: req.lang }),
  ),
);

// The raw query string, not the parsed one (see payment-notifications.ts).
export const vnpayReturn = route(routes.vnpayReturn, async (req) =>
  redirect(await returnFromGateway(req.event.rawQueryString ?? '')),
);
