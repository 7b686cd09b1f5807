// Benchmark: N applications with their uploads through the local runtime's HTTP API, beside the storage floor; then
// what one application costs in calls, counted with SDK middleware in an in-process runtime (bench/sdk-calls.ts).
// Usage: npm run bench -- [applications=200] [concurrency=8] [counted=20] [rounds=4]
// Applications and the floor run in alternating rounds (the machine's load drifts), and the medians are reported.
// Writes .bench/submit-run.json, which `npx tsx bench/cost.ts` prices (docs/cost.md).
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { routes } from '../functions/routes';
import { createTableInput } from '../functions/storage/table';
import { REPO_ROOT } from '../local/runtime';
import { pdfBytes } from '../test/support/files';
import { type ApiResponse, api } from '../test/support/http';
import { startRuntimeProcess } from '../test/support/runtime-process';
import { postToStorage, presignUpload } from '../test/support/uploads';
import { routeOf } from './browser-traffic';
import {
  type ClientTraffic,
  emptyTraffic,
  merge,
  type Sent,
  startCountedRuntime,
  writeRun,
} from './counted-runtime';
import { localTable } from './scale-support';
import { byWhere, type Counts, isDeployedFunction, writesPerRequest } from './sdk-calls';
import { percentile } from './stats';

const N = Number(process.argv[2] ?? 200);
const CONCURRENCY = Number(process.argv[3] ?? 8);
const COUNTED = Number(process.argv[4] ?? 20);
const ROUNDS = Number(process.argv[5] ?? 4);
const PROCEDURE = 'dang-ky-khai-sinh';
const DOCUMENT = 'medical-birth-certificate';
const AGENCY = 'ubnd-xa-gia-sinh';
const OUTPUT = join(REPO_ROOT, '.bench', 'submit-run.json');
/** The official's actions the counted journey takes, in order. */
const ACTIONS = ['receive', 'approve', 'issue_result'] as const;

type Client = ReturnType<typeof api>;

/** Runs `task(i)` for i < n with at most `concurrency` in flight; returns each one's milliseconds. */
async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>) {
  const durations: number[] = new Array(n);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        durations[i] = performance.now() - t0;
      }
    }),
  );
  return { durations, seconds: (performance.now() - started) / 1000 };
}

const expectStatus = (what: string, answer: ApiResponse, status: number) => {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
};

