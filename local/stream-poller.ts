// Feeds a Lambda stream consumer from the table's stream in DynamoDB Local, as Lambda's event source mapping does on AWS.
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

export interface StreamPollerOptions {
  readonly repoRoot: string;
  readonly tableName: string;
  /** The consumer, as functions/routes.ts `streamConsumers` declares it; without a filter, every record. */
  readonly consumer: Pick<StreamConsumer, 'name' | 'entry' | 'exportName'> &
    Partial<Pick<StreamConsumer, 'filter'>>;
  /** Where the last processed sequence number of each shard is kept across restarts. */
  readonly checkpointFile: string;
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
  /** Resolves once every record written so far has been handled (or given up); for tests. */
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

export async function startStreamPoller(options: StreamPollerOptions): Promise<RunningStreamPoller> {
  const log = options.log ?? ((line: string) => console.log(line));
  const batchSize = options.batchSize ?? 100;
  const idlePollMs = options.idlePollMs ?? 250;
  const maxAttempts = options.maxAttempts ?? 5;
  const retryBaseMs = options.retryBaseMs ?? 500;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const tag = `[stream:${options.consumer.name}]`;

  const table = await options.dynamodb.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn)
    throw new Error(`table ${options.tableName} has no stream; it must be created with streams enabled`);

  const saved: Checkpoints = JSON.parse(await readFile(options.checkpointFile, 'utf8').catch(() => '{}'));
  // Checkpoints of an older stream (the table was re-created) do not apply to this one.
  const checkpoint = saved[streamArn] ?? { shards: {}, finished: [] };
  const finished = new Set(checkpoint.finished);
  let checkpointWrite = Promise.resolve();
  let checkpointDir: Promise<unknown> | undefined;
  const saveCheckpoint = () => {
    checkpoint.finished = [...finished];
    const text = `${JSON.stringify({ [streamArn]: checkpoint }, null, 2)}\n`;
    // Written to a temporary file and renamed, so that a crash mid-write cannot leave half a file.
    checkpointWrite = checkpointWrite.then(async () => {
      // The directory is made once: a mkdir per batch and consumer was a visible share of the runtime's time.
      checkpointDir ??= mkdir(dirname(options.checkpointFile), { recursive: true }).catch((error) => {
        checkpointDir = undefined;
        throw error;
      });
      await checkpointDir;
      await writeFile(`${options.checkpointFile}.tmp`, text);
      await rename(`${options.checkpointFile}.tmp`, options.checkpointFile);
    });
    return checkpointWrite;
  };

  /** Open iterators, per shard being read. */
  const iterators = new Map<string, string>();
  let shards: Shard[] = [];
  let lastDescribe = 0;
  let stopping = false;
  /** Loop passes so far, and how many of the last ones found nothing to do. */
  let passes = 0;
  let idlePassesInARow = 0;
  /** Aborted by stop() to cut the idle pause short. */
  const stopSignal = new AbortController();
  let missingReported = false;

  async function consumerExists(): Promise<boolean> {
    try {
      await loadHandler(options.repoRoot, options.consumer.entry, options.consumer.exportName);
      return true;
    } catch (error) {
      if (error instanceof HandlerMissingError) return false;
      throw error;
    }
  }

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

  /** A shard may be read once its parent is read to its end (or has been trimmed away). */
  function readableShards(): Shard[] {
    const known = new Set(shards.map((s) => s.ShardId!));
    return shards.filter(
      (shard) =>
        !finished.has(shard.ShardId!) &&
        (!shard.ParentShardId || finished.has(shard.ParentShardId) || !known.has(shard.ParentShardId)),
    );
  }

  async function iteratorFor(shardId: string): Promise<string | undefined> {
    const existing = iterators.get(shardId);
    if (existing) return existing;
    const after = checkpoint.shards[shardId];
    const answer = await options.streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    if (answer.ShardIterator) iterators.set(shardId, answer.ShardIterator);
    return answer.ShardIterator;
  }

