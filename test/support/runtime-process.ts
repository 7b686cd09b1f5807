// Runs the local runtime (`local/start.ts`) as a child process in its own process group, for integration tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const READY_PREFIX = 'MOTCUA_READY ';

export interface RuntimeProcess {
  readonly url: string;
  /** Pid of the runtime's node process, which is also its process group id. */
  readonly pid: number;
  /** What the ready line says: the URL, the data directory and the storage endpoints. */
  readonly info: { url: string; dataDir: string; dynamodb: string; s3: string };
  /** Everything it printed so far. */
  output(): string;
  /** SIGTERM, as Ctrl-C would, and wait for it to exit; returns its exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL of the whole process group, like a crash (DynamoDB Local goes too). */
  kill(): Promise<void>;
}

export interface RuntimeProcessOptions {
  readonly dataDir: string;
  /** @default 0 (a free port) */
  readonly port?: number;
  /** @default 90 s */
  readonly readyTimeoutMs?: number;
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done(child.exitCode);
    else child.once('exit', (code) => done(code));
  });

/** Starts `node --import tsx local/start.ts` with PORT and DATA_DIR and waits for its MOTCUA_READY line. */
export async function startRuntimeProcess(options: RuntimeProcessOptions): Promise<RuntimeProcess> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'local/start.ts')], {
    cwd: REPO_ROOT,
    // Its own process group: kill() reaches DynamoDB Local too, and a Ctrl-C of the test run does not.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      DATA_DIR: options.dataDir,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the runtime process');
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = exitOf(child);

  const info = await new Promise<RuntimeProcess['info']>((done, fail) => {
    let pending = '';
    const timer = setTimeout(() => {
      finish(new Error(`the runtime did not print ${READY_PREFIX.trim()} within ${readyTimeoutMs} ms`));
    }, readyTimeoutMs);
    let settled = false;
    const finish = (error?: Error, ready?: RuntimeProcess['info']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.stdout?.off('data', onStdout);
      if (error) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {}
        fail(new Error(`${error.message}\n--- runtime output ---\n${output}`));
      } else done(ready!);
    };
    const onStdout = (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith(READY_PREFIX))
          return finish(undefined, JSON.parse(line.slice(READY_PREFIX.length)));
      }
    };
    child.stdout?.on('data', onStdout);
    void exited.then((code) => finish(new Error(`the runtime exited (code ${code}) before it was ready`)));
  });

  return {
    url: info.url,
    pid,
    info,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {}
      await exited;
    },
  };
}
