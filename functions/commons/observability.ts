// Structured logs and CloudWatch metrics (Powertools): one logger and one metrics buffer per function.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'motcua';

export const logger = new Logger({ serviceName });

/**
 * EMF metrics in namespace `Motcua`; the local runtime turns them off (POWERTOOLS_METRICS_DISABLED). Made on the
 * first count, not at import: a function that counts nothing then carries no Metrics (10 KB of its bundle).
 */
let metrics: Metrics | undefined;

/** Counts one occurrence of `name`, split by the given dimensions (agency, action…); emitted at once. */
export function countEvent(name: string, dimensions: Record<string, string> = {}): void {
  metrics ??= new Metrics({ namespace: 'Motcua', serviceName });
  const single = metrics.singleMetric();
  for (const [key, value] of Object.entries(dimensions)) single.addDimension(key, value);
  single.addMetric(name, MetricUnit.Count, 1);
}
