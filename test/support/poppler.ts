// Poppler's command-line tools (pdftotext, pdftoppm, pdfinfo, pdffonts, pdfsig) as an independent PDF reader for tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';

const TOOLS = ['pdftotext', 'pdftoppm', 'pdfinfo', 'pdffonts', 'pdfsig'] as const;

/** The poppler tools that are not on PATH; empty when all are. */
export function missingPopplerTools(): string[] {
  return TOOLS.filter((tool) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error !== undefined);
}

/**
 * Whether the poppler tests can run. Locally a missing tool skips them with a printed reason; in CI
 * (`process.env.CI`), where .ci/run installs poppler-utils, it is a failure.
 */
export function popplerOrSkip(suite: string): boolean {
  const missing = missingPopplerTools();
  if (missing.length === 0) return true;
  const reason = `${suite}: poppler-utils missing (${missing.join(', ')}); install poppler-utils to run these tests`;
  if (process.env.CI) throw new Error(reason);
  console.warn(`SKIPPED ${reason}`);
  return false;
}

/** Runs `tool` on `pdf` written to a temporary file; returns its standard output (or output and status). */
function withFile<T>(pdf: Uint8Array, use: (file: string) => T): T {
  const directory = mkdtempSync(join(tmpdir(), 'motcua-pdf-'));
  try {
    const file = join(directory, 'document.pdf');
    writeFileSync(file, pdf);
    return use(file);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Uint8Array): string {
  return withFile(pdf, (file) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );
}

export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const out = withFile(pdf, (file) => execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' }));
  return Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1]!.trim(), match[2]!.trim()]),
  );
}

export function pdfFonts(pdf: Uint8Array): string {
  return withFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
}

/** pdfsig's report and exit status (non-zero for an invalid or missing signature). */
export function pdfSig(pdf: Uint8Array): { status: number; output: string } {
  return withFile(pdf, (file) => {
    const result = spawnSync('pdfsig', [file], { encoding: 'utf8' });
    return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
  });
}

export interface WordBox {
  readonly word: string;
  readonly page: number;
  /** In points from the page's top-left corner. */
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** Every word pdftotext finds, with its box (`pdftotext -bbox`). */
export function pdfWords(pdf: Uint8Array): WordBox[] {
  const html = withFile(pdf, (file) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', file, '-'], { encoding: 'utf8' }),
  );
  const words: WordBox[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const match = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(
      line,
    );
    if (!match) continue;
    const [xMin, yMin, xMax, yMax] = match.slice(1, 5).map(Number) as [number, number, number, number];
    const word = match[5]!.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
    words.push({ word, page, xMin, yMin, xMax, yMax });
  }
  return words;
}

export interface GrayImage {
  readonly width: number;
  readonly height: number;
  /** One byte per pixel, 0 = black, row by row from the top. */
  readonly pixels: Uint8Array;
  readonly dpi: number;
}

/** Page `page` (from 1) rasterised by pdftoppm in 8-bit grey (a PGM, parsed here). */
export function renderPage(pdf: Uint8Array, page: number, dpi: number): GrayImage {
  const pgm = withFile(pdf, (file) =>
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file], {
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  // "P5\n<width> <height>\n<max>\n" then the pixels.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not produce a PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = new Uint8Array(pgm.subarray(header[0].length, header[0].length + width * height));
  return { width, height, pixels, dpi };
}

/** The share of pixels darker than mid-grey inside a box given in points from the page's top-left corner. */
export function inkShare(image: GrayImage, box: Pick<WordBox, 'xMin' | 'yMin' | 'xMax' | 'yMax'>): number {
  const scale = image.dpi / 72;
  const [x0, y0] = [Math.floor(box.xMin * scale), Math.floor(box.yMin * scale)];
  const [x1, y1] = [Math.ceil(box.xMax * scale), Math.ceil(box.yMax * scale)];
  let dark = 0;
  let all = 0;
  for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(image.width, x1); x++) {
      all++;
      if ((image.pixels[y * image.width + x] ?? 255) < 128) dark++;
    }
  }
  return all === 0 ? 0 : dark / all;
}

/** The text of the QR code that jsQR (an independent decoder) finds on the image, or null. */
export function decodeQr(image: GrayImage): string | null {
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  image.pixels.forEach((value, i) => {
    rgba.set([value, value, value, 255], i * 4);
  });
  return jsQR(rgba, image.width, image.height)?.data ?? null;
}
