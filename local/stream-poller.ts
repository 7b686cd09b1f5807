// Feeds the Lambda stream consumers from the table's stream in DynamoDB Local, as Lambda's event-source mappings do
// on AWS: one reading of the stream for all of them, each with its own filter, retries and checkpoint.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  type AttributeValue,
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type {
  DynamoDBBatchResponse,
  DynamoDBRecord,
  DynamoDBStreamEvent,
  AttributeValue as LambdaAttributeValue,
} from 'aws-lambda';
import { matchesStreamFilter, type StreamConsumer } from '../functions/routes';
import { HandlerMissingError, invokeConsumer, loadHandler } from './lambda';

/** A consumer of the stream, as functions/routes.ts `streamConsumers` declares it; without a filter, every record. */
export type PolledConsumer = Pick<StreamConsumer, 'name' | 'entry' | 'exportName'> &
  Partial<Pick<StreamConsumer, 'filter'>>;

export interface StreamPollerOptions {
  readonly repoRoot: string;
  readonly tableName: string;
  /**
   * The consumers fed from one reading of the stream. Each keeps its own checkpoint (the last sequence number it
   * handled in each shard) in its own file, across restarts, as each event-source mapping does on AWS.
   */
  readonly consumers: readonly { readonly consumer: PolledConsumer; readonly checkpointFile: string }[];
  /** Clients pointed at DynamoDB Local. */
  readonly dynamodb: DynamoDBClient;
  readonly streams: DynamoDBStreamsClient;
  /** @default 100 (Lambda's default batch size for DynamoDB streams) */
  readonly batchSize?: number;
  /** Pause when a shard has nothing new. @default 250 ms */
  readonly idlePollMs?: number;
  /** Invocations of one batch before it is given up (logged, as an on-failure destination would). @default 5 */
  readonly maxAttempts?: number;
  /** First retry delay, doubled each time. @default 500 ms */
  readonly retryBaseMs?: number;
  /** The function's timeout. @default 60 000 ms */
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface RunningStreamPoller {
  /** Resolves once every record written so far has been handled (or given up) by every consumer; for tests. */
  drain(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Per stream ARN: the last sequence number handled in each shard, and shards read to their end. */
interface Checkpoints {
  [streamArn: string]: { shards: Record<string, string>; finished: string[] };
}

/** The SDK decodes binary attributes into bytes; Lambda's event carries them as base64, as the wire does. */
function toLambdaValue(value: AttributeValue): LambdaAttributeValue {
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (value.L !== undefined) return { L: value.L.map(toLambdaValue) };
  if (value.M !== undefined) return { M: toLambdaImage(value.M) };
  const { $unknown: _, ...plain } = value as AttributeValue & { $unknown?: unknown };
  // DynamoDB Local's stream gives an empty map (`contact: {}`) as a value with no type at all; Lambda's event
  // carries `{ M: {} }`, which is what it stands for (every other type has a key even when empty).
  if (Object.keys(plain).length === 0) return { M: {} };
  return plain as LambdaAttributeValue;
}

function toLambdaImage(image: Record<string, AttributeValue>): Record<string, LambdaAttributeValue> {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toLambdaValue(value)]));
}

