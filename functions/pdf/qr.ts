// QR codes drawn as vector squares on a PDF page: sharp at any print size and a few hundred bytes each.
import { type PDFPage, rgb } from 'pdf-lib';
import qrcode from 'qrcode-generator';

/** The quiet zone that ISO/IEC 18004 asks around a QR code, in modules. */
export const QR_QUIET_ZONE = 4;

/**
 * The module matrix of `text` (row by row, `true` = dark). Level M (15% recovery) is the usual choice for
 * print: a verification URL fits version 5–6, big enough modules at 2–3 cm on paper.
 */
export function qrMatrix(text: string): boolean[][] {
  const code = qrcode(0, 'M');
  // Byte mode over UTF-8, so that any text round-trips; a URL is ASCII anyway.
  code.addData(String.fromCharCode(...new TextEncoder().encode(text)), 'Byte');
  code.make();
  const count = code.getModuleCount();
  return Array.from({ length: count }, (_, row) =>
    Array.from({ length: count }, (_, col) => code.isDark(row, col)),
  );
}

/**
 * Draws the QR code of `text` with its lower-left corner at (`x`, `y`) and side `size` points, the quiet
 * zone included (painted white, so that a code on a coloured or busy page still scans).
 */
export function drawQrCode(page: PDFPage, text: string, at: { x: number; y: number; size: number }): void {
  const matrix = qrMatrix(text);
  const modules = matrix.length + 2 * QR_QUIET_ZONE;
  const unit = at.size / modules;
  page.drawRectangle({ x: at.x, y: at.y, width: at.size, height: at.size, color: rgb(1, 1, 1) });
  const black = rgb(0, 0, 0);
  matrix.forEach((row, r) => {
    // One rectangle per run of dark modules in a row: a fifth of the drawing operators of one per module.
    let start = -1;
    for (let c = 0; c <= row.length; c++) {
      const dark = c < row.length && row[c] === true;
      if (dark && start < 0) start = c;
      if (!dark && start >= 0) {
        page.drawRectangle({
          x: at.x + (QR_QUIET_ZONE + start) * unit,
          y: at.y + at.size - (QR_QUIET_ZONE + r + 1) * unit,
          width: (c - start) * unit,
          // A hair taller than a module, so that anti-aliased viewers show no seams between rows.
          height: unit * 1.02,
          color: black,
        });
        start = -1;
      }
    }
  });
}
