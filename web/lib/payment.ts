// Paying a case's fee online, for any page that offers "Thanh toán" / "Pay": start an attempt, go to the gateway.
import { ApiError, apiFetch } from './api';
import type { PaymentStarted } from './api-types';

/**
 * Starts a new payment attempt for the signed-in applicant's case and sends the browser to the gateway's page; the
 * gateway brings it back to the case's page (`/my/case/?code=…&payment=paid|failed`). Throws ApiError (409 when
 * the case no longer awaits payment).
 */
export async function payOnline(code: string): Promise<void> {
  const started = await apiFetch<PaymentStarted>(`/applications/${encodeURIComponent(code)}/payment`, {
    method: 'POST',
  });
  location.assign(started.redirectUrl);
}

export type PaymentStart = 'unavailable' | 'not-due';

/** Goes to the gateway's page; otherwise says why not: no payment route, or nothing to pay (409). */
export async function startPayment(code: string): Promise<PaymentStart> {
  try {
    await payOnline(code);
    return await new Promise<never>(() => {});
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return 'unavailable';
    if (error instanceof ApiError && error.status === 409) return 'not-due';
    throw error;
  }
}