/** Reads the upload's status until it has a verdict, as the documents page does before the applicant goes on. */
async function awaitVerdict(c: Client, token: string, uploadId: string) {
  for (;;) {
    const status = expectStatus('upload status', await c.get(`/api/uploads/${uploadId}`, { token }), 200);
    if (status.body.status !== 'pending') return status.body.status as string;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `POST /api/applications` of the procedure's example data with one uploaded document. */
const submitExample = (c: Client, token: string, example: unknown, uploadId: string) =>
  c.post('/api/applications', {
    token,
    headers: { 'idempotency-key': randomUUID() },
    body: { procedureId: PROCEDURE, data: example, documents: [{ documentType: DOCUMENT, uploadId }] },
  });

/** One application as a browser makes it: a presigned POST, the file to storage, its verdict, the submission. */
async function apply(c: Client, token: string, example: unknown, file: Uint8Array) {
  const form = await presignUpload(c, token, {
    procedureId: PROCEDURE,
    documentType: DOCUMENT,
    bytes: file,
    fileName: 'giay-chung-sinh.pdf',
  });
  await postToStorage(form, file);
  await awaitVerdict(c, token, form.uploadId);
  const t0 = performance.now();
  const submitted = await submitExample(c, token, example, form.uploadId);
  const submitMs = performance.now() - t0;
  expectStatus('submission', submitted, 201);
  return { submitMs, code: submitted.body.code as string, uploadId: form.uploadId };
}

/** Applications per second end to end, POST /api/applications alone, and the same items written raw. */
async function measureRate() {
  const dataDir = await mkdtemp(join(tmpdir(), 'motcua-bench-'));
  const runtime = await startRuntimeProcess({ dataDir });
  try {
    const c = api(runtime.url);
    const token = await c.tokenFor('citizen1');
    const example = (await c.get(`/api/procedures/${PROCEDURE}`)).body.form.examples[0];
    const file = pdfBytes('benchmark');
    // Warm-up: module imports, JIT, DynamoDB Local's first transactions.
    await pool(Math.min(20, N), CONCURRENCY, async () => {
      await apply(c, token, example, file);
    });

    // The floor: the same items written by raw TransactWriteItems to DynamoDB Local, with the same concurrency.
    const ddb = localTable(runtime.info.dynamodb, { marshallOptions: { removeUndefinedValues: true } });
    const TableName = `bench-floor-${Date.now()}`;
    const { StreamSpecification: _noStream, ...tableInput } = createTableInput(TableName);
    await ddb.send(new CreateTableCommand(tableInput));
    const caseLike = {
      ...example,
      status: 'submitted',
      version: 1,
      documents: [
        {
          documentType: DOCUMENT,
          uploadId: 'u',
          fileName: 'f.pdf',
          contentType: 'application/pdf',
          size: file.length,
          key: 'documents/u/e',
        },
      ],
    };
    const floorCode = (i: number) => `BENCH-${i}-${randomUUID().slice(0, 6)}`;
    const floorUpload = (code: string) => ({
      pk: `UPLOAD#${code}`,
      sk: 'UPLOAD',
      status: 'verified',
      ownerId: 'o',
    });
    const notificationKeys = (code: string) => [1, 2].map((n) => ({ pk: `CASE#${code}`, sk: `NOTIF#${n}` }));
    const floorTransaction = (code: string) => {
      const upload = floorUpload(code);
      const put = (Item: Record<string, unknown>) => ({
        Put: { TableName, Item, ConditionExpression: 'attribute_not_exists(pk)' },
      });
      const [email, sms] = notificationKeys(code);
      return ddb.send(
        new TransactWriteCommand({
          TransactItems: [
            put({ pk: `IDEMPOTENCY#o#${code}`, sk: 'IDEMPOTENCY', response: { code }, expiresAt: 1 }),
            put({
              pk: `CASE#${code}`,
              sk: 'CASE',
              gsi1pk: 'AGENCY#a#STATUS#submitted',
              gsi1sk: code,
              gsi2pk: 'APPLICANT#o',
              gsi2sk: code,
              data: caseLike,
            }),
            put({ pk: `CASE#${code}`, sk: 'EVENT#00001', status: 'submitted' }),
            put({ ...email, channel: 'email', status: 'pending' }),
            put({ ...sms, channel: 'sms', status: 'pending' }),
            {
              Update: {
                TableName,
                Key: { pk: upload.pk, sk: upload.sk },
                UpdateExpression: 'SET #s = :claimed',
                ConditionExpression: '#s = :verified AND ownerId = :o',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':claimed': 'claimed', ':verified': 'verified', ':o': 'o' },
              },
            },
          ],
        }),
      );
    };
    /** The issue's floor: the upload's item, then the submission's transaction. */
    const floorItems = async (i: number) => {
      const code = floorCode(i);
      await ddb.send(new PutCommand({ TableName, Item: floorUpload(code) }));
      await floorTransaction(code);
    };
    const add = (Key: Record<string, unknown>, attribute: string) =>
      new UpdateCommand({
        TableName,
        Key,
        UpdateExpression: 'ADD #a :one',
        ExpressionAttributeNames: { '#a': attribute },
        ExpressionAttributeValues: { ':one': 1 },
      });
    /**
     * Every storage call one application makes, in its order, written raw: what DynamoDB Local alone allows for the
     * platform's design, whatever the code around it. The calls are those the counted journey below reports.
     */
    const floorAllCalls = async (i: number) => {
      const code = floorCode(i);
      const upload = floorUpload(code);
      const key = { pk: upload.pk, sk: upload.sk };
      await ddb.send(new PutCommand({ TableName, Item: { ...upload, status: 'pending' } })); // POST /api/uploads
      await ddb.send(
        new UpdateCommand({
          TableName,
          Key: key,
          UpdateExpression: 'SET #s = :verified',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':verified': 'verified' },
        }),
      ); // the verifier's verdict
      await ddb.send(new GetCommand({ TableName, Key: key, ConsistentRead: true })); // the client reads it
      await Promise.all([
        ddb.send(
          new BatchGetCommand({ RequestItems: { [TableName]: { Keys: [key], ConsistentRead: true } } }),
        ),
        ddb.send(add({ pk: 'COUNTER#a', sk: 'DAY' }, 'seq')), // the day's sequence number
      ]);
      await floorTransaction(code);
      await ddb.send(
        new TransactWriteCommand({
          TransactItems: [{ Update: add({ pk: 'TALLY#a', sk: 'submitted' }, 'count').input as never }],
        }),
      ); // tallies
      const notifications = notificationKeys(code);
      await ddb.send(
        new BatchGetCommand({ RequestItems: { [TableName]: { Keys: notifications, ConsistentRead: true } } }),
      ); // notifier
      for (const n of notifications) await ddb.send(add(n, 'attempts')); // its marks
    };
    await pool(Math.min(20, N), CONCURRENCY, floorItems);
    await pool(Math.min(20, N), CONCURRENCY, floorAllCalls);

    const perRound = Math.ceil(N / ROUNDS);
    const rounds: { rate: number; floorRate: number; allCallsRate: number }[] = [];
    const durations: number[] = [];
    const submitOnly: number[] = [];
    const floorDurations: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const submits: number[] = new Array(perRound);
      const http = await pool(perRound, CONCURRENCY, async (i) => {
        submits[i] = (await apply(c, token, example, file)).submitMs;
      });
      const floor = await pool(perRound, CONCURRENCY, floorItems);
      const allCalls = await pool(perRound, CONCURRENCY, floorAllCalls);
      rounds.push({
        rate: perRound / http.seconds,
        floorRate: perRound / floor.seconds,
        allCallsRate: perRound / allCalls.seconds,
      });
      durations.push(...http.durations);
      submitOnly.push(...submits);
      floorDurations.push(...floor.durations);
    }
    await ddb.send(new DeleteTableCommand({ TableName }));
    ddb.destroy();
    return { rounds, durations, submitOnly, floorDurations };
  } finally {
    await runtime.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** A client that notes every API request it makes under its route, as API Gateway would bill it. */
function countingClient(c: Client, traffic: () => ClientTraffic): Client {
  const note = (method: string, path: string, answer: ApiResponse) => {
    const t = traffic();
    const { route } = routeOf(routes, method, path.split('?')[0]!);
    t.apiRequests[route] = (t.apiRequests[route] ?? 0) + 1;
    t.apiResponseBytes += Buffer.byteLength(
      typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body),
    );
    return answer;
  };
  return {
    ...c,
    get: async (path, options) => note('GET', path, await c.get(path, options)),
    post: async (path, options) => note('POST', path, await c.post(path, options)),
  };
}

