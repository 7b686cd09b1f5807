// Runs the local runtime (`local/start.ts`) for tests, under a guard that leads its own process group, so that
// nothing it started outlives the test process, whatever way that process ends.
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const GUARD = join(REPO_ROOT, 'test/support/runtime-guard.ts');
const READY_PREFIX = 'MOTCUA_READY ';

export interface RuntimeProcess {
  readonly url: string;
  /** Pid of the runtime's node process (`local/start.ts`). */
  readonly pid: number;
  /** Id of the process group: the guard's pid. The runtime and DynamoDB Local are members. */
  readonly pgid: number;
  /** What the ready line says: the URL, the data directory and the storage endpoints. */
  readonly info: { url: string; dataDir: string; dynamodb: string; s3: string };
  /** Everything it printed so far. */
  output(): string;
  /** SIGTERM, as Ctrl-C would, and wait for it to exit; returns its exit code. Then the group is emptied. */
  stop(): Promise<number | null>;
  /** SIGKILL of the whole process group, like a crash (DynamoDB Local and the guard go too). */
  kill(): Promise<void>;
}

export interface RuntimeProcessOptions {
  readonly dataDir: string;
  /** @default 0 (a free port) */
  readonly port?: number;
  /** @default 90 s */
  readonly readyTimeoutMs?: number;
  /** Delete `dataDir` once the group is gone, also when the test process dies without its teardown. */
  readonly removeDataDir?: boolean;
}

interface Exit {
  readonly code: number | null;
  readonly signal: string | null;
}

const ended = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });

/** JSON lines from the guard's report pipe (fd 3). */
function onReports(stream: Readable, handle: (fact: Record<string, unknown>) => void): void {
  let pending = '';
  stream.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) handle(JSON.parse(line));
  });
}

/** Starts `node --import tsx local/start.ts` with PORT and DATA_DIR under the guard; waits for MOTCUA_READY. */
export async function startRuntimeProcess(options: RuntimeProcessOptions): Promise<RuntimeProcess> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;
  const tsx = ['--import', 'tsx'];
  const guard = spawn(
    process.execPath,
    [...tsx, GUARD, process.execPath, ...tsx, join(REPO_ROOT, 'local/start.ts')],
    {
      cwd: REPO_ROOT,
      // A new process group led by the guard: kill() reaches everything, and a Ctrl-C of the test run does
      // not reach it before the test run's own teardown.
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: String(options.port ?? 0),
        DATA_DIR: options.dataDir,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...(options.removeDataDir ? { MOTCUA_GUARD_REMOVE_DIR: options.dataDir } : {}),
      },
    },
  );
  const pgid = guard.pid;
  if (pgid === undefined) throw new Error('could not start the runtime guard');
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  guard.stdout?.on('data', collect);
  guard.stderr?.on('data', collect);
  const guardEnded = ended(guard);

  let runtimePid: number | undefined;
  let runtimeGone = false;
  let exit: ((value: Exit) => void) | undefined;
  const runtimeExited = new Promise<Exit>((done) => {
    exit = done;
  });
  onReports(guard.stdio[3] as Readable, (fact) => {
    if (typeof fact.pid === 'number') runtimePid = fact.pid;
    if ('exit' in fact) runtimeGone = true;
    if ('exit' in fact) exit?.({ code: fact.exit as number | null, signal: (fact.signal as string) ?? null });
  });
  // A guard killed with its group reports nothing more: the runtime went with it.
  void guardEnded.then(() => exit?.({ code: null, signal: 'SIGKILL' }));

  const killGroup = () => {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // Nothing left in the group.
    }
  };

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
      guard.stdout?.off('data', onStdout);
      if (error) {
        killGroup();
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
    guard.stdout?.on('data', onStdout);
    void runtimeExited.then((e) =>
      finish(new Error(`the runtime exited (code ${e.code}, signal ${e.signal}) before it was ready`)),
    );
  });
  if (runtimePid === undefined) throw new Error('the runtime guard did not report the runtime pid');
  const pid = runtimePid;

  return {
    url: info.url,
    pid,
    pgid,
    info,
    output: () => output,
    async stop() {
      if (!runtimeGone) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
      const { code } = await runtimeExited;
      // Closing the guard's stdin makes it stop whatever is left in the group, then exit.
      guard.stdin?.end();
      await guardEnded;
      return code;
    },
    async kill() {
      killGroup();
      await guardEnded;
    },
  };
}
