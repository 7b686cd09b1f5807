// Handler of the payment gateway's server-to-server notification (VNPay's IPN): the one route that settles a payment.
import { ok, route } from '../commons/http';
import { acceptPaymentNotification } from '../payments/callbacks';
import { paymentNotificationRoutes as routes } from '../routes/payments';

// The raw query string, not the parsed one: a parameter given twice must fail the signature, not be guessed at.
export const vnpayIpn = route(routes.vnpayIpn, async (req) =>
  ok(await acceptPaymentNotification(req.event.rawQueryString ?? '')),
);
