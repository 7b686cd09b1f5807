// The payment gateway of this deployment, from its configuration: VNPay 2.1.0 (the local sandbox locally).
import { optionalEnv, requiredEnv } from '../commons/config';
import { ENV } from '../commons/environment';
import type { PaymentProvider } from './port';
import { createVnpayProvider, VNPAY_SANDBOX_PAYMENT_URL } from './vnpay';

let provider: PaymentProvider | undefined;

/** Built at first use: only the payment routes need the merchant's secret. */
export function paymentGateway(): PaymentProvider {
  provider ??= createVnpayProvider({
    tmnCode: requiredEnv(ENV.vnpayTmnCode, "the merchant's VNPay terminal code"),
    hashSecret: requiredEnv(ENV.vnpayHashSecret, "the merchant's VNPay hash secret"),
    paymentUrl: optionalEnv(ENV.vnpayPaymentUrl) ?? VNPAY_SANDBOX_PAYMENT_URL,
  });
  return provider;
}

/** Where the gateway sends the browser back, and the IPN route (registered with the gateway by the merchant). */
export const PAYMENT_ROUTES = {
  ipn: '/api/payments/vnpay/ipn',
  return: '/api/payments/vnpay/return',
} as const;
