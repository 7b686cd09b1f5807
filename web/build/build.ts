// Builds the site into dist/web: each page's script bundled by esbuild (web/<area>/main.ts), one stylesheet
// (web/site.css), and every page generated as HTML from schemas/ (web/<area>/page.ts), in Vietnamese and English.
// Synchronous, so that the CDK stack can run it as its asset's local bundling step during synth.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { buildSync } from 'esbuild';
import { applyPages } from '../apply/page';
import { cataloguePages } from '../catalogue/page';
import { consolePages } from '../console/page';
import { payPages } from '../pay/page';
import { procedurePages } from '../procedure/page';
import { signinPages } from '../signin/page';
import { statsPages } from '../stats/page';
import { trackPages } from '../track/page';
import { verifyPages } from '../verify/page';
import type { PageGenerator, SiteContext } from './context';
import { notFoundPages } from './not-found';
import { ASSETS_DIR, REPOSITORY_ROOT, WEB_OUT_DIR, WEB_SOURCE_DIR } from './paths';

/** Every generator of pages; an area's script is found by its folder (`web/<area>/main.ts`). */
const GENERATORS: readonly PageGenerator[] = [
  cataloguePages,
  procedurePages,
  trackPages,
  applyPages,
  signinPages,
  // Level 4: the page a result's QR code opens, and paying a fee online.
  verifyPages,
  payPages,
  // Version 2 (console): the officials' console, public statistics.
  consolePages,
  statsPages,
  notFoundPages,
];

/**
 * Browsers of the cheap Android phones the site is for (and iOS 15+: esbuild cannot lower destructuring for older
 * Safari): newer syntax and CSS are rewritten for them.
 */
export const BROWSER_TARGET = ['chrome70', 'firefox68', 'safari15', 'edge79'];

export interface WebBuild {
  readonly outDir: string;
  /** Addresses of the generated pages. */
  readonly pages: readonly string[];
  /** `/assets/...` URL of each script (by area) and of the stylesheet (`site`). */
  readonly assets: ReadonlyMap<string, string>;
}

/** Areas with a page script. */
function scriptAreas(): string[] {
  return readdirSync(WEB_SOURCE_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(WEB_SOURCE_DIR, entry.name, 'main.ts')))
    .map((entry) => entry.name)
    .sort();
}

const toUrlPath = (outDir: string, file: string) => `/${relative(outDir, file).split(sep).join('/')}`;

export function buildWebSync(outDir: string = WEB_OUT_DIR): WebBuild {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, ASSETS_DIR), { recursive: true });

  const entryPoints: Record<string, string> = { site: join(WEB_SOURCE_DIR, 'site.css') };
  for (const area of scriptAreas()) entryPoints[area] = join(WEB_SOURCE_DIR, area, 'main.ts');
  const bundled = buildSync({
    absWorkingDir: REPOSITORY_ROOT,
    entryPoints,
    bundle: true,
    minify: true,
    format: 'esm',
    target: BROWSER_TARGET,
    outdir: join(outDir, ASSETS_DIR),
    entryNames: '[name]-[hash]',
    sourcemap: 'linked',
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'warning',
  });
  const byEntry = new Map(Object.entries(entryPoints).map(([name, file]) => [resolve(file), name]));
  const assets = new Map<string, string>();
  for (const [file, output] of Object.entries(bundled.metafile.outputs)) {
    const name = output.entryPoint ? byEntry.get(resolve(REPOSITORY_ROOT, output.entryPoint)) : undefined;
    if (name) assets.set(name, toUrlPath(outDir, resolve(REPOSITORY_ROOT, file)));
  }

  const site: SiteContext = {
    assets(script) {
      const stylesheet = assets.get('site')!;
      if (!script) return { stylesheet };
      const url = assets.get(script);
      if (!url) throw new Error(`web/${script}/main.ts does not exist`);
      return { stylesheet, script: url };
    },
  };
  const pages = GENERATORS.flatMap((generate) => generate(site));
  const seen = new Set<string>();
  for (const page of pages) {
    if (seen.has(page.path)) throw new Error(`two pages at ${page.path}`);
    seen.add(page.path);
    const file = join(outDir, page.path.endsWith('/') ? `${page.path}index.html` : page.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, page.html);
  }
  copyFileSync(join(WEB_SOURCE_DIR, 'favicon.svg'), join(outDir, 'favicon.svg'));
  return { outDir, pages: [...seen], assets };
}
