// The local runtime: DynamoDB Local, s3rver, the stream poller and the local API Gateway, wired as the AWS stack is.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type GlobalSecondaryIndexDescription,
  type Projection,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { ENV } from '../functions/commons/environment';
import { queueConsumers, routes, streamConsumers, uploadVerifier } from '../functions/routes';
import { createTableInput, TABLE } from '../functions/storage/table';
import { startHttpServer } from './http-server';
import { startObjectEvents } from './object-events';
import { startQueuePoller } from './queue-poller';
import { processInfo, startDynamoDbLocal, startS3rver } from './services';
import { startStreamPoller } from './stream-poller';
import { configureTokens } from './tokens';
import { createVnpaySandbox, vnpaySandboxConfig } from './vnpay-sandbox';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface RuntimeOptions {
  /** @default $PORT, else 3000; 0 picks a free port */
  readonly port?: number;
  /** @default $DATA_DIR, else `.data` */
  readonly dataDir?: string;
  /** @default 'motcua' */
  readonly tableName?: string;
  /** @default 'motcua-documents' */
  readonly bucketName?: string;
  readonly log?: (line: string) => void;
}

export interface Runtime {
  readonly url: string;
  readonly dataDir: string;
  readonly tableName: string;
  readonly bucketName: string;
  /** Where the AWS SDK reaches the local services. */
  readonly endpoints: { readonly dynamodb: string; readonly s3: string };
  /** Pid of the orphaned DynamoDB Local of an earlier (crashed) run that was stopped first, if any. */
  readonly staleDynamoDbPid?: number;
  /** The VNPay sandbox gateway: its payment page and the terminal code and secret it signs with. */
  readonly vnpay: { readonly paymentUrl: string; readonly tmnCode: string; readonly hashSecret: string };
  /** Resolves once every stream consumer has handled every record written so far. */
  drainStream(timeoutMs?: number): Promise<void>;
  /** Resolves once the upload verifier has handled every object event so far (each upload has its verdict). */
  drainObjectEvents(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const AWS_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const REGION = 'ap-southeast-1';

/**
 * Refuses a data directory another live runtime is using: its DynamoDB Local would be taken for an orphan
 * and stopped. The lock names the runtime's pid and start time, so a reused pid is not mistaken for it.
 */
async function lockDataDir(dataDir: string): Promise<string> {
  const lockFile = join(dataDir, 'runtime.pid');
  const [pidText, startTime] = (await readFile(lockFile, 'utf8').catch(() => '')).trim().split(' ');
  const pid = Number.parseInt(pidText ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) {
    const holder = await processInfo(pid);
    if (holder && holder.startTime === startTime) {
      throw new Error(
        `another local runtime (pid ${pid}) is using ${dataDir}; stop it or choose another DATA_DIR`,
      );
    }
  }
  const self = await processInfo(process.pid);
  await writeFile(lockFile, `${process.pid} ${self?.startTime ?? ''}\n`);
  return lockFile;
}

/** A secret key (32 random bytes, base64) made once and kept with the data: `seal-key`, `verify-token-key`. */
async function dataDirKey(dataDir: string, name: string): Promise<string> {
  const file = join(dataDir, name);
  const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (existing) return existing;
  const key = randomBytes(32).toString('base64');
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return key;
}

async function ensureTable(client: DynamoDBClient, tableName: string, log: (line: string) => void) {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    await updateIndexes(client, tableName, Table?.GlobalSecondaryIndexes ?? [], log);
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  // The CDK stack enables TTL on the same attribute.
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
    }),
  );
}

type WantedIndex = ReturnType<typeof createTableInput>['GlobalSecondaryIndexes'][number];

/** Whether an index as described carries what the wanted one does (the order of the attributes aside). */
const sameProjection = (found: Projection | undefined, wanted: WantedIndex['Projection']) =>
  found?.ProjectionType === wanted.ProjectionType &&
  [...(found.NonKeyAttributes ?? [])].sort().join() === [...wanted.NonKeyAttributes].sort().join();

/**
 * Brings the indexes of a data directory made by an older version to today's: one that is missing is created, and
 * one whose projection changed is deleted and created again, as DynamoDB cannot change a projection in place. One
 * index per update, each waited for, since DynamoDB (Local too) allows one index creation or deletion at a time.
 * DynamoDB Local fills a created index from the items already stored, but cases written before an index's keys
 * existed (a new index, not a new projection) have no keys for it until they next change.
 */
