// Benchmark: each one-stop form as the local runtime serves it (GET /api/cases/{code}/forms/{form} and
// GET /api/register), for a case that has all of them: the request's time over HTTP, the record read, the PDF
// rendered, the download written to the audit trail, and the file's size. Goal: under 200 ms and 150 KB each.
// (bench/pdf-forms.ts times the renderers alone.)
// Usage: npx tsx bench/forms-http.ts [requests=30]
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api } from '../test/support/http';
import { startRuntimeProcess } from '../test/support/runtime-process';
import { uploadFile } from '../test/support/uploads';
import { timed, untilIdle } from './scale-support';
import { percentile } from './stats';

const REQUESTS = Number(process.argv[2] ?? 30);
const GOAL_MS = 200;
const GOAL_KB = 150;
const BIRTH = 'dang-ky-khai-sinh';
const DOCUMENT = 'medical-birth-certificate';

const dataDir = await mkdtemp(join(tmpdir(), 'motcua-forms-http-'));
const runtime = await startRuntimeProcess({ dataDir, removeDataDir: true });
try {
  const client = api(runtime.url);
  const citizen = await client.tokenFor('citizen1');
  const official = await client.tokenFor('official-ubnd-xa-gia-sinh');
  const example = (await client.get(`/api/procedures/${BIRTH}`)).body.form.examples[0];
  const submit = async () => {
    const uploadId = await uploadFile(client, citizen, { procedureId: BIRTH, documentType: DOCUMENT });
    const answer = await client.post('/api/applications', {
      token: citizen,
      headers: { 'idempotency-key': crypto.randomUUID() },
      body: { procedureId: BIRTH, data: example, documents: [{ documentType: DOCUMENT, uploadId }] },
    });
    return answer.body.code as string;
  };
  const act = async (code: string, body: Record<string, unknown>) => {
    const answer = await client.post(`/api/cases/${code}/actions`, { token: official, body });
    if (answer.status !== 200)
      throw new Error(`${body.action}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  // One case with Mẫu 01, 02, 04 and 05; another with Mẫu 03.
  const code = await submit();
  await act(code, { action: 'receive', expectedVersion: 1 });
  await act(code, {
    action: 'request_supplement',
    expectedVersion: 2,
    items: [
      { documentType: DOCUMENT, reason: 'Ảnh chụp bị mờ' },
      { field: 'child.fullName', reason: 'Kiểm tra lại chính tả' },
    ],
  });
  const uploadId = await uploadFile(client, citizen, { procedureId: BIRTH, documentType: DOCUMENT });
  await client.post(`/api/applications/${code}/supplement`, {
    token: citizen,
    body: { data: example, documents: [{ documentType: DOCUMENT, uploadId }] },
  });
  const now = await act(code, { action: 'assign', expectedVersion: 4, assigneeId: null });
  const due = new Date(now.dueAt);
  let day = new Date(due.getTime() + 10 * 86_400_000);
  while ([0, 6].includes(new Date(day.getTime() + 7 * 3_600_000).getUTCDay()))
    day = new Date(day.getTime() + 86_400_000);
  await act(code, {
    action: 'extend',
    expectedVersion: 5,
    note: 'Chờ kết quả xác minh',
    dueAt: new Date(day.getTime() + 7 * 3_600_000).toISOString().slice(0, 10),
  });
  const refused = await submit();
  await act(refused, {
    action: 'reject',
    expectedVersion: 1,
    note: 'Không thuộc thẩm quyền giải quyết của xã',
  });
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  await untilIdle(runtime.pgid);

  const targets: [string, string][] = [
    ['Mẫu 01 receipt', `/api/cases/${code}/forms/receipt`],
    ['Mẫu 02 supplement request', `/api/cases/${code}/forms/supplement-request`],
    ['Mẫu 03 refusal', `/api/cases/${refused}/forms/refusal`],
    ['Mẫu 04 apology', `/api/cases/${code}/forms/apology`],
    ['Mẫu 05 control slip', `/api/cases/${code}/forms/control-slip`],
    ['Mẫu 06 register, PDF (today)', `/api/register?from=${today}&to=${today}`],
    ['Mẫu 06 register, CSV (today)', `/api/register?from=${today}&to=${today}&format=csv`],
  ];
  const rows: string[][] = [];
  for (const [name, path] of targets) {
    const first = performance.now();
    const answer = await client.get(path, { token: official });
    const coldMs = performance.now() - first;
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status}`);
    const durations = await timed(() => client.get(path, { token: official }), REQUESTS);
    const kb = answer.bytes.length / 1024;
    const p50 = percentile(durations, 50);
    rows.push([
      name,
      coldMs.toFixed(1),
      p50.toFixed(1),
      percentile(durations, 95).toFixed(1),
      kb.toFixed(1),
      p50 < GOAL_MS && kb < GOAL_KB ? 'ok' : 'OVER',
    ]);
  }
  const header = [
    'form over HTTP',
    'first ms',
    'p50 ms',
    'p95 ms',
    'size KB',
    `goal <${GOAL_MS} ms, <${GOAL_KB} KB`,
  ];
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((row) => row[c]!.length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(
    `Node ${process.version}, local runtime (DynamoDB Local, s3rver); ${REQUESTS} requests each after 10 warm-up; ` +
      'first = the first request after the runtime started (the forms function imported)',
  );
  console.log(line(header));
  for (const row of rows) console.log(line(row));
} finally {
  await runtime.stop();
}
