// Reading cases: an applicant's own, an agency's queue, and public tracking by code and PIN.

import { findAgency } from '../../schemas/agencies';
import type { CaseSummary, QueueItem, Tracking } from '../../schemas/api';
import { limits } from '../commons/config';
import { countEvent } from '../commons/observability';
import { queueAgencyOf } from '../domain/access';
import { NotFoundError, RateLimitedError, ValidationFailedError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { verifyTrackingPin } from '../domain/tracking-pin';
import type { CaseStatus } from '../domain/types';
import { getCaseWithHistory, listAgencyQueue, listApplicantCases } from '../storage/cases';
import { countFailure, failuresSoFar } from '../storage/rate-limits';
import { caseSummary, queueItem, trackingView } from './views';

export async function listOwnCases(
  principal: Principal,
  limit: number,
  cursor?: string,
): Promise<{ items: CaseSummary[]; nextCursor?: string }> {
  const page = await listApplicantCases(principal.id, limit, cursor);
  return { items: page.items.map(caseSummary), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

export async function listQueue(
  principal: Principal,
  query: { status: CaseStatus; limit: number; cursor?: string; agencyId?: string },
): Promise<{ items: QueueItem[]; nextCursor?: string }> {
  const agencyId = queueAgencyOf(principal, query.agencyId);
  if (!agencyId) {
    throw new ValidationFailedError([
      { path: 'query.agencyId', message: { vi: 'Cần chọn cơ quan', en: 'Choose an agency (agencyId)' } },
    ]);
  }
  const page = await listAgencyQueue(agencyId, query.status, query.limit, query.cursor);
  return { items: page.items.map(queueItem), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

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