/**
 * One application through its whole life, in an in-process runtime whose SDK clients are counted: the applicant's
 * journey (the form's procedure, the upload, its verdict, the submission) and the agency's (the queue, the case
 * and its document, receive, approve, the result PDF uploaded and issued, the applicant reading the case once).
 * Each step waits for the consumers it sets off (verifier, notifier, janitor, result signer, webhook fan-out), so
 * that their calls count with it.
 */
async function countOneApplication() {
  const counted = await startCountedRuntime('motcua-bench-count-');
  const { runtime, counter, settle, sentFor } = counted;
  try {
    const raw = api(runtime.url);
    let traffic = emptyTraffic();
    const c = countingClient(raw, () => traffic);
    const token = await raw.tokenFor('citizen1');
    const official = await raw.tokenFor(`official-${AGENCY}`);
    const file = pdfBytes('benchmark');
    /** The official's result document: presigned, posted, verified as it lands. */
    const uploadResult = async () => {
      const form = await presignUpload(c, official, {
        procedureId: PROCEDURE,
        documentType: 'result',
        bytes: file,
        fileName: 'trich-luc.pdf',
      });
      await postToStorage(form, file);
      traffic.storagePosts++;
      await runtime.drainObjectEvents(60_000);
      return form.uploadId;
    };
    const example = (await raw.get(`/api/procedures/${PROCEDURE}`)).body.form.examples[0];
    // Warm-up, not counted.
    await apply(raw, token, example, file);
    await settle();
    counter.take();

    const verdictMs: number[] = [];
    const steps: { submission: Counts[]; processing: Counts[] } = { submission: [], processing: [] };
    const trafficOf = { submission: emptyTraffic(), processing: emptyTraffic() };
    const outbox = { submission: [] as Sent[], processing: [] as Sent[] };
    const requestPath: Counts[] = [];
    const requests = Object.fromEntries(ACTIONS.map((action) => [action, [] as Counts[]])) as Record<
      (typeof ACTIONS)[number],
      Counts[]
    >;
    for (let i = 0; i < COUNTED; i++) {
      traffic = trafficOf.submission;
      expectStatus('procedure', await c.get(`/api/procedures/${PROCEDURE}`), 200);
      const form = await presignUpload(c, token, {
        procedureId: PROCEDURE,
        documentType: DOCUMENT,
        bytes: file,
        fileName: 'giay-chung-sinh.pdf',
      });
      const landed = performance.now();
      await postToStorage(form, file);
      traffic.storagePosts++;
      await runtime.drainObjectEvents(60_000);
      verdictMs.push(performance.now() - landed);
      expectStatus('upload status', await c.get(`/api/uploads/${form.uploadId}`, { token }), 200);
      await settle();
      const beforeSubmit = counter.take();
      const submitted = expectStatus(
        'submission',
        await submitExample(c, token, example, form.uploadId),
        201,
      );
      // The submission's own calls, before any consumer it sets off runs.
      const submitting = counter.take();
      requestPath.push(onlyFunction(submitting, 'motcua-submit'));
      const code = submitted.body.code as string;
      await settle();
      steps.submission.push(merge([beforeSubmit, submitting, counter.take()]));
      const notifiedOnSubmission = await sentFor(code);
      outbox.submission.push(...notifiedOnSubmission);
      counter.take();

      traffic = trafficOf.processing;
      expectStatus('queue', await c.get('/api/queue', { token: official }), 200);
      const view = expectStatus('case', await c.get(`/api/cases/${code}`, { token: official }), 200);
      const download = await fetch(view.body.documents[0].downloadUrl);
      traffic.storageGets++;
      traffic.storageGetBytes += (await download.arrayBuffer()).byteLength;
      let version = 1;
      const processing: Counts[] = [];
      for (const action of ACTIONS) {
        // Level 4: the result is a PDF, uploaded and verified as the applicant's document was, then signed.
        const result = action === 'issue_result' ? { uploadId: await uploadResult() } : undefined;
        processing.push(counter.take());
        const acted = expectStatus(
          action,
          await c.post(`/api/cases/${code}/actions`, {
            token: official,
            body: { action, expectedVersion: version, ...(result ? { result } : {}) },
          }),
          200,
        );
        version = acted.body.version;
        // The action's own calls: the consumers it sets off run in functions of their own.
        const acting = counter.take();
        processing.push(acting);
        requests[action].push(onlyFunction(acting, 'motcua-case-actions'));
      }
      expectStatus('own case', await c.get(`/api/applications/${code}`, { token }), 200);
      await settle();
      steps.processing.push(merge([...processing, counter.take()]));
      const known = new Set(notifiedOnSubmission.map((sent) => sent.id));
      outbox.processing.push(...(await sentFor(code)).filter((sent) => !known.has(sent.id)));
      counter.take();
    }
    return {
      verdictMs,
      requestPath: merge(requestPath),
      // Each request's own calls, with the write units each spent on the table and on each index.
      requests: {
        submission: merge(requestPath),
        ...Object.fromEntries(ACTIONS.map((action) => [action, merge(requests[action])])),
      } as Record<'submission' | (typeof ACTIONS)[number], Counts>,
      submission: {
        counts: merge(steps.submission),
        client: trafficOf.submission,
        notifications: outbox.submission.map(({ channel, body }) => ({ channel, body })),
      },
      processing: {
        counts: merge(steps.processing),
        client: trafficOf.processing,
        notifications: outbox.processing.map(({ channel, body }) => ({ channel, body })),
      },
      documentBytes: file.length,
    };
  } finally {
    await counted.stop();
  }
}

