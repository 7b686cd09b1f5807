// `npm run build:web`: builds the site into dist/web (run before `npm start`, `npm test`; `cdk synth` runs it too).
import { relative } from 'node:path';
import { buildWebSync } from '../web/build/build';

const started = performance.now();
const built = buildWebSync();
console.log(
  `web: ${built.pages.length} pages and ${built.assets.size} assets in ${relative(process.cwd(), built.outDir) || '.'} (${Math.round(performance.now() - started)} ms)`,
);
