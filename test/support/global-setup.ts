// Integration tests' global setup: one runtime process on a fresh data directory, shared by every test file.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startRuntimeProcess } from './runtime-process';

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), 'motcua-it-'));
  // Webhook retries at 1/10 000 of their pace: the 24 hours of the schedule pass in nine seconds.
  process.env.WEBHOOK_RETRY_SCALE ??= '0.0001';
  // Should this process die before the teardown below runs, the runtime's guard stops the whole process
  // group (runtime, DynamoDB Local) and deletes dataDir.
  const runtime = await startRuntimeProcess({ dataDir, removeDataDir: true });
  project.provide('baseUrl', runtime.url);
  project.provide('dataDir', dataDir);
  project.provide('dynamodbEndpoint', runtime.info.dynamodb);
  project.provide('s3Endpoint', runtime.info.s3);
  return async () => {
    const code = await runtime.stop();
    if (code !== 0) console.error(`the runtime exited with code ${code}:\n${runtime.output()}`);
    // Its log, for a failure that the answers alone do not explain (a 5xx).
    const log = process.env.MOTCUA_TEST_RUNTIME_LOG;
    if (log) await writeFile(log, runtime.output());
    await rm(dataDir, { recursive: true, force: true });
  };
}
