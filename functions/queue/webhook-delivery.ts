// Makes webhook deliveries, one queue message each (SQS on AWS, the table's stand-in locally); a message whose
// handling throws is reported failed, so SQS hands it out again and, past its receive limit, dead-letters it.
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { countEvent, logger } from '../commons/observability';
import { dispatchDelivery } from '../webhooks/dispatch';
import type { DeliveryMessage } from '../webhooks/queue';

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  // Each message is its own delivery: a slow receiver does not hold the others back.
  await Promise.all(
    event.Records.map(async (record) => {
      try {
        await dispatchDelivery(JSON.parse(record.body) as DeliveryMessage);
      } catch (error) {
        logger.error('webhook delivery errored', { messageId: record.messageId, error: error as Error });
        countEvent('WebhookDeliveryErrored');
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }),
  );
  return { batchItemFailures };
};