const onlyFunction = (counts: Counts, functionName: string): Counts => ({
  operations: counts.operations.filter((o) => o.functionName === functionName),
  invocations: counts.invocations.filter((i) => i.functionName === functionName),
});

const units = (value: number) => value.toFixed(2).replace(/\.?0+$/, '');

/** "UpdateItem 1, BatchGetItem 1, TransactWriteItems 1" per application. */
function roundTrips(counts: Counts, service: 'DynamoDB' | 'S3', per: number): string {
  // The local runtime's own calls (its queue's polling) are not the platform's.
  const calls = counts.operations.filter((o) => o.service === service && isDeployedFunction(o.functionName));
  const total = calls.reduce((sum, o) => sum + o.calls, 0) / per;
  const each = calls
    .map((o) => `${o.operation} ${(o.calls / per).toFixed(2).replace(/\.00$/, '')}`)
    .join(', ');
  return `${total.toFixed(2).replace(/\.00$/, '')}${each ? ` (${each})` : ''}`;
}

async function main() {
  const { rounds, durations, submitOnly, floorDurations } = await measureRate();
  const median = (values: number[]) => percentile(values, 50);
  const rate = median(rounds.map((r) => r.rate));
  const floorRate = median(rounds.map((r) => r.floorRate));
  const ratio = median(rounds.map((r) => r.rate / r.floorRate));
  const allCallsRate = median(rounds.map((r) => r.allCallsRate));
  const bound = median(rounds.map((r) => r.allCallsRate / r.floorRate));
  const row = (name: string, perSecond: number, durations: number[]) =>
    `${name.padEnd(44)} ${(Number.isNaN(perSecond) ? '' : `${perSecond.toFixed(1)}/s`).padStart(10)}   p50 ${percentile(durations, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(durations, 95).toFixed(1).padStart(7)} ms`;
  console.log(
    `\nmotcua submission benchmark: ${N} applications in ${ROUNDS} rounds alternating with the floor, ` +
      `concurrency ${CONCURRENCY}, node ${process.version}; rates are medians of the rounds`,
  );
  console.log(row('applications (upload + file + verdict + submit)', rate, durations));
  console.log(row('  of which POST /api/applications alone', Number.NaN, submitOnly));
  console.log(row('floor: raw TransactWriteItems, same items', floorRate, floorDurations));
  console.log(
    `ratio applications/floor: ${ratio.toFixed(2)}x of the floor's rate (rounds: ` +
      `${rounds.map((r) => (r.rate / r.floorRate).toFixed(2)).join(', ')}; goal >= 0.70); ` +
      `p95 of POST /api/applications: ${(percentile(submitOnly, 95) / percentile(floorDurations, 95)).toFixed(2)}x ` +
      "the floor's p95 (goal <= 2)",
  );
  console.log(
    `${'every storage call of an application, raw'.padEnd(44)} ${`${allCallsRate.toFixed(1)}/s`.padStart(10)}   ` +
      `= ${bound.toFixed(2)}x the floor (rounds: ${rounds.map((r) => (r.allCallsRate / r.floorRate).toFixed(2)).join(', ')}): ` +
      `what DynamoDB Local alone allows the design; applications reach ` +
      `${median(rounds.map((r) => r.rate / r.allCallsRate)).toFixed(2)}x of it`,
  );

  const counted = await countOneApplication();
  const perApp = COUNTED;
  console.log(
    `\nround trips of one POST /api/applications (SDK middleware, ${perApp} applications, request path only):`,
  );
  console.log(`  DynamoDB ${roundTrips(counted.requestPath, 'DynamoDB', perApp)}`);
  console.log(`  S3       ${roundTrips(counted.requestPath, 'S3', perApp)}`);
  console.log(
    `upload verdict after the file landed (in-process runtime): p50 ${percentile(counted.verdictMs, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(counted.verdictMs, 95).toFixed(1)} ms, max ${Math.max(...counted.verdictMs).toFixed(1)} ms`,
  );
  for (const [name, step] of [
    ['submission journey', counted.submission],
    ['processing journey', counted.processing],
  ] as const) {
    console.log(`${name}, per application, every function:`);
    console.log(`  DynamoDB ${roundTrips(step.counts, 'DynamoDB', perApp)}`);
    console.log(`  S3       ${roundTrips(step.counts, 'S3', perApp)}`);
  }

  console.log(
    'write units of one request, by operation, on the table and each index (ReturnConsumedCapacity INDEXES):',
  );
  for (const [name, counts] of Object.entries(counted.requests)) {
    const writes = writesPerRequest(counts, perApp).map(
      (w) =>
        `${w.operation} ${units(w.writeUnits)} WRU (` +
        `${Object.keys(w.writeUnitsBy)
          .sort(byWhere)
          .map((where) => `${where} ${units(w.writeUnitsBy[where]!)}`)
          .join(', ')})`,
    );
    console.log(`  ${name.padEnd(12)} ${writes.join('; ')}`);
  }

  await writeRun(OUTPUT, {
    rate: {
      applications: N,
      concurrency: CONCURRENCY,
      rounds,
      perSecond: rate,
      floorPerSecond: floorRate,
      ratio,
      allStorageCallsPerSecond: allCallsRate,
      allStorageCallsRatio: bound,
      submitP50: percentile(submitOnly, 50),
      submitP95: percentile(submitOnly, 95),
      floorP50: percentile(floorDurations, 50),
      floorP95: percentile(floorDurations, 95),
    },
    counted: { applications: perApp, ...counted },
  });
  console.log(`\nwrote ${OUTPUT}; price it with: npx tsx bench/cost.ts`);
}

await main();
