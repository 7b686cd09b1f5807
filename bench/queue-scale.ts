// Benchmark: the officials' queue at scale. Loads 1,000 and then 100,000 cases into one agency of a local
// runtime's DynamoDB Local (BatchWriteItem, items built by the storage code's own caseItem), and prints the
// p50/p95 of GET /api/queue over HTTP, for the first page and for a page 90% deep reached by cursor, at each
// size, with the ratio of the p95s (goal: 100k within 1.5x of 1k).
// Usage: npx tsx bench/queue-scale.ts [sizes=1000,100000] [requests=200]
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { vietnamCalendar } from '../functions/domain/calendar';
import { formatCaseCode } from '../functions/domain/case-code';
import { toVietnamIso } from '../functions/domain/vietnam-time';
import type { CaseRecord } from '../functions/storage/records';
import { TABLE } from '../functions/storage/table';
import { findProcedure } from '../schemas/catalogue';
import { api } from '../test/support/http';
import { startRuntimeProcess } from '../test/support/runtime-process';
import { batchLoad, localTable, TABLE_NAME, timed as timedRuns, untilIdle } from './scale-support';
import { percentile } from './stats';

const SIZES = (process.argv[2] ?? '1000,100000').split(',').map(Number);
const REQUESTS = Number(process.argv[3] ?? 200);
const timed = (run: () => Promise<unknown>) => timedRuns(run, REQUESTS);
const PROCEDURE_ID = 'dang-ky-khai-sinh';

// The storage module reads its configuration at import; the bench only borrows its item builder.
process.env.TABLE_NAME ??= TABLE_NAME;
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { agencyQueuePartition, caseItem } = await import('../functions/storage/cases');

const procedure = findProcedure(PROCEDURE_ID);
if (!procedure) throw new Error(`no procedure ${PROCEDURE_ID}`);
const example = procedure.examples[0] as Record<string, unknown>;

/**
 * The n-th (from 0) of `total` loaded cases, submitted as real submissions are. Its place in time is a
 * permutation of n (7919 is prime, so coprime to the sizes), so that the first thousand loaded are spread over
 * the same 200 days as all of them, and the queue's later loads land between earlier ones.
 */
function caseRecord(n: number, total: number): CaseRecord {
  const place = (n * 7919) % total;
  const spanMs = 200 * 86_400_000;
  const at = new Date(Date.UTC(2026, 10, 1) - spanMs + Math.floor((place / total) * spanMs));
  const submittedAt = toVietnamIso(at);
  const code = formatCaseCode(procedure!.agency.code, at, place + 1);
  const uploadId = randomUUID();
  return {
    type: 'case',
    code,
    procedureId: procedure!.id,
    procedureName: procedure!.name,
    agencyId: procedure!.agency.id,
    status: 'submitted',
    version: 1,
    data: example,
    documents: [
      {
        documentType: 'medical-birth-certificate',
        uploadId,
        fileName: 'giấy chứng sinh.pdf',
        contentType: 'application/pdf',
        size: 182_345,
        key: `documents/${uploadId}`,
      },
    ],
    applicant: { id: randomUUID(), role: 'citizen', name: 'Nguyễn Văn An', email: 'an@example.com' },
    applicantName: procedure!.applicantName(example),
    contact: { email: 'an@example.com', phone: '0912345678' },
    lang: 'vi',
    submittedAt,
    dueAt: toVietnamIso(vietnamCalendar.addWorkingDays(at, procedure!.processingDays)),
    updatedAt: submittedAt,
    trackingPinHash: `scrypt$4096$8$1$${'A'.repeat(22)}$${'B'.repeat(43)}`,
  };
}

/**
 * The storage floor: the same index Query straight to DynamoDB Local, from the start of the agency's
 * submitted queue or from a key reached 90% down it (walked with the table's own LastEvaluatedKey).
 */
