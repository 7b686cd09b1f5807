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
import { routes, streamConsumers } from '../functions/routes';

const RUNS = Number(process.argv[2] ?? 15);
const sourceRoot = process.env.MOTCUA_CDK_SOURCE_ROOT || REPOSITORY_ROOT;
const outDir = join(REPOSITORY_ROOT, '.bench', 'bundles');
const BUDGET_KB = 300;
const BUDGET_RATIO = 1.5;

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
  readonly bytes: number;
  readonly importMs: number;
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

/** Median, over fresh Node processes, of the time from just before `import()` to just after it settles. */
function coldImportMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const output = execFileSync(
      process.execPath,
      ['--enable-source-maps', '--input-type=module', '-e', script],
      {
        env: { PATH: process.env.PATH, ...FAKE_AWS_ENV },
        encoding: 'utf8',
      },
    );
    times.push(Number(output));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function measure(name: string, entry: string): Promise<Measured> {
  const { file, heaviest } = await bundle(name, entry);
  return { name, bytes: statSync(file).size, importMs: coldImportMs(file), heaviest };
}

mkdirSync(join(REPOSITORY_ROOT, '.bench'), { recursive: true });
const floorEntry = join(REPOSITORY_ROOT, '.bench', 'floor-get-item.mjs');
writeFileSync(floorEntry, FLOOR_SOURCE);

const functions: [string, string][] = [
  ...[...routeGroups(routes)].map(([group, groupRoutes]): [string, string] => [
    group,
    writeGroupEntry(group, groupRoutes, sourceRoot),
  ]),
  ...streamConsumers.map((consumer): [string, string] => [
    consumer.name,
    writeConsumerEntry(consumer, sourceRoot),
  ]),
  ['tokenClaims', join(REPOSITORY_ROOT, 'cdk', 'triggers', 'token-claims.ts')],
];

const floor = await measure('floor (one GetItem)', floorEntry);
const results: Measured[] = [];
for (const [name, entry] of functions) results.push(await measure(name, entry));

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const header = ['function', 'bundle KB', 'import ms', 'floor ms', 'ratio', 'budget', 'heaviest (KB)'];
const rows = results.map((result) => {
  const ratio = result.importMs / floor.importMs;
  const within = result.bytes / 1024 < BUDGET_KB && ratio <= BUDGET_RATIO;
  return [
    result.name,
    kb(result.bytes),
    result.importMs.toFixed(1),
    floor.importMs.toFixed(1),
    `${ratio.toFixed(2)}x`,
    within ? 'ok' : 'over',
    result.heaviest,
  ];
});
rows.push([
  floor.name,
  kb(floor.bytes),
  floor.importMs.toFixed(1),
  floor.importMs.toFixed(1),
  '1.00x',
  '',
  floor.heaviest,
]);
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
  `Node ${process.version}, ${RUNS} cold imports each (median); budget: < ${BUDGET_KB} KB and <= ${BUDGET_RATIO}x the floor`,
);
console.log(line(header));
for (const row of rows) console.log(line(row));
