// Public tracking by code and PIN: what anyone holding both sees, and the limits on guessing.

import { findAgency } from '../../schemas/agencies';
import type { Tracking } from '../../schemas/api';
import { NotFoundError } from '../domain/errors';
import { verifyTrackingPin } from '../domain/tracking-pin';
import { getCaseWithHistory } from '../storage/cases';
import { countFailedLookup, refuseWhenLimited } from './attempt-limits';
import { trackingView } from './views';

/**
 * Public tracking. A wrong or missing PIN answers exactly as an unknown code; failures count against both
 * the code and the client address, and past the limit every attempt is 429 until the window ends.
 */
export async function trackCase(code: string, pin: string | undefined, clientIp: string): Promise<Tracking> {
  await refuseWhenLimited('tracking', code, clientIp);
  const found = pin ? await getCaseWithHistory(code) : undefined;
  const valid = found && pin ? await verifyTrackingPin(pin, found.record.trackingPinHash) : false;
  if (!found || !valid) {
    await countFailedLookup('tracking', code, clientIp);
    throw new NotFoundError('case');
  }
  const { record, events } = found;
  const agency = findAgency(record.agencyId)?.name ?? { vi: record.agencyId, en: record.agencyId };
  return trackingView(record, events, agency);
}
