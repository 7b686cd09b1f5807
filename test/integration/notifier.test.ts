// The notifier's own handler, driven with the stream records Lambda gives it, in this test's process against a
// table of the test's own in DynamoDB Local (the runtime's notifier polls the runtime's table, not this one). A
// recording channel stands in for SES and SNS; the notifications, their reads and their marks are real.
import { randomUUID } from 'node:crypto';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NotificationChannel } from '../../functions/notifications/channels';
import type { NotificationRecord } from '../../functions/storage/records';
import { createOwnTable, recordDynamoDbCalls, useFunctionsInProcess } from '../support/in-process';

const TABLE = `notifier-${randomUUID().slice(0, 8)}`;

let notifier: typeof import('../../functions/stream/notifier');
let notifications: typeof import('../../functions/storage/notifications');
let dynamo: typeof import('../../functions/storage/dynamo');
/** DynamoDB commands the functions' client sent, by name, since the last `calls.length = 0`. */
let calls: string[] = [];

beforeAll(async () => {
  useFunctionsInProcess({ TABLE_NAME: TABLE, NOTIFY_CHANNEL: 'outbox' });
  await createOwnTable(TABLE);
  notifier = await import('../../functions/stream/notifier');
  notifications = await import('../../functions/storage/notifications');
  dynamo = await import('../../functions/storage/dynamo');
  calls = await recordDynamoDbCalls();
});

function pendingNotification(caseCode: string, id: string, channel: 'email' | 'sms'): NotificationRecord {
  return {
    type: 'notification',
    id,
    caseCode,
    channel,
    to: channel === 'email' ? 'cong.dan@example.vn' : '0912345678',
    lang: 'vi',
    event: {
      action: 'submit',
      status: 'submitted',
      procedureName: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
      dueAt: '2026-12-04T17:00:00.000+07:00',
    },
    status: 'pending',
    attempts: 0,
    createdAt: '2026-11-29T09:00:00.000+07:00',
  };
}

/** The stream record of a notification's INSERT, as Lambda hands it over. */
let sequence = 0;
function inserted(n: NotificationRecord): DynamoDBRecord {
  return {
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    dynamodb: {
      // Lambda's event carries the wire's attribute values; marshall gives the same shape.
      NewImage: marshall(n) as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'],
      SequenceNumber: String(++sequence).padStart(21, '0'),
    },
  };
}

const batch = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

/** A channel that records what it sends, and fails for the recipients it is told to. */
function recordingChannel(failFor: ReadonlySet<string> = new Set()) {
  const sent: { caseCode: string; id: string; subject: string }[] = [];
  const channel: NotificationChannel = {
    async send(n, message) {
      if (failFor.has(n.to)) throw new Error('gateway refused the message');
      sent.push({ caseCode: n.caseCode, id: n.id, subject: message.subject });
    },
  };
  return { sent, channel };
}

async function stored(n: NotificationRecord) {
  return (await notifications.getNotifications([n])).get(notificationKey(n));
}
const notificationKey = (n: NotificationRecord) => notifications.notificationId(n);

async function write(...items: NotificationRecord[]) {
  await dynamo.transact(items.map((n) => notifications.createNotificationItem(n)));
}

describe('the notifier', () => {
  it('reads a batch of new notifications in one call, sends each once, and marks each delivered', async () => {
    const code = `TEST-${randomUUID().slice(0, 8)}`;
    const email = pendingNotification(code, '0001', 'email');
    const sms = pendingNotification(code, '0002', 'sms');
    await write(email, sms);
    const { sent, channel } = recordingChannel();

    calls.length = 0;
    const answer = await notifier.notifyBatch(batch(inserted(email), inserted(sms)), channel);

    expect(answer.batchItemFailures).toEqual([]);
    expect(sent.map((s) => s.id)).toEqual(['0001', '0002']);
    // One consistent batch read for both, then one mark each: no read per message.
    expect(calls.filter((name) => name.includes('Get'))).toEqual(['BatchGetItemCommand']);
    expect(calls.filter((name) => name === 'UpdateItemCommand')).toHaveLength(2);
    for (const n of [email, sms]) {
      expect(await stored(n)).toMatchObject({ status: 'delivered', attempts: 1 });
    }
    expect((await stored(email))?.subject).toBe(sent[0]?.subject);
  });

  it('sends nothing again when the same records arrive a second time, and skips a notification that is gone', async () => {
    const code = `TEST-${randomUUID().slice(0, 8)}`;
    const email = pendingNotification(code, '0001', 'email');
    const never = pendingNotification(code, '0009', 'sms'); // never written
    await write(email);
    const first = recordingChannel();
    await notifier.notifyBatch(batch(inserted(email)), first.channel);
    expect(first.sent).toHaveLength(1);

    const again = recordingChannel();
    const answer = await notifier.notifyBatch(batch(inserted(email), inserted(never)), again.channel);
    expect(answer.batchItemFailures).toEqual([]);
    expect(again.sent).toEqual([]);
    expect(await stored(email)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(await stored(never)).toBeUndefined();
  });

  it('sends a notification found twice in one batch once', async () => {
    const code = `TEST-${randomUUID().slice(0, 8)}`;
    const email = pendingNotification(code, '0001', 'email');
    await write(email);
    const { sent, channel } = recordingChannel();
    await notifier.notifyBatch(batch(inserted(email), inserted(email)), channel);
    expect(sent).toHaveLength(1);
    expect(await stored(email)).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('reports the first failed send, leaves the rest for the retry, and delivers them when it comes', async () => {
    const code = `TEST-${randomUUID().slice(0, 8)}`;
    const email = pendingNotification(code, '0001', 'email');
    const sms = pendingNotification(code, '0002', 'sms');
    const later = { ...pendingNotification(code, '0003', 'email'), to: 'khac@example.vn' };
    await write(email, sms, later);
    const records = [inserted(email), inserted(sms), inserted(later)];

    const failing = recordingChannel(new Set([sms.to]));
    const answer = await notifier.notifyBatch(batch(...records), failing.channel);
    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: records[1]?.dynamodb?.SequenceNumber }]);
    expect(failing.sent.map((s) => s.id)).toEqual(['0001']);
    expect(await stored(sms)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await stored(later)).toMatchObject({ status: 'pending' });

    // Lambda retries from the failed record on.
    const working = recordingChannel();
    const retried = await notifier.notifyBatch(batch(...records.slice(1)), working.channel);
    expect(retried.batchItemFailures).toEqual([]);
    expect(working.sent.map((s) => s.id)).toEqual(['0002', '0003']);
    expect(await stored(sms)).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(await stored(later)).toMatchObject({ status: 'delivered', attempts: 1 });
  });
});
