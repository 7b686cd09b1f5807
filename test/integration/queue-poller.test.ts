// The local stand-in for SQS's event-source mapping (local/queue-poller.ts), in the test's own process against a
// table of its own: what drain() promises about a message sent in this process.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../local/runtime';
import { createOwnTable, useFunctionsInProcess } from '../support/in-process';
import { handledBodies } from '../support/queue-consumer';

const TABLE = `queue-${randomUUID().slice(0, 8)}`;
const consumer = {
  name: 'test-queue-consumer',
  entry: 'test/support/queue-consumer.ts',
  exportName: 'handler',
  queue: 'test-queue',
  maxReceives: 3,
};

let store: typeof import('../../functions/storage/local-queue');
let poller: typeof import('../../local/queue-poller');

beforeAll(async () => {
  useFunctionsInProcess({ TABLE_NAME: TABLE });
  await createOwnTable(TABLE);
  store = await import('../../functions/storage/local-queue');
  poller = await import('../../local/queue-poller');
});

describe('the queue poller', () => {
  it('drains only once a message sent while it was idle has been handled', async () => {
    const running = await poller.startQueuePoller({ repoRoot: REPO_ROOT, consumer, log: () => {} });
    try {
      await running.drain();
      // Sent while the poller pauses, idle: drain() must wait for the look the send wakes it to.
      await store.sendLocalMessage(consumer.queue, 'first');
      await running.drain();
      expect(handledBodies()).toEqual(['first']);
    } finally {
      await running.stop();
    }
  });
});
