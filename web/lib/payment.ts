// Paying a case's fee online, for any page that offers "Thanh toán" / "Pay": start an attempt, go to the gateway.
import { apiFetch } from './api';
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
