// Benchmark: signing a 1 MB result PDF (PAdES B-B, local RSA-2048 and ECDSA P-256 keys): time (cold and median)
// and the size the signature adds; also stamping the QR in the same pass, and verifying. Goal: under 300 ms.
// Run: npx tsx bench/signing.ts [N=15]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { localSigner } from '../functions/signing/local-signer';
import { signPdf } from '../functions/signing/pdf-signature';
import { verifySignedPdf } from '../functions/signing/verify';

const N = Number(process.argv[2] ?? 15);
const WARM_UP = 3;
const GOAL_MS = 300;
const URL = 'https://dichvucong.ninhbinh.example.vn/verify?c=000.00.15.H42-250305-0007&t=abcdefghijklmnop';

/** A 1 MB result: three pages of text and 1 MB of incompressible data (a scan would be an image; same bytes). */
async function resultOfOneMegabyte(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= 3; i++) {
    doc.addPage([595.28, 841.89]).drawText(`Result document, page ${i}`, { x: 72, y: 760, size: 14, font });
  }
  await doc.attach(randomBytes(1_000_000), 'scan.bin', { mimeType: 'application/octet-stream' });
  return doc.save();
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

const directory = mkdtempSync(join(tmpdir(), 'motcua-bench-signing-'));
try {
  const pdf = await resultOfOneMegabyte();
  console.log(
    `Node ${process.version}; input ${(pdf.length / 1024).toFixed(0)} KB; ${N} runs after ${WARM_UP} warm-up`,
  );
  const header = ['operation', 'cold ms', 'median ms', 'output KB', 'added KB', `goal <${GOAL_MS} ms`];
  const rows: string[][] = [];
  for (const algorithm of ['RSASSA_PKCS1_V1_5_SHA_256', 'ECDSA_SHA_256'] as const) {
    const keygenStarted = performance.now();
    const signer = await localSigner(
      directory,
      { id: `bench-${algorithm.slice(0, 5)}`, name: 'Sở Tư pháp' },
      { algorithm },
    );
    const keygenMs = performance.now() - keygenStarted;
    for (const stamp of [false, true]) {
      const meta = { signedAt: new Date(), name: 'Sở Tư pháp', ...(stamp ? { stamp: { url: URL } } : {}) };
      let started = performance.now();
      const signed = await signPdf(pdf, signer, meta);
      const cold = performance.now() - started;
      for (let i = 0; i < WARM_UP; i++) await signPdf(pdf, signer, meta);
      const runs: number[] = [];
      for (let i = 0; i < N; i++) {
        started = performance.now();
        await signPdf(pdf, signer, meta);
        runs.push(performance.now() - started);
      }
      const ms = median(runs);
      rows.push([
        `sign ${algorithm}${stamp ? ' + QR stamp' : ''}`,
        cold.toFixed(1),
        ms.toFixed(1),
        (signed.length / 1024).toFixed(1),
        ((signed.length - pdf.length) / 1024).toFixed(1),
        ms < GOAL_MS ? 'ok' : 'OVER',
      ]);
      if (!stamp) {
        const trusted = [{ certificate: signer.certificateChain[0]! }];
        const verifyRuns: number[] = [];
        for (let i = 0; i < N; i++) {
          started = performance.now();
          if (!verifySignedPdf(signed, trusted).valid) throw new Error('the signed file does not verify');
          verifyRuns.push(performance.now() - started);
        }
        rows.push([`verify ${algorithm}`, '', median(verifyRuns).toFixed(1), '', '', '']);
      }
    }
    rows.push([`first use: key + certificate (${algorithm})`, keygenMs.toFixed(1), '', '', '', '']);
  }
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((row) => row[c]!.length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
} finally {
  rmSync(directory, { recursive: true, force: true });
}
