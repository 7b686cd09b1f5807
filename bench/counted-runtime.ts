// An in-process local runtime whose SDK clients are counted (bench/sdk-calls.ts), with what the counted benches
// share: waiting for the consumers a step sets off, reading the notifications a case got, and adding counts up.
// Used by bench/submit.ts (a Node client) and bench/journey.ts (Chromium).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startRuntime } from '../local/runtime';
import { addUnits, type Counts, countSdkCalls } from './sdk-calls';

/** What a client itself sends, per step: API requests by route (and the bytes they answer), storage posts/gets. */
export interface ClientTraffic {
  apiRequests: Record<string, number>;
  apiResponseBytes: number;
  storagePosts: number;
  storageGets: number;
  storageGetBytes: number;
}

export const emptyTraffic = (): ClientTraffic => ({
  apiRequests: {},
  apiResponseBytes: 0,
  storagePosts: 0,
  storageGets: 0,
  storageGetBytes: 0,
});

/** A notification the local runtime's outbox holds. */
export interface Sent {
  readonly id: string;
  readonly channel: string;
  readonly body: string;
}

export async function startCountedRuntime(prefix: string) {
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  const runtime = await startRuntime({ port: 0, dataDir, log: () => {} });
  const counter = await countSdkCalls();
  return {
    runtime,
    counter,
    /** Resolves once every upload has its verdict and every stream and queue consumer has run. */
    settle: async () => {
      await runtime.drainObjectEvents(60_000);
      await runtime.drainStream(60_000);
    },
    /** The notifications written for a case so far. */
    sentFor: async (code: string): Promise<Sent[]> => {
      const answer = await fetch(`${runtime.url}/api/local/outbox?caseCode=${encodeURIComponent(code)}`);
      if (!answer.ok) throw new Error(`outbox: ${answer.status}`);
      return ((await answer.json()) as { items: Sent[] }).items;
    },
    stop: async () => {
      counter.stop();
      await runtime.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The sum of several counts, operation by operation and function by function. */
export function merge(all: readonly Counts[]): Counts {
  const operations = new Map<string, Counts['operations'][number]>();
  const invocations = new Map<string, Counts['invocations'][number]>();
  for (const counts of all) {
    for (const o of counts.operations) {
      const key = `${o.functionName} ${o.service} ${o.operation}`;
      const sum = operations.get(key) ?? { ...o, calls: 0, readUnits: 0, writeUnits: 0, writeUnitsBy: {} };
      operations.set(key, {
        ...sum,
        calls: sum.calls + o.calls,
        readUnits: sum.readUnits + o.readUnits,
        writeUnits: sum.writeUnits + o.writeUnits,
        writeUnitsBy: addUnits({ ...sum.writeUnitsBy }, o.writeUnitsBy),
      });
    }
    for (const i of counts.invocations) {
      const sum = invocations.get(i.functionName) ?? { ...i, invocations: 0, milliseconds: 0 };
      invocations.set(i.functionName, {
        ...sum,
        invocations: sum.invocations + i.invocations,
        milliseconds: sum.milliseconds + i.milliseconds,
      });
    }
  }
  return { operations: [...operations.values()], invocations: [...invocations.values()] };
}

/** Writes a bench's run for bench/cost.ts: when and where it was measured, then `fields`. */
export async function writeRun(file: string, fields: Record<string, unknown>) {
  await mkdir(dirname(file), { recursive: true });
  const measured = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model,
    cpus: cpus().length,
  };
  await writeFile(file, `${JSON.stringify({ ...measured, ...fields }, null, 2)}\n`);
}
