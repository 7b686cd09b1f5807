// Every HTTP route, declared once: the CDK stack, the local runtime, the HTTP wrapper and OpenAPI all read it.

import { QUARANTINE_PREFIX } from './documents/object-keys';
import { applicationRoutes, submissionRoutes } from './routes/applications';
import { catalogueRoutes } from './routes/catalogue';
import type { RouteEntry } from './routes/define';
import { draftRoutes } from './routes/drafts';
import { formRoutes } from './routes/forms';
import { demoSignInRoutes, localStandInRoutes } from './routes/local';
import { caseActionRoutes, officialRoutes } from './routes/officials';
import { healthRoutes, openApiRoutes } from './routes/operations';
import { paymentNotificationRoutes, paymentRoutes } from './routes/payments';
import { queueRoutes } from './routes/queue';
import { statisticsRoutes } from './routes/statistics';
import { trackingRoutes } from './routes/tracking';
import { uploadRoutes } from './routes/uploads';
import { verificationRoutes, verifyLookupRoutes } from './routes/verification';
import { webhookRoutes } from './routes/webhooks';

export type { DeployedGroup, FunctionGroup, RouteDeclaration, RouteEntry } from './routes/define';

export const routes: readonly RouteEntry[] = [
  ...Object.values(healthRoutes),
  ...Object.values(openApiRoutes),
  ...Object.values(catalogueRoutes),
  ...Object.values(trackingRoutes),
  ...Object.values(uploadRoutes),
  ...Object.values(submissionRoutes),
  ...Object.values(applicationRoutes),
  ...Object.values(draftRoutes),
  ...Object.values(queueRoutes),
  ...Object.values(officialRoutes),
  ...Object.values(caseActionRoutes),
  // Level 4: online fees, signed results and their verification, business webhooks.
  ...Object.values(paymentRoutes),
  ...Object.values(paymentNotificationRoutes),
  ...Object.values(verifyLookupRoutes),
  ...Object.values(verificationRoutes),
  ...Object.values(webhookRoutes),
  // Version 2 (console): the one-stop forms, public statistics.
  ...Object.values(formRoutes),
  ...Object.values(statisticsRoutes),
  ...Object.values(demoSignInRoutes),
  ...Object.values(localStandInRoutes),
];

/**
 * A consumer of the table's stream (DynamoDB Streams on AWS, the same stream of DynamoDB Local locally). Its
 * filter is the event-source mapping's filter on AWS and is applied the same way by the local poller: only
 * records whose event name and item `type` (new image, or old image for REMOVE) match reach the handler.
 */
export interface StreamConsumer {
  readonly name: string;
  readonly entry: string;
  readonly exportName: string;
  readonly filter: {
    readonly eventNames: readonly ('INSERT' | 'MODIFY' | 'REMOVE')[];
    readonly itemTypes: readonly string[];
  };
}

/** Every stream consumer; each runs as its own function, with its own checkpoint in the local runtime. */
export const streamConsumers: readonly StreamConsumer[] = [
  {
    name: 'notifier',
    entry: 'functions/stream/notifier.ts',
    exportName: 'handler',
    filter: { eventNames: ['INSERT', 'MODIFY'], itemTypes: ['notification'] },
  },
  {
    name: 'upload-janitor',
    entry: 'functions/documents/janitor.ts',
    exportName: 'handler',
    filter: { eventNames: ['MODIFY', 'REMOVE'], itemTypes: ['upload'] },
  },
  // Level 4: results signed once issued.
  {
    name: 'result-signer',
    entry: 'functions/stream/result-signer.ts',
    exportName: 'handler',
    filter: { eventNames: ['INSERT'], itemTypes: ['result-signature'] },
  },
  // Level 4: status changes of businesses' cases, to their webhooks.
  {
    name: 'webhook-fanout',
    entry: 'functions/stream/webhook-fanout.ts',
    exportName: 'handler',
    filter: { eventNames: ['INSERT', 'MODIFY'], itemTypes: ['case'] },
  },
  // Version 2 (console): counts of cases per agency, procedure and month, kept as cases change.
  {
    name: 'tallies',
    entry: 'functions/stream/tallies.ts',
    exportName: 'handler',
    filter: { eventNames: ['INSERT', 'MODIFY'], itemTypes: ['case'] },
  },
];

/**
 * A consumer of a queue (SQS on AWS, with a dead-letter queue; locally a queue kept in the table, polled by
 * local/queue-poller.ts with the same receive limit). Producers reach it through `WEBHOOK_QUEUE_URL`.
 */
export interface QueueConsumer {
  readonly name: string;
  readonly entry: string;
  readonly exportName: string;
  /** The queue's name locally (`local:<queue>`); on AWS the stack names it. */
  readonly queue: string;
  /** Receives of a message before it goes to the dead-letter queue. */
  readonly maxReceives: number;
}

export const queueConsumers: readonly QueueConsumer[] = [
  {
    name: 'webhook-delivery',
    entry: 'functions/queue/webhook-delivery.ts',
    exportName: 'handler',
    queue: 'webhook-deliveries',
    maxReceives: 5,
  },
];

/**
 * The consumer of the documents bucket's events: `ObjectCreated` under `prefix` (S3 event notifications on AWS,
 * s3rver's own `'event'` emitter in the local runtime) and, where the malware scan is on, GuardDuty's scan
 * results (EventBridge). Invoked asynchronously: a thrown error is retried, as Lambda does.
 */
export interface ObjectEventConsumer {
  readonly name: string;
  readonly entry: string;
  readonly exportName: string;
  readonly prefix: string;
}

export const uploadVerifier: ObjectEventConsumer = {
  name: 'upload-verifier',
  entry: 'functions/documents/verifier.ts',
  exportName: 'handler',
  prefix: QUARANTINE_PREFIX,
};

/** Whether a stream record passes a consumer's filter (the local poller's copy of the AWS filter's rule). */
export function matchesStreamFilter(
  filter: StreamConsumer['filter'],
  record: { eventName?: string; newType?: string; oldType?: string },
): boolean {
  if (!filter.eventNames.includes(record.eventName as 'INSERT')) return false;
  const type = record.eventName === 'REMOVE' ? record.oldType : record.newType;
  return type !== undefined && filter.itemTypes.includes(type);
}