  /**
   * Invokes the function with the batch until it succeeds, as Lambda does with ReportBatchItemFailures:
   * a thrown error retries the whole batch, `batchItemFailures` retries from the first failed record.
   * After `maxAttempts` the rest is logged and skipped.
   */
  async function deliver(shardId: string, records: DynamoDBRecord[]) {
    let pending = records;
    for (let attempt = 1; pending.length > 0; attempt++) {
      let failedFrom = 0;
      let reason: string;
      try {
        const event: DynamoDBStreamEvent = { Records: pending };
        const response = (await invokeConsumer(options.repoRoot, options.consumer, event, timeoutMs)) as
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
      // Records before the first failure are done: checkpoint them now.
      const done = pending.slice(0, failedFrom);
      if (done.length > 0) await markHandled(shardId, done.at(-1)!);
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
  }

  async function markHandled(shardId: string, record: DynamoDBRecord) {
    const sequenceNumber = record.dynamodb?.SequenceNumber;
    if (sequenceNumber) checkpoint.shards[shardId] = sequenceNumber;
    await saveCheckpoint();
  }

  /** Reads one batch from a shard and delivers it; returns whether it had records. */
  async function pollShard(shardId: string): Promise<boolean> {
    const iterator = await iteratorFor(shardId);
    if (!iterator) {
      finished.add(shardId);
      await saveCheckpoint();
      return false;
    }
    let page: GetRecordsCommandOutput;
    try {
      page = await options.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: batchSize }));
    } catch (error) {
      // An expired or trimmed iterator: get a fresh one from the checkpoint next time.
      iterators.delete(shardId);
      if (!['ExpiredIteratorException', 'TrimmedDataAccessException'].includes(errorName(error))) throw error;
      return false;
    }
    const all = (page.Records ?? []).map((r) => toLambdaRecord(r, streamArn!));
    // As the event-source mapping's filter does on AWS: records that do not match never reach the function.
    const filter = options.consumer.filter;
    const records = filter
      ? all.filter((r) =>
          matchesStreamFilter(filter, {
            eventName: r.eventName,
            newType: r.dynamodb?.NewImage?.type?.S,
            oldType: r.dynamodb?.OldImage?.type?.S,
          }),
        )
      : all;
    if (records.length > 0) await deliver(shardId, records);
    if (all.length > 0) await markHandled(shardId, all.at(-1)!);
    if (page.NextShardIterator) {
      iterators.set(shardId, page.NextShardIterator);
    } else {
      // The shard is closed and read to its end: its children may be read now.
      iterators.delete(shardId);
      finished.add(shardId);
      await saveCheckpoint();
      lastDescribe = 0;
    }
    return all.length > 0;
  }

  async function loop() {
    while (!stopping) {
      let busy = false;
      try {
        // Until the consumer exists, leave the records in the stream for it rather than skip them.
        if (!(await consumerExists())) {
          if (!missingReported)
            log(`${tag} ${options.consumer.entry} does not exist yet: records wait in the stream`);
          missingReported = true;
          await sleep(2000, undefined, { signal: stopSignal.signal }).catch(() => {});
          continue;
        }
        if (Date.now() - lastDescribe > 5000) {
          shards = await describeShards();
          lastDescribe = Date.now();
          // Forget shards that have been trimmed from the stream.
          const live = new Set(shards.map((s) => s.ShardId!));
          for (const id of Object.keys(checkpoint.shards)) if (!live.has(id)) delete checkpoint.shards[id];
          for (const id of finished) if (!live.has(id)) finished.delete(id);
        }
        for (const shard of readableShards()) {
          if (stopping) break;
          if (await pollShard(shard.ShardId!)) busy = true;
        }
      } catch (error) {
        if (stopping) break;
        console.error(`${tag} polling failed, retrying:`, error instanceof Error ? error.message : error);
        await sleep(1000);
      }
      passes++;
      idlePassesInARow = busy ? 0 : idlePassesInARow + 1;
      if (!busy && !stopping)
        await sleep(idlePollMs, undefined, { signal: stopSignal.signal }).catch(() => {});
    }
  }

  log(`${tag} reading ${streamArn} for ${options.consumer.entry}#${options.consumer.exportName}`);
  const running = loop();

  return {
    async drain(drainTimeoutMs = 10_000) {
      const deadline = Date.now() + drainTimeoutMs;
      const from = passes;
      // Two whole passes that found nothing, both begun after the call: everything written before it is handled.
      while (passes < from + 3 || idlePassesInARow < 2) {
        if (Date.now() > deadline) throw new Error(`${tag} still busy after ${drainTimeoutMs} ms`);
        await sleep(50);
      }
    },
    async stop() {
      stopping = true;
      stopSignal.abort();
      await running.catch(() => {});
      await checkpointWrite.catch(() => {});
    },
  };
}
