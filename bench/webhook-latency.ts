// Benchmark: webhook delivery latency, from a status change stored (the API's answer) to the business's receiver
// getting the signed POST, through the local runtime's whole path (table stream → fan-out → queue → delivery).
// Usage: npx tsx bench/webhook-latency.ts [changes=60]
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { submitHouseholdBusiness } from '../test/support/flows';
import { api } from '../test/support/http';
import { startRuntimeProcess } from '../test/support/runtime-process';

const CHANGES = Number(process.argv[2] ?? 60);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** When each case's first status change reached the receiver, by case code. */
const arrivals = new Map<string, number>();
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => {
    body += chunk.toString('utf8');
  });
  req.on('end', () => {
    const event = JSON.parse(body) as { data: { code: string } };
    if (!arrivals.has(event.data.code)) arrivals.set(event.data.code, performance.now());
    res.writeHead(204).end();
  });
});
await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

const dataDir = await mkdtemp(join(tmpdir(), 'motcua-bench-webhooks-'));
const runtime = await startRuntimeProcess({ dataDir, removeDataDir: true });
try {
  const c = api(runtime.url);
  const token = await c.tokenFor('business1');
  const registered = await c.post('/api/webhooks', { token, body: { url: hookUrl } });
  if (registered.status !== 201) throw new Error(`registration: ${JSON.stringify(registered.body)}`);
  // Warm the path once (handlers load on first use), then measure one change at a time.
  const warm = await submitHouseholdBusiness(c, 'business1');
  while (!arrivals.has(warm.code)) await new Promise((resolve) => setTimeout(resolve, 20));

  const latencies: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    const created = await submitHouseholdBusiness(c, 'business1');
    // The change is stored once its 201 is back: the clock starts there.
    const stored = performance.now();
    const deadline = stored + 60_000;
    while (!arrivals.has(created.code) && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const arrived = arrivals.get(created.code);
    if (arrived === undefined) throw new Error(`${created.code} was not delivered within 60 s`);
    latencies.push(Math.max(0, arrived - stored));
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(
    `Node ${process.version}; ${CHANGES} status changes (submissions) of a business's cases, one at a time, ` +
      'through the local runtime (stream poll 250 ms, queue poll 100 ms when idle)',
  );
  console.log(
    `status change stored → receiver: p50 ${percentile(sorted, 50).toFixed(0)} ms, ` +
      `p95 ${percentile(sorted, 95).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`,
  );
} finally {
  await runtime.stop();
  receiver.close();
  await rm(dataDir, { recursive: true, force: true });
}
