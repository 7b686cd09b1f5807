// The events businesses receive on their webhooks, as CONTRACT.md states them ("Business webhooks").

import * as z from 'zod';
import { CASE_STATUSES } from '../domain/types';

export const CASE_STATUS_CHANGED = 'case.status_changed';
export const WEBHOOK_EVENT_TYPES = [CASE_STATUS_CHANGED] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const caseStatusChangedEventSchema = z.object({
  type: z.literal(CASE_STATUS_CHANGED),
  /** When the event was made: fixed once, so every retry sends the same body. */
  timestamp: z.iso.datetime({ offset: true }),
  data: z.object({
    code: z.string(),
    procedureId: z.string(),
    status: z.enum(CASE_STATUSES),
    version: z.number().int().positive(),
    /** When the case changed status. */
    at: z.iso.datetime({ offset: true }),
  }),
});
export type CaseStatusChangedEvent = z.output<typeof caseStatusChangedEventSchema>;

/** The event for one status change; serialise it once with `JSON.stringify` and store that exact body. */
export function caseStatusChangedEvent(
  data: CaseStatusChangedEvent['data'],
  timestamp: Date = new Date(),
): CaseStatusChangedEvent {
  return {
    type: CASE_STATUS_CHANGED,
    timestamp: timestamp.toISOString(),
    data: {
      code: data.code,
      procedureId: data.procedureId,
      status: data.status,
      version: data.version,
      at: data.at,
    },
  };
}
