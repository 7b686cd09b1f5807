// Feeds a Lambda queue consumer from the local stand-in for SQS (messages kept in the table), as Lambda's SQS
// event source mapping does on AWS: batches of visible messages, failed ones visible again later, dead-lettered
// after the consumer's receive limit.
import { setTimeout as sleep } from 'node:timers/promises';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { QueueConsumer } from '../functions/routes';
import type { LocalQueueMessage } from '../functions/storage/local-queue';
import { invokeConsumer } from './lambda';

export interface QueuePollerOptions {
  readonly repoRoot: string;
  readonly consumer: QueueConsumer;
  /** @default 10 (Lambda's default batch size for SQS) */
  readonly batchSize?: number;
  /**
   * Longest pause when nothing is visible. The poller wakes sooner when a message is sent in this process, or when
   * the earliest one waiting becomes visible. @default 1000 ms
   */
  readonly idlePollMs?: number;
  /** How long a failed message stays invisible (SQS's visibility timeout). @default 2000 ms */
  readonly retryDelayMs?: number;
  /** The function's timeout. @default 60 000 ms */
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface RunningQueuePoller {
  /** Resolves once no message is visible and none is being handled (later ones may still be delayed). */
  drain(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

function sqsRecord(message: LocalQueueMessage, consumer: QueueConsumer): SQSRecord {
  return {
    messageId: message.id,
    receiptHandle: message.sk,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount + 1),
      SentTimestamp: String(message.sentAt),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${process.env.AWS_REGION ?? 'ap-southeast-1'}:000000000000:${consumer.queue}`,
    awsRegion: process.env.AWS_REGION ?? 'ap-southeast-1',
  };
}

/** Starts polling; the table's environment must be set (the runtime sets it before any consumer starts). */
export async function startQueuePoller(options: QueuePollerOptions): Promise<RunningQueuePoller> {
  const { consumer } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const tag = `[queue:${consumer.name}]`;
  // Imported now, not at the top: the storage module reads the table's name when it loads.
  const store = await import('../functions/storage/local-queue');
  let stopped = false;
  let busy = false;
  let idle = false;

  async function pollOnce(): Promise<boolean> {
    const messages = await store.visibleLocalMessages(consumer.queue, options.batchSize ?? 10);
    if (messages.length === 0) return false;
    busy = true;
    try {
      const event: SQSEvent = { Records: messages.map((message) => sqsRecord(message, consumer)) };
      const timeoutMs = options.timeoutMs ?? 60_000;
      let failed: Set<string>;
      try {
        const answer = (await invokeConsumer(options.repoRoot, consumer, event, timeoutMs)) as
          | SQSBatchResponse
          | undefined;
        failed = new Set((answer?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
      } catch (error) {
        log(`${tag} batch failed: ${(error as Error).message}`);
        failed = new Set(messages.map((message) => message.id));
      }
      for (const message of messages) {
        if (!failed.has(message.id)) {
          await store.deleteLocalMessage(message);
          continue;
        }
        const fate = await store.returnLocalMessage(
          message,
          options.retryDelayMs ?? 2000,
          consumer.maxReceives,
        );
        if (fate === 'dead') log(`${tag} message ${message.id} dead-lettered to ${consumer.queue}-dead`);
      }
      return true;
    } finally {
      busy = false;
    }
  }

  /** Made before each look, so that a message sent during the look still cuts the pause after it short. */
  let wake = new AbortController();
  const onSent = (queue: string) => {
    if (queue !== consumer.queue) return;
    // Not idle until the look this send wakes the poller to has found nothing: drain() must not return before it.
    idle = false;
    wake.abort();
  };
  store.localQueueSignals.on('sent', onSent);

  /** Until the earliest waiting message is due, at most `idlePollMs`, unless a message is sent meanwhile. */
  async function pause(signal: AbortSignal) {
    const longest = options.idlePollMs ?? 1000;
    const due = await store.nextLocalVisibility(consumer.queue).catch(() => undefined);
    const ms = due === undefined ? longest : Math.min(longest, Math.max(0, due - Date.now()));
    if (!signal.aborted) await sleep(ms, undefined, { signal }).catch(() => {});
  }

  const running = (async () => {
    while (!stopped) {
      wake = new AbortController();
      let worked = false;
      try {
        worked = await pollOnce();
      } catch (error) {
        if (!stopped) log(`${tag} poll failed: ${(error as Error).message}`);
      }
      // A send during the look may have come after its query: then it is not idle yet.
      idle = !worked && !wake.signal.aborted;
      if (!worked && !stopped) await pause(wake.signal);
    }
  })();
  log(`${tag} polling ${consumer.queue} for ${consumer.entry}#${consumer.exportName}`);

  return {
    async drain(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (idle && !busy) return;
        await sleep(50);
      }
      throw new Error(`${tag} did not drain within ${timeoutMs} ms`);
    },
    async stop() {
      stopped = true;
      wake?.abort();
      store.localQueueSignals.off('sent', onSent);
      await running;
    },
  };
}
