// What the scale benchmarks share: loading items into the runtime's DynamoDB Local in batches, waiting until the
// runtime is idle (its stream consumers have caught up), and timing a request many times after a warm-up.
import { readdir, readFile } from 'node:fs/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, type TranslateConfig } from '@aws-sdk/lib-dynamodb';

export const TABLE_NAME = 'motcua';

/** The runtime's table, straight through DynamoDB Local (its endpoint from the runtime's start-up line). */
export function localTable(endpoint: string, translate?: TranslateConfig): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'ap-southeast-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    translate,
  );
}
/** Batches in flight while loading: DynamoDB Local takes them one at a time per table, but overlaps I/O. */
const LOAD_CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 16);

/** Writes the items `itemOf(from)` … `itemOf(to - 1)` with BatchWriteItem, 25 at a time, retrying unprocessed ones. */
export async function batchLoad(
  table: DynamoDBDocumentClient,
  from: number,
  to: number,
  itemOf: (n: number) => Record<string, unknown>,
  what = 'cases',
): Promise<void> {
  let next = from;
  let reported = from;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: LOAD_CONCURRENCY }, async () => {
      while (next < to) {
        const first = next;
        next = Math.min(to, next + 25);
        let requests: Record<string, unknown>[] | undefined = [];
        for (let n = first; n < next; n++) requests.push({ PutRequest: { Item: itemOf(n) } });
        for (let attempt = 0; requests && requests.length > 0; attempt++) {
          if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
          const answer = await table.send(
            new BatchWriteCommand({ RequestItems: { [TABLE_NAME]: requests } }),
          );
          requests = answer.UnprocessedItems?.[TABLE_NAME] as Record<string, unknown>[] | undefined;
        }
        if (next - reported >= 10_000) {
          reported = next;
          console.log(`  … ${next.toLocaleString('en')} loaded`);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `loaded ${to - from} ${what} in ${seconds.toFixed(1)} s (${((to - from) / seconds).toFixed(0)}/s)`,
  );
}

/** CPU seconds used so far by every process of the runtime's group (Linux /proc; 0 elsewhere). */
async function groupCpuSeconds(pgid: number): Promise<number> {
  let ticks = 0;
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "(comm)": pgrp is the 3rd field, utime and stime the 12th and 13th.
    if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

/**
 * Waits until the runtime is idle (under 10% of a core for 2 s): its stream consumers read every loaded item's
 * stream record after a load, and that work must not be measured as the request's. Answers the seconds waited.
 */
export async function untilIdle(pgid: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const before = await groupCpuSeconds(pgid);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    if ((await groupCpuSeconds(pgid)) - before < 0.2) break;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`runtime idle after ${seconds.toFixed(0)} s`);
  return seconds;
}

/** The durations of `requests` runs of `run`, after 10 unmeasured ones; a non-200 answer stops the bench. */
export async function timed(run: () => Promise<unknown>, requests: number): Promise<number[]> {
  for (let i = 0; i < 10; i++) await run();
  const durations: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const answer = (await run()) as { status?: number };
    durations.push(performance.now() - started);
    if (answer.status !== undefined && answer.status !== 200) throw new Error(`answered ${answer.status}`);
  }
  return durations;
}