/** One record of GetRecords, in the shape a Lambda function's DynamoDBStreamEvent has. */
export function toLambdaRecord(record: _Record, streamArn: string): DynamoDBRecord {
  const stream = record.dynamodb ?? {};
  const created = stream.ApproximateCreationDateTime;
  const dynamodb: NonNullable<DynamoDBRecord['dynamodb']> = {
    ApproximateCreationDateTime: created ? Math.floor(new Date(created).getTime() / 1000) : undefined,
    Keys: stream.Keys ? toLambdaImage(stream.Keys) : undefined,
    NewImage: stream.NewImage ? toLambdaImage(stream.NewImage) : undefined,
    OldImage: stream.OldImage ? toLambdaImage(stream.OldImage) : undefined,
    SequenceNumber: stream.SequenceNumber,
    SizeBytes: stream.SizeBytes,
    StreamViewType: stream.StreamViewType,
  };
  for (const key of Object.keys(dynamodb) as (keyof typeof dynamodb)[]) {
    if (dynamodb[key] === undefined) delete dynamodb[key];
  }
  const lambdaRecord: DynamoDBRecord = {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: process.env.AWS_REGION ?? record.awsRegion,
    dynamodb,
    eventSourceARN: streamArn,
  };
  if (record.userIdentity) {
    lambdaRecord.userIdentity = {
      type: record.userIdentity.Type,
      principalId: record.userIdentity.PrincipalId,
    };
  }
  return lambdaRecord;
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : '');

/** Stream sequence numbers are decimal strings of any length: compared as numbers. */
const isAfter = (sequenceNumber: string | undefined, checkpoint: string | undefined) =>
  checkpoint === undefined || (sequenceNumber !== undefined && BigInt(sequenceNumber) > BigInt(checkpoint));

/** A checkpoint not written at once is written within this long (or at the next idle pass, or at stop). */
const LAZY_CHECKPOINT_MS = 1000;

/**
 * Reads the table's stream once for all its consumers: each batch of records goes to every consumer whose filter
 * passes some of it, and the next batch is read once every consumer has handled (or given up) this one. Each
 * consumer keeps its own checkpoint, so a restart, or a consumer added later, starts each one where it stopped.
 */
