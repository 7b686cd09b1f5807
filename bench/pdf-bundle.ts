// The PDF Lambda group's bundle: size against its 3 MB limit, what weighs most, and a run of the bundle alone.
// Run: npx tsx bench/pdf-bundle.ts   (test/unit/pdf-bundle.test.ts checks the same limit)
import { bundlePdfProbe, PDF_GROUP_LIMIT_BYTES, runPdfProbe } from '../test/support/pdf-bundle';

const bundle = await bundlePdfProbe();
const started = performance.now();
const answer = runPdfProbe(bundle);
const runMs = performance.now() - started;
console.log(
  `bundle ${(bundle.bytes / 1024).toFixed(1)} KB (limit ${PDF_GROUP_LIMIT_BYTES / 1024} KB): ${bundle.bytes < PDF_GROUP_LIMIT_BYTES ? 'ok' : 'OVER'}`,
);
console.log(`heaviest (KB): ${bundle.heaviest.join(', ')}`);
console.log(
  `fresh process, import + render + sign + verify: ${runMs.toFixed(0)} ms; ${JSON.stringify(answer)}`,
);
