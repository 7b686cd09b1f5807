// Public tracking by code and PIN: what anyone holding both sees, and the limits on guessing.

import { findAgency } from '../../schemas/agencies';
import type { Tracking } from '../../schemas/api';
import { limits } from '../commons/config';
import { countEvent } from '../commons/observability';
import { NotFoundError, RateLimitedError } from '../domain/errors';
import { verifyTrackingPin } from '../domain/tracking-pin';
import { getCaseWithHistory } from '../storage/cases';
import { countFailure, failuresSoFar } from '../storage/rate-limits';
import { trackingView } from './views';

/**
 * Public tracking. A wrong or missing PIN answers exactly as an unknown code; failures count against both
 * the code and the client address, and past the limit every attempt is 429 until the window ends.
 */
export async function trackCase(code: string, pin: string | undefined, clientIp: string): Promise<Tracking> {
  const window = limits.trackingWindowSeconds;
  const [byCode, byClient] = await Promise.all([
    failuresSoFar('code', code, window),
    failuresSoFar('client', clientIp, window),
  ]);
  const retryAfter = window - (Math.floor(Date.now() / 1000) % window);
  if (byCode >= limits.trackingFailuresPerCode || byClient >= limits.trackingFailuresPerClient) {
    countEvent('TrackingRateLimited');
    throw new RateLimitedError(retryAfter);
  }
  const found = pin ? await getCaseWithHistory(code) : undefined;
  const valid = found && pin ? await verifyTrackingPin(pin, found.record.trackingPinHash) : false;
  if (!found || !valid) {
    await Promise.all([countFailure('code', code, window), countFailure('client', clientIp, window)]);
    throw new NotFoundError('case');
  }
  const { record, events } = found;
  const agency = findAgency(record.agencyId)?.name ?? { vi: record.agencyId, en: record.agencyId };
  return trackingView(record, events, agency);
}
