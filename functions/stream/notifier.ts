// Sends the notifications written with each status change; fed by the table's stream, locally and on AWS.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { oneOfEnv, optionalEnv, requiredEnv } from '../commons/config';
import { ENV } from '../commons/environment';
import { countEvent, logger } from '../commons/observability';
import { toVietnamIso } from '../domain/vietnam-time';
import { type NotificationChannel, outboxChannel, sesSnsChannel } from '../notifications/channels';
import { renderNotification } from '../notifications/render';
import { getNotifications, markNotification, notificationId } from '../storage/notifications';
import type { NotificationRecord } from '../storage/records';
import { handleInOrder } from './in-order';

const channel: NotificationChannel =
  oneOfEnv(ENV.notifyChannel, ['outbox', 'ses-sns']) === 'ses-sns'
    ? sesSnsChannel({
        fromAddress: requiredEnv(ENV.sesFromAddress, 'the sender of notification e-mails'),
        configurationSet: optionalEnv(ENV.sesConfigurationSet),
        smsSenderId: optionalEnv(ENV.smsSenderId),
      })
    : outboxChannel;
/** Links in messages point at the site's tracking page; without an origin they are left out. */
const publicBaseUrl = optionalEnv(ENV.publicBaseUrl) ?? '';

/**
 * Delivers one notification as it stands now (`current`, read with its batch), unless it is gone or was delivered
 * already: stream records can arrive twice, when a batch is retried after its checkpoint was missed.
 */
export async function deliver(
  current: NotificationRecord | undefined,
  via: NotificationChannel = channel,
): Promise<NotificationRecord | undefined> {
  if (!current || current.status === 'delivered') return current;
  const message = renderNotification(current, publicBaseUrl);
  try {
    await via.send(current, message);
  } catch (error) {
    await markNotification(current, {
      status: 'failed',
      lastError: String((error as Error).message ?? error),
    });
    throw error;
  }
  countEvent('NotificationDelivered', { channel: current.channel });
  const delivered = {
    status: 'delivered',
    subject: message.subject,
    body: message.body,
    deliveredAt: toVietnamIso(new Date()),
  } as const;
  await markNotification(current, delivered);
  return { ...current, ...delivered };
}

const pendingNotification = (record: DynamoDBRecord) => {
  const image = record.dynamodb?.NewImage;
  return image?.type?.S === 'notification' && image.status?.S === 'pending'
    ? (unmarshall(image as Record<string, AttributeValue>) as NotificationRecord)
    : undefined;
};

/**
 * Sends a batch's new notifications in order. What each one is now is read for the whole batch at once (one
 * consistent `BatchGetItem` instead of a read per message), then each is sent and marked; the first that fails
 * is reported and the rest wait for the retry.
 */
export async function notifyBatch(
  event: DynamoDBStreamEvent,
  via: NotificationChannel = channel,
): Promise<DynamoDBBatchResponse> {
  const wanted = event.Records.map(pendingNotification).filter((n) => n !== undefined);
  if (wanted.length === 0) return { batchItemFailures: [] };
  const current = await getNotifications(wanted);
  return handleInOrder(
    event,
    pendingNotification,
    async (n) => {
      const id = notificationId(n);
      // A notification twice in one batch is sent once: the first delivery is what it is now.
      const now = await deliver(current.get(id), via);
      if (now) current.set(id, now);
    },
    (n, error) => {
      logger.error('notification failed', { error: error as Error });
      countEvent('NotificationFailed', { channel: n.channel ?? 'unknown' });
    },
  );
}

export const handler = (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => notifyBatch(event);
