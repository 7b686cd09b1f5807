// Builds the site into dist/web: each page's script bundled by esbuild (web/<area>/main.ts), one stylesheet
// (web/site.css), and every page generated as HTML from schemas/ (web/<area>/page.ts), in Vietnamese and English.
// Synchronous, so that the CDK stack can run it as its asset's local bundling step during synth.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { buildSync } from 'esbuild';
import { applyPages } from '../apply/page';
import { cataloguePages } from '../catalogue/page';
import { consolePages } from '../console/page';
import { myPages } from '../my/page';
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
  myPages,
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
 * Safari): newer syntax and CSS are rewritten for them. The 2020 browsers (Chrome 80, Firefox 74), as old as the
 * iOS 15 floor allows anyway, read optional chaining, `??` and class fields as written: rewriting them for older
 * ones cost the apply wizard over a kilobyte of its budgeted first load.
 */
export const BROWSER_TARGET = ['chrome80', 'firefox74', 'safari15', 'edge80'];

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

/**
 * An area whose pages carry a budget (the apply wizard's 20 KB) may have a stylesheet of its own, `web/<area>/
 * stylesheet.css`: the base and the components it uses and its own styles, so that other areas' styles never
 * weigh on its first load. Its pages link it instead of `site.css`.
 */
const AREA_STYLESHEET = 'stylesheet.css';

function stylesheetAreas(): string[] {
  return readdirSync(WEB_SOURCE_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(WEB_SOURCE_DIR, entry.name, AREA_STYLESHEET)))
    .map((entry) => entry.name)
    .sort();
}

const toUrlPath = (outDir: string, file: string) => `/${relative(outDir, file).split(sep).join('/')}`;

export function buildWebSync(outDir: string = WEB_OUT_DIR): WebBuild {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, ASSETS_DIR), { recursive: true });

  // Each area is bundled on its own: its page's first load is its script plus the few chunks that script shares
  // with the code it loads later (the apply wizard's documents and "check your answers"), never a patchwork of
  // chunks shared with other areas. The stylesheet is one file for the whole site.
  const builds = [
    { name: 'site', entry: join(WEB_SOURCE_DIR, 'site.css') },
    ...stylesheetAreas().map((area) => ({
      name: `${area}-style`,
      entry: join(WEB_SOURCE_DIR, area, AREA_STYLESHEET),
    })),
    ...scriptAreas().map((area) => ({ name: area, entry: join(WEB_SOURCE_DIR, area, 'main.ts') })),
  ];
  const assets = new Map<string, string>();
  const preloads = new Map<string, string[]>();
  const prefetches = new Map<string, string[]>();
  for (const { name, entry } of builds) {
    const bundled = buildSync({
      absWorkingDir: REPOSITORY_ROOT,
      entryPoints: { [name]: entry },
      bundle: true,
      minify: true,
      format: 'esm',
      target: BROWSER_TARGET,
      outdir: join(outDir, ASSETS_DIR),
      entryNames: '[name]-[hash]',
      splitting: true,
      chunkNames: `${name}-chunk-[hash]`,
      sourcemap: 'linked',
      legalComments: 'none',
      charset: 'utf8',
      metafile: true,
      logLevel: 'warning',
    });
    const outputs = bundled.metafile.outputs;
    /**
     * The chunks a file imports, and theirs, following the imports `follows` accepts: the static ones are what its
     * page must fetch before the script runs; the rest, loaded when needed, are fetched ahead while the phone idles.
     */
    const chunksOf = (
      file: string,
      follows: (kind: string) => boolean,
      seen = new Set<string>(),
    ): string[] => {
      for (const imported of outputs[file]?.imports ?? []) {
        if (!follows(imported.kind) || seen.has(imported.path)) continue;
        seen.add(imported.path);
        chunksOf(imported.path, follows, seen);
      }
      return [...seen];
    };
    const [file] = Object.entries(outputs).find(([, output]) => output.entryPoint !== undefined) ?? [];
    if (!file) throw new Error(`${entry}: esbuild wrote no entry`);
    const toUrl = (path: string) => toUrlPath(outDir, resolve(REPOSITORY_ROOT, path));
    assets.set(name, toUrl(file));
    const eager = chunksOf(file, (kind) => kind === 'import-statement');
    preloads.set(name, eager.map(toUrl));
    prefetches.set(
      name,
      chunksOf(file, () => true)
        .filter((chunk) => !eager.includes(chunk) && chunk.endsWith('.js'))
        .map(toUrl),
    );
  }

  const site: SiteContext = {
    assets(script) {
      const stylesheet = (script && assets.get(`${script}-style`)) || assets.get('site')!;
      if (!script) return { stylesheet };
      const url = assets.get(script);
      if (!url) throw new Error(`web/${script}/main.ts does not exist`);
      const preload = preloads.get(script) ?? [];
      const prefetch = prefetches.get(script) ?? [];
      return {
        stylesheet,
        script: url,
        ...(preload.length > 0 ? { preload } : {}),
        ...(prefetch.length > 0 ? { prefetch } : {}),
      };
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
