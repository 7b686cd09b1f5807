// Every HTTP route, declared once: the CDK stack, the local runtime, the HTTP wrapper and OpenAPI all read it.
import { applicationRoutes, submissionRoutes } from './routes/applications';
import { catalogueRoutes } from './routes/catalogue';
import type { RouteEntry } from './routes/define';
import { draftRoutes } from './routes/drafts';
import { demoSignInRoutes, localStandInRoutes } from './routes/local';
import { officialRoutes, queueRoutes } from './routes/officials';
import { healthRoutes, openApiRoutes } from './routes/operations';
import { trackingRoutes } from './routes/tracking';
import { uploadRoutes } from './routes/uploads';

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
];

/** Whether a stream record passes a consumer's filter (the local poller's copy of the AWS filter's rule). */
export function matchesStreamFilter(
  filter: StreamConsumer['filter'],
  record: { eventName?: string; newType?: string; oldType?: string },
): boolean {
  if (!filter.eventNames.includes(record.eventName as 'INSERT')) return false;
  const type = record.eventName === 'REMOVE' ? record.oldType : record.newType;
  return type !== undefined && filter.itemTypes.includes(type);
}
