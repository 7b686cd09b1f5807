// Stamps a verification QR code and its caption ("Tra cứu, xác thực: …") on a page of an existing PDF.
import fontkit from '@pdf-lib/fontkit';
import { type PDFDocument, rgb } from 'pdf-lib';
import { fontFiles } from '../pdf/fonts';
import { nfc, textWidth, wrapText } from '../pdf/layout';
import { drawQrCode } from '../pdf/qr';
import { loadPdf } from './pdf-file';

export interface StampOptions {
  /** The page to stamp; the last by default (where a result's signature block usually is). */
  readonly page?: 'first' | 'last';
  /** The QR code's side in points (quiet zone included); 72 (2.5 cm) by default. */
  readonly size?: number;
  /** Points from the page's (crop box's) bottom and right edges; 18 by default. */
  readonly margin?: number;
  /** The caption's first line; "Tra cứu, xác thực:" by default, followed by the URL. */
  readonly caption?: string;
}

const CAPTION_SIZE = 6.5;

/**
 * Draws the stamp in the bottom-right corner of the chosen page, on a white box so that it reads on any
 * background. Pages turned by /Rotate are stamped in their unrotated frame (see the report's open points).
 */
export async function drawVerificationStamp(
  doc: PDFDocument,
  url: string,
  options: StampOptions = {},
): Promise<void> {
  const pages = doc.getPages();
  const page = options.page === 'first' ? pages[0] : pages.at(-1);
  if (!page) throw new Error('the PDF has no page');
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontFiles().regular, {
    subset: true,
    customName: 'MCVNST+BeVietnamPro-Regular',
  });
  const size = options.size ?? 72;
  const margin = options.margin ?? 18;
  const box = page.getCropBox();
  const x = box.x + box.width - margin - size;
  const y = box.y + margin;
  const captionWidth = Math.min(220, box.width - size - 3 * margin);
  const lines = [
    ...wrapText(options.caption ?? 'Tra cứu, xác thực:', font, CAPTION_SIZE, captionWidth),
    ...wrapText(url.replace('?', '\n?'), font, CAPTION_SIZE, captionWidth),
  ];
  const lineHeight = CAPTION_SIZE * 1.3;
  const widest = Math.max(...lines.map((line) => textWidth(font, line, CAPTION_SIZE)));
  page.drawRectangle({
    x: x - widest - 8,
    y: y,
    width: widest + 8,
    height: lines.length * lineHeight + 4,
    color: rgb(1, 1, 1),
  });
  lines.forEach((line, index) => {
    page.drawText(nfc(line), {
      x: x - 4 - textWidth(font, line, CAPTION_SIZE),
      y: y + 4 + (lines.length - 1 - index) * lineHeight,
      size: CAPTION_SIZE,
      font,
      color: rgb(0, 0, 0),
    });
  });
  drawQrCode(page, url, { x, y, size });
}

/** `pdf` with a QR code to `url` and its caption stamped on its first or last page. */
export async function stampQr(pdf: Uint8Array, url: string, options: StampOptions = {}): Promise<Uint8Array> {
  const doc = await loadPdf(pdf);
  await drawVerificationStamp(doc, url, options);
  return doc.save({ useObjectStreams: false });
}
