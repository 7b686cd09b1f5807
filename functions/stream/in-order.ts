// A stream batch handled one record after another: the first that fails is reported and the rest wait, so that the
// stream retries from it, in order (what `batchItemFailures` with bisecting off means to Lambda).
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

/**
 * Each record `select` picks (undefined: not this consumer's), handled in order; `failed` logs and counts a failure
 * before the batch stops there. `select` runs outside the handling: what it throws fails the whole batch.
 */
export async function handleInOrder<Item>(
  event: DynamoDBStreamEvent,
  select: (record: DynamoDBRecord) => Item | undefined,
  handle: (item: Item) => Promise<unknown>,
  failed: (item: Item, error: unknown) => void,
): Promise<DynamoDBBatchResponse> {
  for (const record of event.Records) {
    const item = select(record);
    if (item === undefined) continue;
    try {
      await handle(item);
    } catch (error) {
      failed(item, error);
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}
