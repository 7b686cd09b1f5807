// Routes of online fees (level 4): start a payment, and the gateway's two callbacks (public, no sign-in).
import * as api from '../../schemas/api';
import { defineRoutes } from './define';

/** The gateway's secret is held by these routes' function and the notification's below, and nothing else. */
export const paymentRoutes = /* @__PURE__ */ defineRoutes('functions/http/payments.ts', {
  startPayment: {
    method: 'POST',
    path: '/api/applications/{code}/payment',
    group: 'payments',
    roles: ['citizen', 'business'],
    request: { params: api.caseCodeParams },
    responses: {
      201: {
        description: 'The attempt, with the gateway page to send the browser to',
        body: api.paymentStarted,
      },
    },
    openapi: {
      summary: "Pay a case's fee online",
      description:
        'Only for a case of the caller in `awaiting_payment` (409 otherwise). Each call starts a new attempt ' +
        '(`paymentId` is `vnp_TxnRef`); `redirectUrl` is the gateway page (VNPay 2.1.0, HMAC-SHA512), valid ' +
        'until `expiresAt`. The gateway returns the browser to `/api/payments/vnpay/return`.',
      tag: 'Payments',
      problems: [409],
    },
  },
  vnpayReturn: {
    method: 'GET',
    path: '/api/payments/vnpay/return',
    group: 'payments',
    request: { query: api.vnpayCallbackQuery },
    responses: {
      302: {
        description: "To the applicant's page of the case (`/my/case/?code=…&payment=paid|failed`)",
        headers: { Location: "The case's page, or the list of one's cases when the signature fails" },
      },
    },
    openapi: {
      summary: 'Where VNPay sends the browser back',
      description: 'Checks the signature and redirects; it never changes anything (only the IPN does).',
      tag: 'Payments',
    },
  },
});

/**
 * The gateway's server-to-server notification, in a function of its own: it alone settles a case (transaction,
 * notifications, the deadline's working days, metrics), which the interactive routes above need not carry.
 */
export const paymentNotificationRoutes = /* @__PURE__ */ defineRoutes(
  'functions/http/payment-notifications.ts',
  {
    vnpayIpn: {
      method: 'GET',
      path: '/api/payments/vnpay/ipn',
      group: 'payment-notifications',
      request: { query: api.vnpayCallbackQuery },
      responses: {
        200: { description: 'The answer VNPay expects, whatever happened', body: api.vnpayIpnAnswer },
      },
      openapi: {
        summary: "VNPay's server-to-server payment notification (IPN)",
        description:
          'Public: the gateway calls it. The signature, then the payment, its amount and whether it was ' +
          'already settled are checked in that order. Paid only when `vnp_ResponseCode` and ' +
          '`vnp_TransactionStatus` are both `00`: the case then moves `awaiting_payment` → `submitted` with its ' +
          'event and notification, in one transaction. A failed payment is recorded (`00`) and the applicant may ' +
          'pay again. The same notification twice changes nothing the second time (`02`).',
        tag: 'Payments',
      },
    },
  },
);
