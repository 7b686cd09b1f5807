// The queue of webhook deliveries: SQS on AWS (a dead-letter queue behind it), a queue kept in the table locally.
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { requiredEnv } from '../commons/config';
import { ENV } from '../commons/environment';
import { sendLocalMessage } from '../storage/local-queue';

/** One attempt of a delivery: its record names everything else. `dueAt` holds back a retry that SQS could not. */
export interface DeliveryMessage {
  readonly caseCode: string;
  readonly messageId: string;
  /** The attempts made before this one: a message for an attempt already made (a copy) is dropped. */
  readonly attempt: number;
  /** ISO time before which the attempt must not be made. */
  readonly dueAt?: string;
}

/** SQS delays a message at most 15 minutes: a longer wait is done in hops (the consumer sends it on). */
export const MAX_QUEUE_DELAY_MS = 15 * 60 * 1000;
const LOCAL = 'local:';

let sqs: SQSClient | undefined;

/** Sends `message`, visible after `delayMs` (at most 15 minutes; `dueAt` carries anything longer). */
export async function enqueueDelivery(message: DeliveryMessage, delayMs = 0): Promise<void> {
  const queue = requiredEnv(ENV.webhookQueueUrl, 'the queue of webhook deliveries');
  const delay = Math.min(MAX_QUEUE_DELAY_MS, Math.max(0, delayMs));
  const body = JSON.stringify(message);
  if (queue.startsWith(LOCAL)) return sendLocalMessage(queue.slice(LOCAL.length), body, delay);
  sqs ??= new SQSClient({});
  await sqs.send(
    new SendMessageCommand({ QueueUrl: queue, MessageBody: body, DelaySeconds: Math.ceil(delay / 1000) }),
  );
}
