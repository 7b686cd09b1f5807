// Limits on guessing through public lookups (tracking by PIN, verification by token): failures counted per code
// and per client address in fixed windows; past either limit every attempt is refused until the window ends.
import { limits } from '../commons/config';
import { countEvent } from '../commons/observability';
import { RateLimitedError } from '../domain/errors';
import { countFailure, failuresSoFar } from '../storage/rate-limits';

/** Which lookup the counters belong to: each has its own, so that one cannot lock the other. */
export type LookupKind = 'tracking' | 'verification';

/** Tracking kept its counters' names from before there were two lookups. */
const subject = (kind: LookupKind, value: string) => (kind === 'tracking' ? value : `${kind}:${value}`);

/** Throws 429 (with the seconds left in the window) once the code or the client has failed too often. */
export async function refuseWhenLimited(kind: LookupKind, code: string, clientIp: string): Promise<void> {
  const window = limits.trackingWindowSeconds;
  const [byCode, byClient] = await Promise.all([
    failuresSoFar('code', subject(kind, code), window),
    failuresSoFar('client', subject(kind, clientIp), window),
  ]);
  if (byCode >= limits.trackingFailuresPerCode || byClient >= limits.trackingFailuresPerClient) {
    countEvent(kind === 'tracking' ? 'TrackingRateLimited' : 'VerificationRateLimited');
    throw new RateLimitedError(window - (Math.floor(Date.now() / 1000) % window));
  }
}

/** Counts one failed attempt against both the code and the client. */
export async function countFailedLookup(kind: LookupKind, code: string, clientIp: string): Promise<void> {
  const window = limits.trackingWindowSeconds;
  await Promise.all([
    countFailure('code', subject(kind, code), window),
    countFailure('client', subject(kind, clientIp), window),
  ]);
}
