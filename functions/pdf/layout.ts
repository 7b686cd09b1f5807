// A small flow layout over pdf-lib for the one-stop forms: wrapped paragraphs, two-column blocks, tables
// that continue on the next page with their header, and a footer on every page.
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { embedPdfFonts, type PdfFonts } from './fonts';

/** A4 in points (ISO 216: 210 × 297 mm). */
export const A4_PORTRAIT: readonly [number, number] = [595.28, 841.89];
export const A4_LANDSCAPE: readonly [number, number] = [841.89, 595.28];

export type Weight = keyof PdfFonts;
export type Align = 'left' | 'center' | 'right';

export interface TextStyle {
  readonly weight?: Weight;
  readonly size?: number;
  readonly align?: Align;
  /** Points from the block's left edge (first and following lines alike). */
  readonly indent?: number;
  /** Extra points below the paragraph. */
  readonly after?: number;
}

export interface Column {
  readonly header: string;
  /** A share of the table's width; the shares are scaled to add up to the whole. */
  readonly width: number;
  readonly align?: Align;
}

export interface DocumentInfo {
  readonly title: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  /** The document's date: written as its creation and modification date, so the same input gives the same file. */
  readonly date: Date;
  readonly orientation?: 'portrait' | 'landscape';
  /** Points kept free at the bottom of the first page (for a QR code and its caption). */
  readonly firstPageFooter?: number;
}

const MARGIN = { top: 42, right: 42, bottom: 36, left: 56 } as const;
const FOOTER_LINE = 9;
/** The top of the footer's two lines: what lies above it on a page is the form's. */
export const FOOTER_TOP = MARGIN.bottom + FOOTER_LINE * 2;
const LINE_GAP = 1.25;
const DEFAULT_SIZE = 11;
const CELL_PADDING = 3;
const GREY = rgb(0.35, 0.35, 0.35);
/** Where a word too long for its line may break: after the separators of codes, dates and URLs. */
const BREAK_AFTER = '-/?&.';

/** Vietnamese text drawn as typed in NFD (decomposed) would show its marks beside the letters: NFC always. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Widths at 1 pt of strings already measured, by font name: the forms' fonts are the same in every document. */
const widths = new Map<string, Map<string, number>>();
/** Enough for every word of many forms; past it the cache starts afresh rather than grow without bound. */
const MAX_CACHED_WIDTHS = 50_000;

/**
 * `font.widthOfTextAtSize`, remembered: pdf-lib lays the text out with fontkit on every call (about 0.2 ms),
 * and wrapping measures every word.
 */
export function textWidth(font: PDFFont, text: string, size: number): number {
  let cache = widths.get(font.name);
  if (!cache || cache.size > MAX_CACHED_WIDTHS) {
    cache = new Map();
    widths.set(font.name, cache);
  }
  let width = cache.get(text);
  if (width === undefined) {
    width = font.widthOfTextAtSize(text, 1);
    cache.set(text, width);
  }
  return width * size;
}

