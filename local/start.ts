// `npm start`: runs the whole platform on this machine and says how to use it; Ctrl-C stops it.
import { procedures } from '../schemas/catalogue';
import { DEMO_USERS } from './demo-accounts';
import { startRuntime } from './runtime';

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** A submission to show: the procedure needing the fewest documents, with its first example. */
function sampleSubmission(): string {
  const [procedure] = [...procedures].sort(
    (a, b) =>
      a.documents.filter((d) => d.required).length - b.documents.filter((d) => d.required).length ||
      JSON.stringify(a.examples[0]).length - JSON.stringify(b.examples[0]).length,
  );
  if (!procedure) return '{"procedureId":"…","data":{},"documents":[]}';
  return JSON.stringify({ procedureId: procedure.id, data: procedure.examples[0] ?? {}, documents: [] });
}

function banner(runtime: Awaited<ReturnType<typeof startRuntime>>, startedIn: number): string {
  const { url } = runtime;
  const width = Math.max(...DEMO_USERS.map((u) => u.username.length));
  const accounts = DEMO_USERS.map(
    (u) =>
      `    ${u.username.padEnd(width)}  ${u.role.padEnd(8)}  ${u.name}${u.agencyId ? `  (${u.agencyId})` : ''}`,
  );
  return [
    '',
    `motcua local runtime ready in ${(startedIn / 1000).toFixed(1)} s: ${url}`,
    '',
    `  Data:            ${runtime.dataDir}  (kept across restarts; delete it to start afresh)`,
    `  DynamoDB Local:  ${runtime.endpoints.dynamodb}  table ${runtime.tableName}`,
    '                   NOTE: DynamoDB Local has no bind-address option and listens on ALL network interfaces.',
    `  S3 (s3rver):     ${runtime.endpoints.s3}  bucket ${runtime.bucketName}`,
    ...(runtime.staleDynamoDbPid
      ? [`  Stopped an orphaned DynamoDB Local (pid ${runtime.staleDynamoDbPid}) left by an earlier run.`]
      : []),
    '',
    `  VNPay sandbox:   ${runtime.vnpay.paymentUrl}`,
    `                   terminal ${runtime.vnpay.tmnCode}, hash secret ${runtime.vnpay.hashSecret}  (VNPAY_TMN_CODE, VNPAY_HASH_SECRET)`,
    '',
    '  Demo accounts (sign in with POST /api/local/token {"username": …}):',
    ...accounts,
    '',
    '  Quick start:',
    `    TOKEN=$(curl -s -X POST ${url}/api/local/token -H 'content-type: application/json' -d '{"username":"citizen1"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\\1/')`,
    `    curl -s ${url}/api/procedures`,
    `    curl -s -X POST ${url}/api/applications -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -H "idempotency-key: $(date +%s)" -d ${shellQuote(sampleSubmission())}`,
    '',
    '  Ctrl-C stops everything.',
  ].join('\n');
}

async function main() {
  const started = Date.now();
  const starting = startRuntime();

  // Handlers first: a signal may come as soon as the ready line is out (a test reads it and stops us
  // at once), or while we are still starting.
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await starting.then((runtime) => runtime.stop()).catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));

  let runtime: Awaited<typeof starting>;
  try {
    runtime = await starting;
  } catch (error) {
    console.error(
      `\nmotcua: the local runtime could not start: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  }
  if (stopping) return;
  console.log(banner(runtime, Date.now() - started));
  // The last line of start-up output, read by the tests.
  console.log(
    `MOTCUA_READY ${JSON.stringify({ url: runtime.url, dataDir: runtime.dataDir, ...runtime.endpoints })}`,
  );
}

await main();
