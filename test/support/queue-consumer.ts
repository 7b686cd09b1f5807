// A queue consumer for the queue poller's tests: records the body of every message it is given.
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

/** Shared through globalThis: the poller imports this module itself, apart from the test's own import. */
export function handledBodies(): string[] {
  const shared = globalThis as { __motcuaQueueConsumer?: string[] };
  shared.__motcuaQueueConsumer ??= [];
  return shared.__motcuaQueueConsumer;
}

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  handledBodies().push(...event.Records.map((record) => record.body));
  return { batchItemFailures: [] };
}