/** Splits a word wider than `width` into pieces that fit, after a separator where one falls late enough. */
function splitWord(word: string, fits: (text: string) => boolean): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (!fits(rest) && rest.length > 1) {
    let cut = rest.length - 1;
    while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
    // Prefer to break a code or a URL after one of its separators, if one falls in the line's last half.
    const soft = Math.max(...[...BREAK_AFTER].map((mark) => rest.lastIndexOf(mark, cut - 1) + 1));
    if (soft > cut / 2) cut = soft;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/**
 * Splits `text` into lines no wider than `width`: at spaces, and inside a word only when the word alone is
 * wider than a line (a URL, a long code). Line breaks in the text are kept.
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  const measure = (part: string) => textWidth(font, part, size);
  const fits = (part: string) => measure(part) <= width;
  const space = measure(' ');
  for (const paragraph of nfc(text).replace(/\t/g, ' ').split(/\r?\n/)) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/)) {
      const wordWidth = measure(word);
      if (line === '' ? wordWidth <= width : lineWidth + space + wordWidth <= width) {
        lineWidth = line === '' ? wordWidth : lineWidth + space + wordWidth;
        line = line === '' ? word : `${line} ${word}`;
        continue;
      }
      if (line !== '') lines.push(line);
      const pieces = splitWord(word, fits);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1)!;
      lineWidth = measure(line);
    }
    lines.push(line);
  }
  return lines;
}

export class FlowLayout {
  readonly pages: PDFPage[] = [];
  /** The baseline-free cursor: the top of the next thing drawn, in points from the page's bottom. */
  y = 0;
  private page!: PDFPage;

  private constructor(
    readonly doc: PDFDocument,
    readonly fonts: PdfFonts,
    private readonly size: readonly [number, number],
    private readonly firstPageFooter: number,
  ) {
    this.newPage();
  }

  static async create(info: DocumentInfo): Promise<FlowLayout> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.setTitle(nfc(info.title), { showInWindowTitleBar: true });
    doc.setSubject(nfc(info.subject));
    doc.setKeywords(info.keywords.map(nfc));
    doc.setLanguage('vi-VN');
    doc.setCreator('motcua');
    doc.setProducer('motcua (pdf-lib)');
    doc.setCreationDate(info.date);
    doc.setModificationDate(info.date);
    const fonts = await embedPdfFonts(doc);
    const size = info.orientation === 'landscape' ? A4_LANDSCAPE : A4_PORTRAIT;
    return new FlowLayout(doc, fonts, size, info.firstPageFooter ?? 0);
  }

  get left(): number {
    return MARGIN.left;
  }

  get width(): number {
    return this.size[0] - MARGIN.left - MARGIN.right;
  }

  get firstPage(): PDFPage {
    return this.pages[0]!;
  }

  private get bottom(): number {
    return FOOTER_TOP + (this.pages.length === 1 ? this.firstPageFooter : 0);
  }

  newPage(): void {
    this.page = this.doc.addPage([...this.size]);
    this.pages.push(this.page);
    this.y = this.size[1] - MARGIN.top;
  }

  /** Moves to a new page unless `height` points still fit above the footer. */
  ensure(height: number): void {
    if (this.y - height < this.bottom) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  lineHeight(size = DEFAULT_SIZE): number {
    return size * LINE_GAP;
  }

  /** Draws `lines` inside the band [x, x + width] from `top` down; returns the height used. */
  drawLines(lines: readonly string[], x: number, width: number, top: number, style: TextStyle = {}): number {
    const font = this.fonts[style.weight ?? 'regular'];
    const size = style.size ?? DEFAULT_SIZE;
    const step = this.lineHeight(size);
    lines.forEach((line, index) => {
      const lineWidth = textWidth(font, line, size);
      const offset =
        style.align === 'center' ? (width - lineWidth) / 2 : style.align === 'right' ? width - lineWidth : 0;
      // The baseline sits a font's ascent (about 0.8 em for this font) below the line's top.
      this.page.drawText(line, { x: x + offset, y: top - index * step - size * 0.95, size, font });
    });
    return lines.length * step;
  }

  /** A wrapped paragraph across the whole width, continuing on the next page where it must. */
  paragraph(text: string, style: TextStyle = {}): void {
    const font = this.fonts[style.weight ?? 'regular'];
    const size = style.size ?? DEFAULT_SIZE;
    const indent = style.indent ?? 0;
    for (const line of wrapText(text, font, size, this.width - indent)) {
      this.ensure(this.lineHeight(size));
      this.y -= this.drawLines([line], this.left + indent, this.width - indent, this.y, style);
    }
    this.y -= style.after ?? 2;
  }

  /** Blocks of text side by side (a header's two columns, signature boxes), kept together on one page. */
  columns(blocks: readonly { share: number; parts: readonly (TextStyle & { text: string })[] }[]): void {
    const total = blocks.reduce((sum, block) => sum + block.share, 0);
    const laid = blocks.map((block) => {
      const width = (this.width * block.share) / total;
      const parts = block.parts.map((part) => ({
        part,
        lines: wrapText(part.text, this.fonts[part.weight ?? 'regular'], part.size ?? DEFAULT_SIZE, width),
      }));
      const height = parts.reduce(
        (sum, { part, lines }) => sum + lines.length * this.lineHeight(part.size) + (part.after ?? 0),
        0,
      );
      return { width, parts, height };
    });
    this.ensure(Math.max(...laid.map((block) => block.height)));
    let x = this.left;
    for (const block of laid) {
      let top = this.y;
      for (const { part, lines } of block.parts) {
        top -= this.drawLines(lines, x, block.width, top, { align: 'center', ...part }) + (part.after ?? 0);
      }
      x += block.width;
    }
    this.y -= Math.max(...laid.map((block) => block.height));
  }

  /** A short centred rule, as under the headings of Vietnamese administrative documents. */
  rule(x: number, width: number, length: number, y: number): void {
    const start = x + (width - length) / 2;
    this.page.drawLine({ start: { x: start, y }, end: { x: start + length, y }, thickness: 0.6 });
  }

  /** A ruled table; rows that do not fit go to the next page under a repeated header. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], size = 9): void {
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => (this.width * column.width) / total);
    const layRow = (cells: readonly string[], weight: Weight) => {
      const lines = widths.map((width, i) =>
        wrapText(cells[i] ?? '', this.fonts[weight], size, width - 2 * CELL_PADDING),
      );
      const height = Math.max(...lines.map((l) => l.length)) * this.lineHeight(size) + 2 * CELL_PADDING;
      return { lines, height };
    };
    const drawRow = (row: ReturnType<typeof layRow>, weight: Weight) => {
      let x = this.left;
      row.lines.forEach((lines, i) => {
        const width = widths[i]!;
        this.page.drawRectangle({
          x,
          y: this.y - row.height,
          width,
          height: row.height,
          borderColor: rgb(0, 0, 0),
          borderWidth: 0.5,
        });
        const align = weight === 'bold' ? 'center' : (columns[i]?.align ?? 'left');
        this.drawLines(lines, x + CELL_PADDING, width - 2 * CELL_PADDING, this.y - CELL_PADDING, {
          weight,
          size,
          align,
        });
        x += width;
      });
      this.y -= row.height;
    };
    const header = layRow(
      columns.map((column) => column.header),
      'bold',
    );
    this.ensure(header.height + this.lineHeight(size) + 2 * CELL_PADDING);
    drawRow(header, 'bold');
    for (const cells of rows) {
      const row = layRow(cells, 'regular');
      if (this.y - row.height < this.bottom) {
        this.newPage();
        drawRow(header, 'bold');
      }
      drawRow(row, 'regular');
    }
    this.y -= 4;
  }

  /** Writes `lines` (small, grey) at the foot of every page, with "Trang i/n", then saves the file. */
  async finish(footerLines: readonly string[]): Promise<Uint8Array> {
    const font = this.fonts.regular;
    const size = 7.5;
    this.pages.forEach((page, index) => {
      const pageLabel = `Trang ${index + 1}/${this.pages.length}`;
      const labelWidth = textWidth(font, pageLabel, size);
      page.drawText(pageLabel, {
        x: this.size[0] - MARGIN.right - labelWidth,
        y: MARGIN.bottom - 12,
        size,
        font,
      });
      let y = MARGIN.bottom + FOOTER_LINE * (footerLines.length - 1);
      for (const line of footerLines) {
        const [first = ''] = wrapText(line, font, size, this.width - labelWidth - 12);
        page.drawText(first, { x: MARGIN.left, y: y - 12, size, font, color: GREY });
        y -= FOOTER_LINE;
      }
    });
    return this.doc.save({ useObjectStreams: true });
  }
}