async function rawQueries(table: DynamoDBDocumentClient, size: number) {
  const index = TABLE.indexes.agencyQueue;
  const query = (limit: number, start?: Record<string, unknown>) =>
    table.send(
      new QueryCommand({
        TableName: TABLE_NAME,
        IndexName: index.name,
        KeyConditionExpression: `${index.partitionKey} = :pk`,
        ExpressionAttributeValues: {
          ':pk': agencyQueuePartition(procedure!.agency.id, 'submitted'),
        },
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
  let start: Record<string, unknown> | undefined;
  for (let seen = 0; seen < size * 0.9; ) {
    const page = await query(100, start);
    seen += page.Items?.length ?? 0;
    start = page.LastEvaluatedKey;
    if (!start) throw new Error('the index ended before 90% of it');
  }
  const deepKey: Record<string, unknown> = start ?? {};
  // The same deep page asked for by a key condition on the sort key instead of ExclusiveStartKey: equivalent
  // on DynamoDB, and a way to tell where DynamoDB Local spends its time.
  const after = (page: { sortKey: string }) =>
    table.send(
      new QueryCommand({
        TableName: TABLE_NAME,
        IndexName: index.name,
        KeyConditionExpression: `${index.partitionKey} = :pk AND ${index.sortKey} > :after`,
        ExpressionAttributeValues: {
          ':pk': agencyQueuePartition(procedure!.agency.id, 'submitted'),
          ':after': page.sortKey,
        },
        Limit: 20,
      }),
    );
  const sortKey = String(deepKey[index.sortKey]);
  return {
    first: await timed(() => query(20)),
    deep: await timed(() => query(20, deepKey)),
    deepByKeyCondition: await timed(() => after({ sortKey })),
  };
}

const dataDir = await mkdtemp(join(tmpdir(), 'motcua-queue-scale-'));
const runtime = await startRuntimeProcess({ dataDir, removeDataDir: true });
try {
  const table = localTable(runtime.info.dynamodb);
  const client = api(runtime.url);
  const token = await client.tokenFor(`official-${procedure.agency.id}`);
  const total = Math.max(...SIZES);
  const results: {
    size: number;
    first: number[];
    deep: number[];
    raw: { first: number[]; deep: number[] };
  }[] = [];
  let loaded = 0;
  for (const size of SIZES) {
    await batchLoad(table, loaded, size, (n) => caseItem(caseRecord(n, total)));
    loaded = size;
    await untilIdle(runtime.pgid);

    // A cursor 90% of the way down the queue, reached as a client would, 100 at a time.
    let cursor: string | undefined;
    let seen = 0;
    while (seen < size * 0.9) {
      const page = await client.get(
        `/api/queue?status=submitted&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { token },
      );
      seen += page.body.items.length;
      cursor = page.body.nextCursor;
      if (!cursor) break;
    }
    if (!cursor) throw new Error('the queue ended before 90% of it');
    const deepCursor = cursor;

    const first = await timed(() => client.get('/api/queue?status=submitted', { token }));
    const deep = await timed(() =>
      client.get(`/api/queue?status=submitted&cursor=${encodeURIComponent(deepCursor)}`, { token }),
    );
    const raw = await rawQueries(table, size);
    results.push({ size, first, deep, raw });
    const ms = (values: number[], p: number) => `${percentile(values, p).toFixed(1)} ms`;
    console.log(
      `${size.toLocaleString('en')} cases: GET /api/queue first page p50 ${ms(first, 50)}, p95 ${ms(first, 95)}; ` +
        `deep page (${seen.toLocaleString('en')} in) p50 ${ms(deep, 50)}, p95 ${ms(deep, 95)}\n` +
        `  storage floor (the index Query alone): first p50 ${ms(raw.first, 50)}, p95 ${ms(raw.first, 95)}; ` +
        `deep p50 ${ms(raw.deep, 50)}, p95 ${ms(raw.deep, 95)}; the deep page by a sort-key condition ` +
        `p50 ${ms(raw.deepByKeyCondition, 50)}, p95 ${ms(raw.deepByKeyCondition, 95)}`,
    );
  }
  const [smallest, largest] = [results[0]!, results.at(-1)!];
  const ratio = (large: number[], small: number[]) =>
    (percentile(large, 95) / percentile(small, 95)).toFixed(2);
  console.log(
    `p95 ratio ${largest.size.toLocaleString('en')} / ${smallest.size.toLocaleString('en')}: ` +
      `first page ${ratio(largest.first, smallest.first)}x, deep page ${ratio(largest.deep, smallest.deep)}x ` +
      `(goal ≤ 1.5x); storage floor: first ${ratio(largest.raw.first, smallest.raw.first)}x, ` +
      `deep ${ratio(largest.raw.deep, smallest.raw.deep)}x`,
  );
} finally {
  await runtime.stop();
}
