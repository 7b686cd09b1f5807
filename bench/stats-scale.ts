// Benchmark: the public statistics at scale. Loads 1,000 and then 100,000 cases of every procedure into a local
// runtime's DynamoDB Local (BatchWriteItem, items built by the storage code's own caseItem): received over twelve
// months, some resolved on time, some late, some pending or waiting for a supplement. The tallies consumer counts
// them from the table's stream, as it counts real changes; once it has caught up, the bench checks the figures
// against the cases it made and prints the p50/p95 of GET /api/stats over HTTP (the whole province, a year) at each
// size, the ratio of the p95s (goal: the same cost), and how fast the consumer counted.
// Usage: npx tsx bench/stats-scale.ts [sizes=1000,100000] [requests=200]
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vietnamCalendar } from '../functions/domain/calendar';
import { formatCaseCode } from '../functions/domain/case-code';
import type { CaseStatus } from '../functions/domain/types';
import { toVietnamIso } from '../functions/domain/vietnam-time';
import type { CaseRecord } from '../functions/storage/records';
import { procedures } from '../schemas/catalogue';
import { api } from '../test/support/http';
import { startRuntimeProcess } from '../test/support/runtime-process';
import { batchLoad, localTable, timed, untilIdle } from './scale-support';
import { percentile } from './stats';

const SIZES = (process.argv[2] ?? '1000,100000').split(',').map(Number);
const REQUESTS = Number(process.argv[3] ?? 200);
const YEAR = 2025;

process.env.TABLE_NAME ??= 'motcua';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { caseItem } = await import('../functions/storage/cases');

/** What becomes of the n-th case: a fixed mix, so that the expected figures are known without the server. */
const FATES = [
  'on_time',
  'on_time',
  'on_time',
  'late',
  'denied',
  'processing',
  'needs_supplement',
  'completed',
] as const;

/**
 * The n-th case: a procedure and a day of the year by n (received at 09:00, Vietnam time), and its fate. Resolved
 * ones are decided two days after receipt (on time) or twenty days after (late).
 */
function caseRecord(n: number): CaseRecord {
  const procedure = procedures[n % procedures.length]!;
  const example = procedure.examples[0] as Record<string, unknown>;
  // Received in the first 300 days, so that even a late decision falls within the year.
  const day = (n * 7919) % 300;
  const received = new Date(Date.UTC(YEAR, 0, 1, 2) + day * 86_400_000);
  const dueAt = vietnamCalendar.addWorkingDays(received, procedure.processingDays);
  const fate = FATES[n % FATES.length]!;
  const decided =
    fate === 'late'
      ? new Date(dueAt.getTime() + 20 * 86_400_000)
      : new Date(received.getTime() + 2 * 3_600_000);
  const status: CaseStatus =
    fate === 'on_time' || fate === 'late' ? 'approved' : fate === 'denied' ? 'denied' : fate;
  const at = toVietnamIso(received);
  return {
    type: 'case',
    code: formatCaseCode(procedure.agency.code, received, n + 1),
    procedureId: procedure.id,
    procedureName: procedure.name,
    agencyId: procedure.agency.id,
    status,
    version: 3,
    data: example,
    documents: [],
    applicant: { id: randomUUID(), role: 'citizen', name: 'Nguyễn Văn An', email: 'an@example.com' },
    applicantName: 'Nguyễn Văn An',
    contact: {},
    lang: 'vi',
    submittedAt: at,
    receivedAt: at,
    dueAt: toVietnamIso(dueAt),
    updatedAt: at,
    ...(['approved', 'denied', 'completed'].includes(status) ? { decidedAt: toVietnamIso(decided) } : {}),
    trackingPinHash: `scrypt$4096$8$1$${'A'.repeat(22)}$${'B'.repeat(43)}`,
  };
}

/** The province's totals for the year, as the cases were made. */
function expectedTotals(size: number) {
  const totals = { received: size, resolvedOnTime: 0, resolvedLate: 0, pending: 0 };
  for (let n = 0; n < size; n++) {
    const fate = FATES[n % FATES.length]!;
    if (fate === 'late') totals.resolvedLate++;
    else if (fate === 'processing' || fate === 'needs_supplement') totals.pending++;
    else totals.resolvedOnTime++;
  }
  return totals;
}

const dataDir = await mkdtemp(join(tmpdir(), 'motcua-stats-scale-'));
const runtime = await startRuntimeProcess({ dataDir, removeDataDir: true });
try {
  const table = localTable(runtime.info.dynamodb);
  const client = api(runtime.url);
  const path = `/api/stats?from=${YEAR}-01-01&to=${YEAR}-12-31`;
  const results: { size: number; durations: number[] }[] = [];
  let loaded = 0;
  for (const size of SIZES) {
    const started = performance.now();
    await batchLoad(table, loaded, size, (n) => caseItem(caseRecord(n)));
    await untilIdle(runtime.pgid);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${(size - loaded).toLocaleString('en')} cases loaded and counted by the stream in ${seconds.toFixed(0)} s ` +
        `(${((size - loaded) / seconds).toFixed(0)} cases/s through the tallies consumer)`,
    );
    loaded = size;

    const answer = await client.get(path);
    const sum = (field: string) =>
      (answer.body.items as Record<string, number>[]).reduce((total, row) => total + row[field]!, 0);
    const found = {
      received: sum('received'),
      resolvedOnTime: sum('resolvedOnTime'),
      resolvedLate: sum('resolvedLate'),
      pending: sum('pending'),
    };
    const expected = expectedTotals(size);
    if (JSON.stringify(found) !== JSON.stringify(expected)) {
      throw new Error(`figures ${JSON.stringify(found)} are not the cases made ${JSON.stringify(expected)}`);
    }
    const durations = await timed(() => client.get(path), REQUESTS);
    results.push({ size, durations });
    console.log(
      `${size.toLocaleString('en')} cases (figures checked: ${JSON.stringify(found)}; ` +
        `${answer.body.items.length} rows): GET /api/stats, whole province, a year: ` +
        `p50 ${percentile(durations, 50).toFixed(1)} ms, p95 ${percentile(durations, 95).toFixed(1)} ms`,
    );
  }
  const [smallest, largest] = [results[0]!, results.at(-1)!];
  console.log(
    `p95 ratio ${largest.size.toLocaleString('en')} / ${smallest.size.toLocaleString('en')}: ` +
      `${(percentile(largest.durations, 95) / percentile(smallest.durations, 95)).toFixed(2)}x (goal: about 1x)`,
  );
} finally {
  await runtime.stop();
}
