// Prints each built page's first load (HTML + its stylesheet + its scripts), raw and gzip, from dist/web:
// `npm run build:web && npx tsx bench/page-weight.ts`. The apply page's budget (issue 7) is 20 KB gzip.
import { builtPageFiles, firstLoad } from '../web/build/site-files';

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6);
const rows = builtPageFiles().map((page) => ({ url: page.url, ...firstLoad(page) }));
const width = Math.max(...rows.map((row) => row.url.length), 4);
console.log(`${'page'.padEnd(width)}  files  raw KB  gzip KB`);
for (const row of rows) {
  console.log(
    `${row.url.padEnd(width)}  ${String(row.files.length).padStart(5)}  ${kb(row.raw)}  ${kb(row.gzip)}`,
  );
}
const largest = rows.reduce((a, b) => (b.gzip > a.gzip ? b : a));
console.log(
  `\nlargest first load: ${largest.url}, ${kb(largest.gzip).trim()} KB gzip (${largest.files.join(', ')})`,
);
