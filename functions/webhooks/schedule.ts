// When to try a webhook delivery again: growing delays over 24 hours, then give up and record it failed.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** After 24 hours without a 2xx the delivery is recorded as failed (CONTRACT.md, "Business webhooks"). */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * HOUR;

/**
 * Svix's schedule, the reference implementation of Standard Webhooks: immediately, then 5 s, 5 min, 30 min,
 * 2 h, 5 h and 10 h after the previous attempt; its next 10 h step would pass the 24-hour window, so the
 * last attempt is made when the window closes. Offsets are from the first attempt.
 */
export const WEBHOOK_ATTEMPT_OFFSETS_MS: readonly number[] = (() => {
  const delays = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR];
  const offsets = [0];
  for (const delay of delays) offsets.push(offsets.at(-1)! + delay);
  return [...offsets, WEBHOOK_RETRY_WINDOW_MS];
})();

/**
 * When attempt `attempt + 1` is due, given that attempt number `attempt` (1 for the first) has just failed
 * and the first was made at `firstAt`; undefined when there is none left, and the delivery has failed.
 */
export function nextAttemptAt(attempt: number, firstAt: Date): Date | undefined {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError('attempt counts from 1');
  const offset = WEBHOOK_ATTEMPT_OFFSETS_MS[attempt];
  return offset === undefined ? undefined : new Date(firstAt.getTime() + offset);
}
