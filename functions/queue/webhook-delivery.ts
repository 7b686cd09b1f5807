// Makes webhook deliveries, one queue message each (SQS on AWS, the table's stand-in locally); a message whose
// handling throws is reported failed, so SQS hands it out again and, past its receive limit, dead-letters it.
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { countEvent, logger } from '../commons/observability';
import { dispatchDelivery } from '../webhooks/dispatch';
import type { DeliveryMessage } from '../webhooks/queue';

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  const deliver = async (record: SQSRecord, message: DeliveryMessage | undefined) => {
    try {
      await dispatchDelivery(message ?? (JSON.parse(record.body) as DeliveryMessage));
    } catch (error) {
      logger.error('webhook delivery errored', { messageId: record.messageId, error: error as Error });
      countEvent('WebhookDeliveryErrored');
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  };
  // The changes of one case go out one after the other, in the order they were queued (a receiver sees `submitted`
  // before `processing`); different cases go out side by side, so a slow receiver does not hold the others back.
  const byCase = new Map<string, { record: SQSRecord; message?: DeliveryMessage }[]>();
  for (const record of event.Records) {
    let message: DeliveryMessage | undefined;
    try {
      message = JSON.parse(record.body) as DeliveryMessage;
    } catch {
      message = undefined;
    }
    const key = message?.caseCode ?? record.messageId;
    byCase.set(key, [...(byCase.get(key) ?? []), { record, ...(message ? { message } : {}) }]);
  }
  await Promise.all(
    [...byCase.values()].map(async (queued) => {
      for (const { record, message } of queued) await deliver(record, message);
    }),
  );
  return { batchItemFailures };
};
