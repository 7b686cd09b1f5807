// Benchmark: generation time and size of each one-stop form (Mẫu 01–06): the first render in the process (cold)
// and the median of N after a warm-up. Goal: under 200 ms and 150 KB each.
// Run: npx tsx bench/pdf-forms.ts [N=30]
import {
  renderApology,
  renderControlSlip,
  renderReceipt,
  renderRefusal,
  renderRegister,
  renderRegisterCsv,
  renderSupplementRequest,
} from '../functions/forms';
import {
  sampleApology,
  sampleControlSlip,
  sampleReceipt,
  sampleRefusal,
  sampleRegister,
  sampleSupplementRequest,
} from '../test/support/form-samples';

const N = Number(process.argv[2] ?? 30);
const WARM_UP = 5;
const GOAL_MS = 200;
const GOAL_KB = 150;

/** A month's register of 300 cases (about 10 a working day), the size a desk prints. */
const monthRegister = {
  ...sampleRegister,
  entries: Array.from({ length: 300 }, (_, i) => ({
    ...sampleRegister.entries[i % sampleRegister.entries.length]!,
    code: `000.00.15.H42-2503${String(1 + (i % 28)).padStart(2, '0')}-${String(i + 1).padStart(4, '0')}`,
  })),
};

const forms: [string, () => Promise<Uint8Array | string>][] = [
  ['Mẫu 01 receipt', () => renderReceipt(sampleReceipt)],
  ['Mẫu 02 supplement request', () => renderSupplementRequest(sampleSupplementRequest)],
  ['Mẫu 03 refusal', () => renderRefusal(sampleRefusal)],
  ['Mẫu 04 apology', () => renderApology(sampleApology)],
  ['Mẫu 05 control slip', () => renderControlSlip(sampleControlSlip)],
  ['Mẫu 06 register, 3 cases', () => renderRegister(sampleRegister)],
  ['Mẫu 06 register, 300 cases', () => renderRegister(monthRegister)],
  ['Mẫu 06 register CSV, 300', async () => renderRegisterCsv(monthRegister)],
];

async function time(render: () => Promise<Uint8Array | string>): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const output = await render();
  const ms = performance.now() - started;
  return { ms, bytes: typeof output === 'string' ? Buffer.byteLength(output) : output.length };
}

const rows: string[][] = [];
for (const [name, render] of forms) {
  const cold = await time(render);
  for (let i = 0; i < WARM_UP; i++) await render();
  const runs: number[] = [];
  for (let i = 0; i < N; i++) runs.push((await time(render)).ms);
  runs.sort((a, b) => a - b);
  const median = runs[Math.floor(runs.length / 2)]!;
  const p95 = runs[Math.min(runs.length - 1, Math.floor(runs.length * 0.95))]!;
  const kb = cold.bytes / 1024;
  const goal = name.includes('300') ? '(not a goal)' : median < GOAL_MS && kb < GOAL_KB ? 'ok' : 'OVER';
  rows.push([name, cold.ms.toFixed(1), median.toFixed(1), p95.toFixed(1), kb.toFixed(1), goal]);
}

const header = ['form', 'cold ms', 'median ms', 'p95 ms', 'size KB', `goal <${GOAL_MS} ms, <${GOAL_KB} KB`];
const widths = header.map((_, c) => Math.max(...[header, ...rows].map((row) => row[c]!.length)));
const line = (row: string[]) =>
  row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
console.log(
  `Node ${process.version}, ${N} renders each after ${WARM_UP} warm-up; cold = the first render in this process`,
);
console.log(line(header));
for (const row of rows) console.log(line(row));
