// Bundles the PDF group's stand-in entry with the stack's esbuild settings and runs the bundle where no
// node_modules can be found: proof that the fonts travel inside the bundle.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { esbuildOptions, REPOSITORY_ROOT } from '../../cdk/bundling';

/** The limit for the functions that build PDFs or sign (COMMON.md, "Lambda budgets"). */
export const PDF_GROUP_LIMIT_BYTES = 3 * 1024 * 1024;

export interface PdfBundle {
  readonly file: string;
  readonly bytes: number;
  /** The packages that weigh most, "name KB". */
  readonly heaviest: readonly string[];
}

export async function bundlePdfProbe(): Promise<PdfBundle> {
  // Outside the repository, so that running it cannot fall back on the repository's node_modules.
  const outfile = join(mkdtempSync(join(tmpdir(), 'motcua-pdf-bundle-')), 'index.mjs');
  const entry = join(REPOSITORY_ROOT, 'test', 'support', 'pdf-lambda-probe.ts');
  const { metafile } = await build({ ...esbuildOptions(entry, outfile), metafile: true, logLevel: 'error' });
  const output = Object.values(metafile.outputs).find((candidate) => candidate.entryPoint !== undefined);
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const owner =
      input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? input.split('/').slice(0, 3).join('/');
    byPackage.set(owner, (byPackage.get(owner) ?? 0) + bytesInOutput);
  }
  const heaviest = [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([owner, bytes]) => `${owner} ${Math.round(bytes / 1024)}`);
  return { file: outfile, bytes: statSync(outfile).size, heaviest };
}

/** Runs the bundle's handler in a fresh Node process, in the bundle's own directory; returns its answer. */
export function runPdfProbe(bundle: PdfBundle): {
  formBytes: number;
  signedBytes: number;
  valid: boolean;
  problems: string[];
} {
  const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle.file).href)}); process.stdout.write(JSON.stringify(await handler()));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: join(bundle.file, '..'),
    env: { PATH: process.env.PATH ?? '', AWS_REGION: 'ap-southeast-1' },
    encoding: 'utf8',
  });
  return JSON.parse(output);
}
