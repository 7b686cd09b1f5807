// Bundle budget: each Lambda's bundle size and cold import time, against a one-GetItem handler bundled the same way.
// Run: npx tsx bench/bundle-budget.ts [runs]   (MOTCUA_CDK_SOURCE_ROOT=<dir> to bundle stand-in handlers)
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import {
  esbuildOptions,
  REPOSITORY_ROOT,
  routeGroups,
  writeConsumerEntry,
  writeGroupEntry,
} from '../cdk/bundling';
import { routes, streamConsumers, uploadVerifier } from '../functions/routes';
import { PDF_GROUPS } from '../functions/routes/define';

const RUNS = Number(process.argv[2] ?? 15);
const sourceRoot = process.env.MOTCUA_CDK_SOURCE_ROOT || REPOSITORY_ROOT;
const outDir = join(REPOSITORY_ROOT, '.bench', 'bundles');
const BUDGET_KB = 300;
const BUDGET_RATIO = 1.5;
/**
 * Functions that build PDFs or check or make signatures (pdf-lib, pkijs, fonts) live in functions of their own,
 * held to 3 MB only (COMMON.md, "Lambda budgets"): the PDF route groups and the result signer (a stream consumer).
 */
const PDF_FUNCTIONS = new Set<string>([...PDF_GROUPS, 'result-signer']);
const PDF_BUDGET_KB = 3 * 1024;

/** The floor: the least a function of this platform does, one DynamoDB GetItem through lib-dynamodb. */
const FLOOR_SOURCE = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event) => {
  const { Item } = await client.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: event.pk, sk: event.sk } }));
  return Item ?? null;
};
`;

/** What a function sees on AWS, with fake credentials: nothing is called, only imported. */
const FAKE_AWS_ENV = {
  AWS_REGION: 'ap-southeast-1',
  AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
  AWS_SECRET_ACCESS_KEY: 'fake',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  TABLE_NAME: 'motcua-bench',
  DOCUMENTS_BUCKET: 'motcua-bench-documents',
  NOTIFY_CHANNEL: 'ses-sns',
  SES_FROM_ADDRESS: 'no-reply@example.invalid',
  PUBLIC_BASE_URL: 'https://example.invalid',
  WEB_ORIGIN: 'https://example.invalid',
  POWERTOOLS_SERVICE_NAME: 'motcua',
  MALWARE_SCAN: 'guardduty',
  SEAL_KEY: Buffer.alloc(32, 7).toString('base64'),
};

interface Measured {
  readonly name: string;
  /** An HTTP function, held to the budget (the others are listed for comparison). */
  readonly http: boolean;
  /** A PDF group, held to its own size budget only. */
  readonly pdf?: boolean;
  readonly bytes: number;
  readonly importMs: number;
  readonly floorMs: number;
  readonly ratio: number;
  /** The three packages (or source folders) that weigh most in the bundle. */
  readonly heaviest: string;
}

async function bundle(name: string, entry: string): Promise<{ file: string; heaviest: string }> {
  const outfile = join(outDir, name, 'index.mjs');
  const { metafile } = await build({ ...esbuildOptions(entry, outfile), metafile: true });
  const output = Object.values(metafile.outputs).find((candidate) => candidate.entryPoint !== undefined);
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const owner =
      input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? input.split('/').slice(0, 2).join('/');
    byPackage.set(owner, (byPackage.get(owner) ?? 0) + bytesInOutput);
  }
  const heaviest = [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([owner, bytes]) => `${owner} ${Math.round(bytes / 1024)}`)
    .join(', ');
  return { file: outfile, heaviest };
}

/** The time from just before `import()` to just after it settles, in a fresh Node process. */
function coldImportMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const output = execFileSync(
    process.execPath,
    ['--enable-source-maps', '--no-warnings', '--input-type=module', '-e', script],
    { env: { PATH: process.env.PATH, ...FAKE_AWS_ENV }, encoding: 'utf8' },
  );
  return Number(output);
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Imports the function and the floor in turn, RUNS times: on a shared machine the load drifts, and each
 * pair sees the same load. The ratio is the median of the pairs' ratios.
 */
function importAgainstFloor(file: string, floorFile: string) {
  const pairs: { own: number; floor: number }[] = [];
  for (let run = 0; run < RUNS; run++)
    pairs.push({ floor: coldImportMs(floorFile), own: coldImportMs(file) });
  return {
    importMs: median(pairs.map((pair) => pair.own)),
    floorMs: median(pairs.map((pair) => pair.floor)),
    ratio: median(pairs.map((pair) => pair.own / pair.floor)),
  };
}

mkdirSync(join(REPOSITORY_ROOT, '.bench'), { recursive: true });
const floorEntry = join(REPOSITORY_ROOT, '.bench', 'floor-get-item.mjs');
writeFileSync(floorEntry, FLOOR_SOURCE);

const functions: { name: string; entry: string; http: boolean; pdf?: boolean }[] = [
  ...[...routeGroups(routes)].map(([group, groupRoutes]) => ({
    name: group,
    entry: writeGroupEntry(group, groupRoutes, sourceRoot),
    http: true,
    pdf: PDF_FUNCTIONS.has(group),
  })),
  ...streamConsumers.map((consumer) => ({
    name: consumer.name,
    entry: writeConsumerEntry(consumer, sourceRoot),
    http: false,
    pdf: PDF_FUNCTIONS.has(consumer.name),
  })),
  { name: uploadVerifier.name, entry: writeConsumerEntry(uploadVerifier, sourceRoot), http: false },
  { name: 'tokenClaims', entry: join(REPOSITORY_ROOT, 'cdk', 'triggers', 'token-claims.ts'), http: false },
];

const floor = await bundle('floor', floorEntry);
const results: Measured[] = [];
for (const { name, entry, http, pdf } of functions) {
  const { file, heaviest } = await bundle(name, entry);
  results.push({
    name,
    http,
    pdf,
    bytes: statSync(file).size,
    heaviest,
    ...importAgainstFloor(file, floor.file),
  });
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const header = ['function', 'bundle KB', 'import ms', 'floor ms', 'ratio', 'budget', 'heaviest (KB)'];
const rows = results.map((result) => {
  const within = result.pdf
    ? result.bytes / 1024 < PDF_BUDGET_KB
    : result.bytes / 1024 < BUDGET_KB && result.ratio <= BUDGET_RATIO;
  return [
    result.name,
    kb(result.bytes),
    result.importMs.toFixed(1),
    result.floorMs.toFixed(1),
    `${result.ratio.toFixed(2)}x`,
    result.pdf ? (within ? 'ok (3 MB)' : 'over 3 MB') : result.http ? (within ? 'ok' : 'over') : '(not HTTP)',
    result.heaviest,
  ];
});
rows.push(['floor (one GetItem)', kb(statSync(floor.file).size), '', '', '1.00x', '', floor.heaviest]);
const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
const line = (row: string[]) =>
  row
    .map((cell, column) =>
      column === 0 || column === row.length - 1
        ? cell.padEnd(widths[column]!)
        : cell.padStart(widths[column]!),
    )
    .join('  ');
console.log(
  `Node ${process.version}; each function imported cold ${RUNS} times, each time beside the floor (medians); ` +
    `budget for HTTP functions: < ${BUDGET_KB} KB and <= ${BUDGET_RATIO}x the floor; ` +
    `for the PDF and signing groups (${[...PDF_FUNCTIONS].join(', ')}): < 3 MB`,
);
console.log(line(header));
for (const row of rows) console.log(line(row));
