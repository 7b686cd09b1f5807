// Handlers of online fees: start a payment, the gateway's IPN and the browser's return.
import { created, ok, redirect, route } from '../commons/http';
import { acceptPaymentNotification, returnFromGateway } from '../payments/callbacks';
import { startPayment as start } from '../payments/checkout';
import { paymentRoutes as routes } from '../routes/payments';

export const startPayment = route(routes.startPayment, async (req) =>
  created(
    await start({ principal: req.principal, code: req.params.code, clientIp: req.sourceIp, lang: req.lang }),
  ),
);

// The raw query string, not the parsed one: a parameter given twice must fail the signature, not be guessed at.
export const vnpayIpn = route(routes.vnpayIpn, async (req) =>
  ok(await acceptPaymentNotification(req.event.rawQueryString ?? '')),
);

export const vnpayReturn = route(routes.vnpayReturn, async (req) =>
  redirect(await returnFromGateway(req.event.rawQueryString ?? '')),
);