export async function startStreamPoller(options: StreamPollerOptions): Promise<RunningStreamPoller> {
  const log = options.log ?? ((line: string) => console.log(line));
  const batchSize = options.batchSize ?? 100;
  const idlePollMs = options.idlePollMs ?? 250;
  const maxAttempts = options.maxAttempts ?? 5;
  const retryBaseMs = options.retryBaseMs ?? 500;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const readerTag = `[stream:${options.consumers.map((c) => c.consumer.name).join(',')}]`;

  const table = await options.dynamodb.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn)
    throw new Error(`table ${options.tableName} has no stream; it must be created with streams enabled`);

  let stopping = false;
  const consumers = await Promise.all(
    options.consumers.map(({ consumer, checkpointFile }) => consumerState(consumer, checkpointFile)),
  );

  /** One consumer: its checkpoint, its delivery with retries, whether its function exists yet. */
  async function consumerState(consumer: PolledConsumer, checkpointFile: string) {
    const tag = `[stream:${consumer.name}]`;
    const saved: Checkpoints = JSON.parse(await readFile(checkpointFile, 'utf8').catch(() => '{}'));
    // Checkpoints of an older stream (the table was re-created) do not apply to this one.
    const checkpoint = saved[streamArn!] ?? { shards: {}, finished: [] };
    const finished = new Set(checkpoint.finished);
    let written = Promise.resolve();
    let directory: Promise<unknown> | undefined;
    let dirtySince: number | undefined;
    let missingReported = false;
    let loadFailure: string | undefined;

    const save = () => {
      dirtySince = undefined;
      checkpoint.finished = [...finished];
      const text = `${JSON.stringify({ [streamArn!]: checkpoint }, null, 2)}\n`;
      // Written to a temporary file and renamed, so that a crash mid-write cannot leave half a file.
      written = written.then(async () => {
        // The directory is made once: a mkdir per batch and consumer was a visible share of the runtime's time.
        directory ??= mkdir(dirname(checkpointFile), { recursive: true }).catch((error) => {
          directory = undefined;
          throw error;
        });
        await directory;
        await writeFile(`${checkpointFile}.tmp`, text);
        await rename(`${checkpointFile}.tmp`, checkpointFile);
      });
      return written;
    };

    return {
      consumer,
      tag,
      finished,
      /** Last sequence number handled in the shard; undefined: from the shard's start. */
      position: (shardId: string) => checkpoint.shards[shardId],
      async exists(): Promise<boolean> {
        try {
          await loadHandler(options.repoRoot, consumer.entry, consumer.exportName);
          loadFailure = undefined;
          return true;
        } catch (error) {
          if (!(error instanceof HandlerMissingError)) {
            // A module that fails to load (being edited) holds back its own records only, not the other consumers'.
            const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
            if (reason !== loadFailure)
              console.error(
                `${tag} ${consumer.entry} fails to load (${reason}): its records wait in the stream`,
              );
            loadFailure = reason;
            return false;
          }
          if (!missingReported)
            log(`${tag} ${consumer.entry} does not exist yet: records wait in the stream`);
          missingReported = true;
          return false;
        }
      },
      /**
       * Records the shard's progress. After a delivery it is written at once (a restart must not deliver again);
       * after records this consumer filtered out it may wait, since reading them again changes nothing.
       */
      async advance(shardId: string, sequenceNumber: string | undefined, delivered: boolean) {
        if (sequenceNumber && isAfter(sequenceNumber, checkpoint.shards[shardId])) {
          checkpoint.shards[shardId] = sequenceNumber;
        }
        if (delivered) await save();
        else dirtySince ??= Date.now();
      },
      async flushIfDue(force = false) {
        if (dirtySince !== undefined && (force || Date.now() - dirtySince >= LAZY_CHECKPOINT_MS))
          await save();
      },
      async finish(shardId: string) {
        finished.add(shardId);
        await save();
      },
      /** Forgets shards trimmed from the stream. */
      forget(live: ReadonlySet<string>) {
        for (const id of Object.keys(checkpoint.shards)) if (!live.has(id)) delete checkpoint.shards[id];
        for (const id of finished) if (!live.has(id)) finished.delete(id);
      },
      /**
       * Invokes the function with the batch until it succeeds, as Lambda does with ReportBatchItemFailures:
       * a thrown error retries the whole batch, `batchItemFailures` retries from the first failed record.
       * After `maxAttempts` the rest is logged and skipped. Records before a failure are checkpointed at once.
       */
      async deliver(shardId: string, records: DynamoDBRecord[]) {
        let pending = records;
        for (let attempt = 1; pending.length > 0; attempt++) {
          let failedFrom = 0;
          let reason: string;
          try {
            const event: DynamoDBStreamEvent = { Records: pending };
            const response = (await invokeConsumer(options.repoRoot, consumer, event, timeoutMs)) as
              | DynamoDBBatchResponse
              | undefined
              | null;
            const failures = response?.batchItemFailures ?? [];
            if (failures.length === 0) return;
            const positions = failures.map((failure) =>
              pending.findIndex((r) => r.dynamodb?.SequenceNumber === failure.itemIdentifier),
            );
            // An identifier that is empty or names no record of the batch fails the whole batch, as on AWS.
            failedFrom = positions.some((p) => p < 0) ? 0 : Math.min(...positions);
            reason = `batchItemFailures from sequence number ${pending[failedFrom]?.dynamodb?.SequenceNumber}`;
          } catch (error) {
            failedFrom = 0;
            reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          }
          const done = pending.slice(0, failedFrom);
          if (done.length > 0) await this.advance(shardId, done.at(-1)?.dynamodb?.SequenceNumber, true);
          pending = pending.slice(failedFrom);
          if (attempt >= maxAttempts) {
            const first = pending[0]?.dynamodb?.SequenceNumber;
            const last = pending.at(-1)?.dynamodb?.SequenceNumber;
            console.error(
              `${tag} giving up on ${pending.length} record(s) of ${shardId} (sequence numbers ${first}…${last}) after ` +
                `${attempt} attempts: ${reason}. Keys: ${JSON.stringify(pending.map((r) => r.dynamodb?.Keys))}`,
            );
            return;
          }
          const delay = retryBaseMs * 2 ** (attempt - 1);
          console.error(
            `${tag} attempt ${attempt} failed (${reason}); retrying ${pending.length} record(s) in ${delay} ms`,
          );
          await sleep(delay);
          if (stopping) throw new Error('stopping');
        }
      },
      written: () => written,
    };
  }
  type Consumer = Awaited<ReturnType<typeof consumerState>>;

  /** Consumers whose function exists; the others' records wait in the stream (their checkpoints stay). */
  let active: Consumer[] = [];
  /** The shared iterator of each shard being read (cleared when the active consumers change). */
  const iterators = new Map<string, string>();
  let shards: Shard[] = [];
  let lastDescribe = 0;
  /** Loop passes so far, and how many of the last ones found nothing to do. */
  let passes = 0;
  let idlePassesInARow = 0;
  /** Aborted by stop() to cut the idle pause short. */
  const stopSignal = new AbortController();

  async function describeShards(): Promise<Shard[]> {
    const all: Shard[] = [];
    let start: string | undefined;
    do {
      const page = await options.streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
      );
      all.push(...(page.StreamDescription?.Shards ?? []));
      start = page.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return all;
  }

  /** Read to its end by every active consumer. */
  const finishedByAll = (shardId: string) => active.every((c) => c.finished.has(shardId));

  /** A shard may be read once its parent is read to its end (or has been trimmed away). */
  function readableShards(): Shard[] {
    const known = new Set(shards.map((s) => s.ShardId!));
    return shards.filter(
      (shard) =>
        !finishedByAll(shard.ShardId!) &&
        (!shard.ParentShardId || finishedByAll(shard.ParentShardId) || !known.has(shard.ParentShardId)),
    );
  }

  /** An iterator after the earliest checkpoint of the consumers still reading the shard (or at its start). */
  async function iteratorFor(shardId: string): Promise<string | undefined> {
    const existing = iterators.get(shardId);
    if (existing) return existing;
    const positions = active.filter((c) => !c.finished.has(shardId)).map((c) => c.position(shardId));
    const after =
      positions.length === 0 || positions.includes(undefined)
        ? undefined
        : positions.reduce((earliest, p) => (isAfter(earliest, p) ? p : earliest));
    const open = (from: string | undefined) =>
      options.streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ...(from
            ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: from }
            : { ShardIteratorType: 'TRIM_HORIZON' }),
        }),
      );
    let answer: Awaited<ReturnType<typeof open>>;
    try {
      answer = await open(after);
    } catch (error) {
      // A checkpoint older than what the stream keeps (24 hours): what followed it is gone, so read from the
      // oldest record left rather than stall every consumer of the shard on it.
      if (errorName(error) !== 'TrimmedDataAccessException' || !after) throw error;
      console.error(
        `${readerTag} ${shardId}: records after ${after} were trimmed; reading from the oldest left`,
      );
      answer = await open(undefined);
    }
    if (answer.ShardIterator) iterators.set(shardId, answer.ShardIterator);
    return answer.ShardIterator;
  }

  /** The records of the batch a consumer takes: after its checkpoint, and passed by its filter. */
  function recordsFor(consumer: Consumer, shardId: string, all: DynamoDBRecord[]): DynamoDBRecord[] {
    const { filter } = consumer.consumer;
    const position = consumer.position(shardId);
    return all.filter(
      (r) =>
        isAfter(r.dynamodb?.SequenceNumber, position) &&
        // As the event-source mapping's filter does on AWS: records that do not match never reach the function.
        (!filter ||
          matchesStreamFilter(filter, {
            eventName: r.eventName,
            newType: r.dynamodb?.NewImage?.type?.S,
            oldType: r.dynamodb?.OldImage?.type?.S,
          })),
    );
  }

  /** Reads one batch from a shard and hands it to every consumer; returns whether it had records. */
  async function pollShard(shardId: string): Promise<boolean> {
    const iterator = await iteratorFor(shardId);
    if (!iterator) {
      await Promise.all(active.map((c) => c.finish(shardId)));
      return false;
    }
    let page: GetRecordsCommandOutput;
    try {
      page = await options.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: batchSize }));
    } catch (error) {
      // An expired or trimmed iterator: get a fresh one from the checkpoints next time.
      iterators.delete(shardId);
      if (!['ExpiredIteratorException', 'TrimmedDataAccessException'].includes(errorName(error))) throw error;
      return false;
    }
    const all = (page.Records ?? []).map((r) => toLambdaRecord(r, streamArn!));
    const last = all.at(-1)?.dynamodb?.SequenceNumber;
    // Every consumer settles before the pass goes on, even when one fails (or stops): otherwise the batch would be
    // read again, or stop() return, while another consumer is still handling it and its checkpoint not yet written.
    const outcomes = await Promise.allSettled(
      active
        .filter((c) => !c.finished.has(shardId))
        .map(async (c) => {
          const records = recordsFor(c, shardId, all);
          if (records.length > 0) await c.deliver(shardId, records);
          if (all.length > 0) await c.advance(shardId, last, records.length > 0);
        }),
    );
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    if (page.NextShardIterator) {
      iterators.set(shardId, page.NextShardIterator);
    } else {
      // The shard is closed and read to its end: its children may be read now.
      iterators.delete(shardId);
      await Promise.all(active.map((c) => c.finish(shardId)));
      lastDescribe = 0;
    }
    return all.length > 0;
  }

  async function loop() {
    while (!stopping) {
      let busy = false;
      try {
        // Until a consumer exists, leave the records in the stream for it rather than skip them; once it appears,
        // reading starts again from the earliest checkpoint (the others skip what they handled).
        const present: Consumer[] = [];
        for (const c of consumers) if (await c.exists()) present.push(c);
        // Compared one by one: a consumer gone and another come in the same pass leave the count as it was.
        if (present.length !== active.length || present.some((c, i) => c !== active[i])) {
          active = present;
          iterators.clear();
        }
        if (active.length === 0) {
          await sleep(2000, undefined, { signal: stopSignal.signal }).catch(() => {});
          continue;
        }
        if (Date.now() - lastDescribe > 5000) {
          shards = await describeShards();
          lastDescribe = Date.now();
          const live = new Set(shards.map((s) => s.ShardId!));
          for (const c of consumers) c.forget(live);
        }
        for (const shard of readableShards()) {
          if (stopping) break;
          if (await pollShard(shard.ShardId!)) busy = true;
        }
        await Promise.all(active.map((c) => c.flushIfDue(!busy)));
      } catch (error) {
        if (stopping) break;
        console.error(
          `${readerTag} polling failed, retrying:`,
          error instanceof Error ? error.message : error,
        );
        await sleep(1000);
      }
      passes++;
      idlePassesInARow = busy ? 0 : idlePassesInARow + 1;
      if (!busy && !stopping)
        await sleep(idlePollMs, undefined, { signal: stopSignal.signal }).catch(() => {});
    }
  }

  for (const { consumer } of options.consumers) {
    log(`[stream:${consumer.name}] reading ${streamArn} for ${consumer.entry}#${consumer.exportName}`);
  }
  const running = loop();

  return {
    async drain(drainTimeoutMs = 10_000) {
      const deadline = Date.now() + drainTimeoutMs;
      const from = passes;
      // Two whole passes that found nothing, both begun after the call: everything written before it is handled.
      while (passes < from + 3 || idlePassesInARow < 2) {
        if (Date.now() > deadline) throw new Error(`${readerTag} still busy after ${drainTimeoutMs} ms`);
        await sleep(50);
      }
    },
    async stop() {
      stopping = true;
      stopSignal.abort();
      await running.catch(() => {});
      await Promise.all(consumers.map((c) => c.flushIfDue(true).catch(() => {})));
      await Promise.all(consumers.map((c) => c.written().catch(() => {})));
    },
  };
}
