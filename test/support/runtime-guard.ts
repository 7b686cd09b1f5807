// Leader of a test runtime's process group: runs the runtime as its child and, once the test process that
// started it is gone (however it went: normal end, failure, a signal, an uncaught error, even SIGKILL),
// stops every process left in the group (the runtime, DynamoDB Local, an orphan of a crash).
//
// Usage (spawned detached, so that it leads a new group): node --import tsx runtime-guard.ts <command> [args…]
// - stdin: a pipe from the test process. Nothing is read from it; its end (EOF) means "clean up now".
// - fd 3: a pipe to the test process, one JSON line per fact: `{"pid":N}` once the child runs,
//   `{"exit":code,"signal":name}` when it ends. The guard stays up after that, watching the group.
// - MOTCUA_GUARD_REMOVE_DIR: a directory to delete once the group is gone (a test run's temporary data).
import { spawn, spawnSync } from 'node:child_process';
import { writeSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('runtime-guard: no command given');
  process.exit(2);
}
const removeDir = process.env.MOTCUA_GUARD_REMOVE_DIR;
const groupId = process.pid;

function report(fact: Record<string, unknown>): void {
  try {
    writeSync(3, `${JSON.stringify(fact)}\n`);
  } catch {
    // The test process is gone: nobody is listening any more, and cleanup follows from stdin's end.
  }
}

/** Pids of the other live members of this process group (`ps` works on Linux and macOS alike). */
function otherMembers(): number[] {
  const ps = spawnSync('ps', ['-A', '-o', 'pid=,pgid=,stat='], { encoding: 'utf8' });
  if (ps.status !== 0) return [];
  return ps.stdout
    .split('\n')
    .map((line) =>
      line
        .trim()
        .split(/\s+/)
        .map((field, i) => (i < 2 ? Number(field) : field)),
    )
    .filter(
      ([pid, pgid, stat]) =>
        pgid === groupId && pid !== groupId && pid !== ps.pid && !String(stat).startsWith('Z'),
    )
    .map(([pid]) => Number(pid));
}

function signal(pids: readonly number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  }
}

let cleaning = false;
async function cleanUp(): Promise<never> {
  if (cleaning) return new Promise<never>(() => {});
  cleaning = true;
  // SIGTERM first: the runtime stops DynamoDB Local itself; then SIGKILL whatever is still there.
  signal(otherMembers(), 'SIGTERM');
  for (let waited = 0; waited < 5000 && otherMembers().length > 0; waited += 100) await sleep(100);
  signal(otherMembers(), 'SIGKILL');
  for (let waited = 0; waited < 5000 && otherMembers().length > 0; waited += 100) await sleep(100);
  if (removeDir) await rm(removeDir, { recursive: true, force: true }).catch(() => {});
  process.exit(0);
}

// The guard never dies of a signal before it has cleaned up (a group-wide SIGTERM reaches it too).
process.on('SIGTERM', () => void cleanUp());
process.on('SIGINT', () => void cleanUp());
process.on('SIGHUP', () => void cleanUp());

const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
child.once('spawn', () => report({ pid: child.pid }));
child.once('error', (error) => {
  report({ exit: null, signal: null, error: error.message });
  void cleanUp();
});
child.once('exit', (code, name) => report({ exit: code, signal: name }));

process.stdin.on('end', () => void cleanUp());
process.stdin.on('close', () => void cleanUp());
process.stdin.on('error', () => void cleanUp());
process.stdin.resume();
