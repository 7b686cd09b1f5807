// The documents bucket's event notifications in the local runtime: s3rver's own 'event' emitter feeds the very
// handler S3 invokes on AWS, asynchronously, and a failed invocation is tried again as Lambda retries one.
import { setTimeout as sleep } from 'node:timers/promises';
import type { S3Event } from 'aws-lambda';
import type { ObjectEventConsumer } from '../functions/routes';
import { HandlerMissingError, invokeConsumer } from './lambda';

export interface ObjectEventsOptions {
  readonly repoRoot: string;
  readonly consumer: ObjectEventConsumer;
  /** Events wait for this (the handlers' environment is set once storage is up). */
  readonly ready: Promise<void>;
  /** Pauses before the retries; Lambda retries an asynchronous invocation twice. @default [200, 1000] ms */
  readonly retryDelaysMs?: readonly number[];
  /** The function's timeout. @default 60 000 ms */
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface RunningObjectEvents {
  /** Hands one event to the consumer, as S3's notification configuration would (its prefix, created objects). */
  deliver(event: S3Event): void;
  /** Resolves once every event delivered so far has been handled (or given up); for tests and benchmarks. */
  drain(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const decodeKey = (key: string) => decodeURIComponent(key.replace(/\+/g, ' '));

export function startObjectEvents(options: ObjectEventsOptions): RunningObjectEvents {
  const log = options.log ?? ((line: string) => console.log(line));
  const retryDelaysMs = options.retryDelaysMs ?? [200, 1000];
  const timeoutMs = options.timeoutMs ?? 60_000;
  const tag = `[objects:${options.consumer.name}]`;
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  let missingReported = false;
  // S3 promises that of two events on one key the later has the greater sequencer; s3rver's is its millisecond
  // clock, which ties. Ours counts microseconds and never repeats, in the order s3rver stored the objects.
  let lastSequencer = 0;
  const nextSequencer = () => {
    lastSequencer = Math.max(Date.now() * 1000, lastSequencer + 1);
    return lastSequencer.toString(16).toUpperCase().padStart(14, '0');
  };

  async function invoke(event: S3Event): Promise<void> {
    // A runtime that stops before it was ready handles nothing.
    if (
      !(await options.ready.then(
        () => true,
        () => false,
      ))
    )
      return;
    for (let attempt = 1; ; attempt++) {
      try {
        await invokeConsumer(options.repoRoot, options.consumer, event, timeoutMs);
        return;
      } catch (error) {
        if (error instanceof HandlerMissingError) {
          if (!missingReported)
            log(`${tag} ${options.consumer.entry} does not exist yet: events are dropped`);
          missingReported = true;
          return;
        }
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        const delay = retryDelaysMs[attempt - 1];
        const keys = event.Records.map((r) => r.s3.object.key).join(', ');
        if (delay === undefined || stopping) {
          console.error(`${tag} giving up on ${keys} after ${attempt} attempts: ${reason}`);
          return;
        }
        console.error(`${tag} attempt ${attempt} on ${keys} failed (${reason}); retrying in ${delay} ms`);
        await sleep(delay);
      }
    }
  }

  return {
    deliver(event) {
      if (stopping) return;
      const records = event.Records.filter(
        (record) =>
          record.eventName.startsWith('ObjectCreated:') &&
          decodeKey(record.s3.object.key).startsWith(options.consumer.prefix),
      ).map((record) => ({
        ...record,
        awsRegion: process.env.AWS_REGION ?? record.awsRegion,
        s3: { ...record.s3, object: { ...record.s3.object, sequencer: nextSequencer() } },
      }));
      if (records.length === 0) return;
      const run = invoke({ Records: records }).finally(() => inFlight.delete(run));
      inFlight.add(run);
    },
    async drain(drainTimeoutMs = 10_000) {
      const deadline = Date.now() + drainTimeoutMs;
      while (inFlight.size > 0) {
        if (Date.now() > deadline) throw new Error(`${tag} still busy after ${drainTimeoutMs} ms`);
        await Promise.race([Promise.allSettled([...inFlight]), sleep(50)]);
      }
    },
    async stop() {
      stopping = true;
      await Promise.allSettled([...inFlight]);
    },
  };
}
