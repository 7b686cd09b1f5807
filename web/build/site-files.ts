// Reads a built site back: its pages by address, and what a page's first load fetches (for tests and benchmarks).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_OUT_DIR } from './paths';

export interface BuiltPageFile {
  /** The address it is served at: `en/track/index.html` is `/en/track/`. */
  readonly url: string;
  readonly file: string;
}

/** Every HTML page of the built site, sorted by address. */
export function builtPageFiles(outDir: string = WEB_OUT_DIR): BuiltPageFile[] {
  if (!existsSync(outDir)) throw new Error(`${outDir} is missing: run npm run build:web first`);
  const pages: BuiltPageFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.html')) {
        const url = `/${relative(outDir, file).split(sep).join('/')}`;
        pages.push({ url: url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url, file });
      }
    }
  };
  walk(outDir);
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

export interface FirstLoad {
  /** The HTML, then each stylesheet, module script and preloaded chunk it links, as paths under the site. */
  readonly files: readonly string[];
  readonly raw: number;
  readonly gzip: number;
}

/**
 * What loading `page` fetches before it is complete: the HTML, its stylesheet, its script and the chunks that script
 * imports (bytes, gzip -9). Chunks a script imports only when a later step needs them are not part of it.
 */
export function firstLoad(page: BuiltPageFile, outDir: string = WEB_OUT_DIR): FirstLoad {
  const html = readFileSync(page.file);
  const linked = [
    ...html
      .toString('utf8')
      .matchAll(
        /<(?:link rel="stylesheet"|link rel="modulepreload"|script type="module") (?:href|src)="(\/[^"]+)"/g,
      ),
  ].map((match) => match[1]!);
  const bodies = [html, ...linked.map((url) => readFileSync(join(outDir, url)))];
  return {
    files: [page.url, ...linked],
    raw: bodies.reduce((sum, body) => sum + body.length, 0),
    gzip: bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0),
  };
}
