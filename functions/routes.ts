// Every HTTP route, declared once: the CDK stack, the local runtime, the HTTP wrapper and OpenAPI all read it.
import { applicationRoutes, submissionRoutes } from './routes/applications';
import { catalogueRoutes } from './routes/catalogue';
import type { RouteEntry } from './routes/define';
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
  ...Object.values(queueRoutes),
  ...Object.values(officialRoutes),
  ...Object.values(demoSignInRoutes),
  ...Object.values(localStandInRoutes),
];

/** The notifier, fed by the table's stream (DynamoDB Streams on AWS, the same stream of DynamoDB Local locally). */
export const streamConsumers = [
  { name: 'notifier', entry: 'functions/stream/notifier.ts', exportName: 'handler' },
] as const;
