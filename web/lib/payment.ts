// "Thanh toán" / "Pay" on the citizens' pages: asks the API for the payment gateway's page and goes there. The payment
// itself (POST /api/applications/{code}/payment, CONTRACT.md v2) is the level-4 work; where it is not deployed yet,
// the page says so instead.
import { ApiError, apiFetch } from './api';

export type PaymentStart = 'unavailable' | 'not-due';

/** Goes to the gateway's page; otherwise says why not: no payment route yet, or nothing to pay (409). */
export async function startPayment(code: string): Promise<PaymentStart> {
  try {
    const payment = await apiFetch<{ redirectUrl: string }>(
      `/applications/${encodeURIComponent(code)}/payment`,
      {
        method: 'POST',
      },
    );
    location.assign(payment.redirectUrl);
    return await new Promise<never>(() => {});
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return 'unavailable';
    if (error instanceof ApiError && error.status === 409) return 'not-due';
    throw error;
  }
}
