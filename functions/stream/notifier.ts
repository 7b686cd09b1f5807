// Sends the notifications written with each status change; fed by the table's stream, locally and on AWS.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { oneOfEnv, optionalEnv, requiredEnv } from '../commons/config';
import { ENV } from '../commons/environment';
import { countEvent, logger } from '../commons/observability';
import { toVietnamIso } from '../domain/vietnam-time';
import { type NotificationChannel, outboxChannel, sesSnsChannel } from '../notifications/channels';
import { renderNotification } from '../notifications/render';
import { getNotification, markNotification } from '../storage/notifications';
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

/** Delivers one notification, unless it was delivered already (stream records can arrive twice). */
export async function deliver(n: NotificationRecord, via: NotificationChannel = channel): Promise<void> {
  const current = await getNotification(n.caseCode, n.id);
  if (!current || current.status === 'delivered') return;
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
  await markNotification(current, {
    status: 'delivered',
    subject: message.subject,
    body: message.body,
    deliveredAt: toVietnamIso(new Date()),
  });
}

export const handler = (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> =>
  handleInOrder(
    event,
    (record) => {
      const image = record.dynamodb?.NewImage;
      return image?.type?.S === 'notification' && image.status?.S === 'pending' ? image : undefined;
    },
    (image) => deliver(unmarshall(image as Record<string, AttributeValue>) as NotificationRecord),
    (image, error) => {
      logger.error('notification failed', { error: error as Error });
      countEvent('NotificationFailed', { channel: image.channel?.S ?? 'unknown' });
    },
  );