async function updateIndexes(
  client: DynamoDBClient,
  tableName: string,
  existing: readonly GlobalSecondaryIndexDescription[],
  log: (line: string) => void,
) {
  const wanted = createTableInput(tableName);
  for (const index of wanted.GlobalSecondaryIndexes) {
    const found = existing.find((i) => i.IndexName === index.IndexName);
    if (found && sameProjection(found.Projection, index.Projection)) continue;
    log(`[runtime] index ${index.IndexName}: ${found ? 'projection changed, rebuilding it' : 'adding it'}`);
    if (found) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: index.IndexName } }],
        }),
      );
      await awaitIndex(client, tableName, index.IndexName, 'gone');
    }
    const attributes = new Set<string>(index.KeySchema.map((key) => key.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: wanted.AttributeDefinitions.filter((a) => attributes.has(a.AttributeName)),
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    // A query of an index still CREATING answers nothing: the runtime serves only once it is filled.
    await awaitIndex(client, tableName, index.IndexName, 'ACTIVE');
  }
}

/** Waits until an index is ACTIVE, or gone, as DescribeTable reports it. */
export async function awaitIndex(
  client: DynamoDBClient,
  tableName: string,
  indexName: string,
  state: 'ACTIVE' | 'gone',
  timeoutMs = 120_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const index = Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === indexName);
    // An index without a status is taken as ready (DynamoDB Local reports CREATING, ACTIVE and DELETING).
    if (state === 'gone' ? !index : index && (index.IndexStatus ?? 'ACTIVE') === 'ACTIVE') return;
    if (Date.now() > deadline) {
      throw new Error(`index ${indexName} of ${tableName} is ${index?.IndexStatus ?? 'gone'}, not ${state}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const log = options.log ?? ((line: string) => console.log(line));
  const port = options.port ?? Number(process.env.PORT ?? 3000);
  const dataDir = resolve(options.dataDir ?? process.env.DATA_DIR ?? '.data');
  const tableName = options.tableName ?? 'motcua';
  const bucketName = options.bucketName ?? 'motcua-documents';
  await mkdir(dataDir, { recursive: true });

  const cleanups: (() => Promise<unknown>)[] = [];
  let stopHttp: (() => Promise<void>) | undefined;
  const cleanUp = async () => {
    // Stop taking requests first, then what serves them, in the reverse order of starting.
    const http = stopHttp;
    stopHttp = undefined;
    await http?.().catch((error) => console.error('[runtime] while stopping:', error));
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error) => console.error('[runtime] while stopping:', error));
    }
  };
  let stopping = false;

  try {
    const lockFile = await lockDataDir(dataDir);
    cleanups.push(() => rm(lockFile, { force: true }));
    await configureTokens(dataDir);

    // The server listens first, so that its URL is known for CORS and PUBLIC_BASE_URL; requests that
    // arrive before everything is ready wait for it.
    let markReady!: () => void;
    let markFailed!: (error: Error) => void;
    const ready = new Promise<void>((done, fail) => {
      markReady = done;
      markFailed = fail;
    });
    ready.catch(() => {});
    const http = await startHttpServer({ repoRoot: REPO_ROOT, routes, port, ready, log });
    stopHttp = () => http.stop();
    cleanups.push(async () => markFailed(new Error('stopped')));
    const origins = [http.url, http.url.replace('127.0.0.1', 'localhost')];
    // s3rver's own event emitter feeds the upload verifier, as S3's event notifications do on AWS.
    const objectEvents = startObjectEvents({ repoRoot: REPO_ROOT, consumer: uploadVerifier, ready, log });
    cleanups.push(() => objectEvents.stop());
    // The sandbox gateway, registered with our IPN URL as a merchant registers it with VNPay.
    const vnpay = vnpaySandboxConfig();
    const sandbox = createVnpaySandbox({
      ...vnpay,
      ipnUrl: `${http.url}/api/payments/vnpay/ipn`,
      log,
    });
    http.mount(sandbox);
    const vnpayPaymentUrl = `${http.url}${sandbox.paymentPath}`;

    const [dynamo, s3] = await Promise.all([
      startDynamoDbLocal({ dataDir, corsOrigins: origins }).then((service) => {
        cleanups.push(() => service.stop());
        return service;
      }),
      startS3rver({
        dataDir,
        buckets: [bucketName],
        corsOrigins: origins,
        credentials: AWS_CREDENTIALS,
        onEvent: (event) => objectEvents.deliver(event),
      }).then((service) => {
        cleanups.push(() => service.stop());
        return service;
      }),
    ]);
    void dynamo.exited.then(({ code, signal, output }) => {
      if (!stopping)
        console.error(
          `[runtime] DynamoDB Local stopped unexpectedly (code ${code}, signal ${signal}):\n${output}`,
        );
    });

    // Before any handler module is imported: they read their configuration at import time.
    Object.assign(process.env, {
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: AWS_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: AWS_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB_STREAMS: dynamo.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      // s3rver stores the chunk framing of flexible-checksum uploads as content (measured): off by default.
      AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
      [ENV.s3ForcePathStyle]: 'true',
      [ENV.tableName]: tableName,
      [ENV.documentsBucket]: bucketName,
      [ENV.notifyChannel]: 'outbox',
      [ENV.runtime]: 'local',
      [ENV.publicBaseUrl]: http.url,
      [ENV.sealKey]: await dataDirKey(dataDir, 'seal-key'),
      [ENV.verifyTokenKey]: await dataDirKey(dataDir, 'verify-token-key'),
      // Level 4: the sandbox gateway's merchant account, the agencies' demo signing keys, the webhook queue.
      [ENV.vnpayTmnCode]: vnpay.tmnCode,
      [ENV.vnpayHashSecret]: vnpay.hashSecret,
      [ENV.vnpayPaymentUrl]: vnpayPaymentUrl,
      [ENV.signingMode]: 'local',
      [ENV.signingDir]: join(dataDir, 'signing'),
      [ENV.webhookQueueUrl]: `local:${queueConsumers.find((q) => q.name === 'webhook-delivery')?.queue}`,
      // CloudWatch metrics (EMF on stdout) mean nothing on one machine.
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_SERVICE_NAME: 'motcua-local',
    });
    delete process.env.AWS_PROFILE;
    delete process.env.AWS_SESSION_TOKEN;

    const clientConfig = { endpoint: dynamo.endpoint, region: REGION, credentials: AWS_CREDENTIALS };
    const dynamodb = new DynamoDBClient(clientConfig);
    const streams = new DynamoDBStreamsClient(clientConfig);
    cleanups.push(async () => {
      dynamodb.destroy();
      streams.destroy();
    });
    // The catalogue and the demo accounts live in code (schemas/, local/demo-accounts.ts): nothing to seed.
    await ensureTable(dynamodb, tableName, log);
    log(`[runtime] table ${tableName} ready`);

    // One reading of the stream for every consumer; each keeps its own checkpoint, as each of AWS's event-source
    // mappings does (five pollers, each reading every record, were a visible share of the runtime's time under load).
    const streamPoller = await startStreamPoller({
      repoRoot: REPO_ROOT,
      tableName,
      consumers: streamConsumers.map((consumer) => ({
        consumer,
        // The notifier keeps the file name it had before there were several consumers.
        checkpointFile: join(
          dataDir,
          consumer.name === 'notifier'
            ? 'stream-checkpoints.json'
            : `stream-checkpoints.${consumer.name}.json`,
        ),
      })),
      dynamodb,
      streams,
      log,
    });
    cleanups.push(() => streamPoller.stop());
    // One poller per queue consumer, as AWS runs one SQS event-source mapping per function.
    const queuePollers = await Promise.all(
      queueConsumers.map((consumer) => startQueuePoller({ repoRoot: REPO_ROOT, consumer, log })),
    );
    cleanups.push(() => Promise.all(queuePollers.map((poller) => poller.stop())));
    markReady();

    return {
      url: http.url,
      dataDir,
      tableName,
      bucketName,
      endpoints: { dynamodb: dynamo.endpoint, s3: s3.endpoint },
      staleDynamoDbPid: dynamo.staleKilled,
      vnpay: { paymentUrl: vnpayPaymentUrl, ...vnpay },
      drainStream: async (timeoutMs) => {
        await streamPoller.drain(timeoutMs);
        await Promise.all(queuePollers.map((poller) => poller.drain(timeoutMs)));
      },
      drainObjectEvents: (timeoutMs) => objectEvents.drain(timeoutMs),
      stop: async () => {
        stopping = true;
        await cleanUp();
      },
    };
  } catch (error) {
    stopping = true;
    await cleanUp();
    throw error;
  }
}
