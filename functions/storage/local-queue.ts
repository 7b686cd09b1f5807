// The local runtime's stand-in for SQS: messages kept in the table until they are due, read by local/queue-poller.ts.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { TableName } from './dynamo';

export interface LocalQueueMessage {
  readonly queue: string;
  readonly id: string;
  readonly body: string;
  /** How many times it was handed to the consumer before (SQS's ApproximateReceiveCount - 1). */
  readonly receiveCount: number;
  readonly sentAt: number;
  /** Its place in the queue: when it becomes visible, then its id. */
  readonly sk: string;
}

const partition = (queue: string) => `LOCALQUEUE#${queue}`;
/** Fixed-width milliseconds, so that the sort key orders by when a message becomes visible. */
const sortKey = (visibleAt: number, id: string) => `${String(visibleAt).padStart(15, '0')}#${id}`;

/**
 * Says `sent` (with the queue's name) once a message is stored, so that a poller in this process starts at once
 * instead of at its next look: the producers (stream consumers) run in the runtime's process, as the pollers do.
 */
export const localQueueSignals = new EventEmitter();

async function put(message: Omit<LocalQueueMessage, 'sk'>, visibleAt: number): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName,
      Item: {
        pk: partition(message.queue),
        sk: sortKey(visibleAt, message.id),
        type: 'local-queue-message',
        ...message,
      },
    }),
  );
  localQueueSignals.emit('sent', message.queue);
}

/** Messages sent by this process so far: ties within a millisecond go in the order they were sent. */
let sent = 0;

/** Sends a message that becomes visible after `delayMs`, as SQS's DelaySeconds (but to the millisecond). */
export async function sendLocalMessage(queue: string, body: string, delayMs = 0): Promise<void> {
  const now = Date.now();
  // A stream batch fans out several changes of one case in the same millisecond; a random id alone would then
  // deliver them in a random order.
  const id = `${String(++sent).padStart(12, '0')}-${randomUUID()}`;
  await put({ queue, id, body, receiveCount: 0, sentAt: now }, now + Math.max(0, delayMs));
}

/** Up to `max` messages visible now, the earliest first. */
export async function visibleLocalMessages(queue: string, max: number): Promise<LocalQueueMessage[]> {
  const { Items } = await dynamo.send(
    new QueryCommand({
      TableName,
      KeyConditionExpression: 'pk = :pk AND sk <= :now',
      ExpressionAttributeValues: { ':pk': partition(queue), ':now': `${sortKey(Date.now(), '~')}` },
      ConsistentRead: true,
      Limit: max,
    }),
  );
  return (Items ?? []) as LocalQueueMessage[];
}

/** When the earliest message of the queue becomes visible (ms since the epoch), or undefined if it is empty. */
export async function nextLocalVisibility(queue: string): Promise<number | undefined> {
  const { Items } = await dynamo.send(
    new QueryCommand({
      TableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partition(queue) },
      ProjectionExpression: 'sk',
      ConsistentRead: true,
      Limit: 1,
    }),
  );
  const sk = Items?.[0]?.sk;
  return typeof sk === 'string' ? Number(sk.split('#')[0]) : undefined;
}

/** Removes a handled message. */
export async function deleteLocalMessage(message: LocalQueueMessage): Promise<void> {
  await dynamo.send(new DeleteCommand({ TableName, Key: { pk: partition(message.queue), sk: message.sk } }));
}

/** A message the consumer failed on: visible again after `delayMs`, or moved to `<queue>-dead` after `maxReceives`. */
export async function returnLocalMessage(
  message: LocalQueueMessage,
  delayMs: number,
  maxReceives: number,
): Promise<'retried' | 'dead'> {
  const receiveCount = message.receiveCount + 1;
  const dead = receiveCount >= maxReceives;
  const { sk: _, ...rest } = message;
  await put(
    { ...rest, queue: dead ? `${message.queue}-dead` : message.queue, receiveCount },
    Date.now() + delayMs,
  );
  await deleteLocalMessage(message);
  return dead ? 'dead' : 'retried';
}
