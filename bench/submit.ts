// Benchmark: N applications with their uploads through the local runtime's HTTP API, beside the storage floor.
// Usage: npm run bench -- [applications=200] [concurrency=8]
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createTableInput } from '../functions/storage/table';
import { pdfBytes } from '../test/support/files';
import { api } from '../test/support/http';
import { startRuntimeProcess } from '../test/support/runtime-process';
import { uploadFile } from '../test/support/uploads';
import { percentile } from './stats';

const N = Number(process.argv[2] ?? 200);
const CONCURRENCY = Number(process.argv[3] ?? 8);
const PROCEDURE = 'dang-ky-khai-sinh';
const DOCUMENT = 'medical-birth-certificate';

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

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'motcua-bench-'));
  const runtime = await startRuntimeProcess({ dataDir });
  try {
    const c = api(runtime.url);
    const token = await c.tokenFor('citizen1');
    const example = (await c.get(`/api/procedures/${PROCEDURE}`)).body.form.examples[0];
    const file = pdfBytes('benchmark');
    const submitOnly: number[] = new Array(N);

    const oneApplication = async (i: number) => {
      const uploadId = await uploadFile(c, token, {
        procedureId: PROCEDURE,
        documentType: DOCUMENT,
        bytes: file,
        fileName: 'giay-chung-sinh.pdf',
      });
      const t0 = performance.now();
      const submitted = await c.post('/api/applications', {
        token,
        headers: { 'idempotency-key': randomUUID() },
        body: {
          procedureId: PROCEDURE,
          data: example,
          documents: [{ documentType: DOCUMENT, uploadId }],
        },
      });
      submitOnly[i] = performance.now() - t0;
      if (submitted.status !== 201)
        throw new Error(`submission ${i}: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    };

    // Warm-up: module imports, JIT, DynamoDB Local's first transactions.
    await pool(Math.min(20, N), CONCURRENCY, oneApplication);
    const http = await pool(N, CONCURRENCY, oneApplication);

    // The floor: the same items written by raw TransactWriteItems to DynamoDB Local, with the same concurrency.
    const ddb = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: runtime.info.dynamodb,
        region: 'ap-southeast-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
      { marshallOptions: { removeUndefinedValues: true } },
    );
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
          key: 'documents/u',
        },
      ],
    };
    const floorItems = async (i: number) => {
      const code = `BENCH-${i}-${randomUUID().slice(0, 6)}`;
      const upload = { pk: `UPLOAD#${code}`, sk: 'UPLOAD', status: 'pending', ownerId: 'o' };
      await ddb.send(new PutCommand({ TableName, Item: upload }));
      const put = (Item: Record<string, unknown>) => ({
        Put: { TableName, Item, ConditionExpression: 'attribute_not_exists(pk)' },
      });
      await ddb.send(
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
            put({ pk: `CASE#${code}`, sk: 'NOTIF#1', channel: 'email', status: 'pending' }),
            put({ pk: `CASE#${code}`, sk: 'NOTIF#2', channel: 'sms', status: 'pending' }),
            {
              Update: {
                TableName,
                Key: { pk: upload.pk, sk: upload.sk },
                UpdateExpression: 'SET #s = :claimed',
                ConditionExpression: '#s = :pending AND ownerId = :o',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':claimed': 'claimed', ':pending': 'pending', ':o': 'o' },
              },
            },
          ],
        }),
      );
    };
    await pool(Math.min(20, N), CONCURRENCY, floorItems);
    const floor = await pool(N, CONCURRENCY, floorItems);
    await ddb.send(new DeleteTableCommand({ TableName }));

    const rate = N / http.seconds;
    const floorRate = N / floor.seconds;
    const row = (name: string, perSecond: number, durations: number[]) =>
      `${name.padEnd(44)} ${(Number.isNaN(perSecond) ? '' : `${perSecond.toFixed(1)}/s`).padStart(10)}   p50 ${percentile(durations, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(durations, 95).toFixed(1).padStart(7)} ms`;
    console.log(
      `\nmotcua submission benchmark: ${N} applications, concurrency ${CONCURRENCY}, node ${process.version}`,
    );
    console.log(row('applications (upload + file + submit), HTTP', rate, http.durations));
    console.log(row('  of which POST /api/applications alone', Number.NaN, submitOnly));
    console.log(row('floor: raw TransactWriteItems, same items', floorRate, floor.durations));
    console.log(
      `ratio floor/applications: ${(floorRate / rate).toFixed(2)}x (how many times faster storage alone is)`,
    );
  } finally {
    await runtime.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
