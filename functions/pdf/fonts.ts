// Embeds the Vietnamese font of the platform's PDFs (Be Vietnam Pro, regular and bold) into a pdf-lib document.
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { BE_VIETNAM_PRO_BOLD, BE_VIETNAM_PRO_REGULAR } from './fonts.generated';

export interface PdfFonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

/**
 * Fixed subset names (a six-letter tag, as PDF names subsets): pdf-lib would otherwise add a random suffix,
 * and the same form would not give the same bytes twice.
 */
const SUBSET_NAMES = { regular: 'MCVNRG+BeVietnamPro-Regular', bold: 'MCVNBD+BeVietnamPro-Bold' } as const;

let files: { readonly regular: Uint8Array; readonly bold: Uint8Array } | undefined;

/** The TTF bytes, decoded once per process: a warm Lambda pays the base64 decoding only on its first PDF. */
export function fontFiles(): { readonly regular: Uint8Array; readonly bold: Uint8Array } {
  files ??= {
    regular: Buffer.from(BE_VIETNAM_PRO_REGULAR, 'base64'),
    bold: Buffer.from(BE_VIETNAM_PRO_BOLD, 'base64'),
  };
  return files;
}

/**
 * Subset embedding keeps a form near 20 KB instead of 270 KB of whole fonts. pdf-lib's subsetting blanks the
 * glyphs of some fonts (composite glyphs); Be Vietnam Pro's render whole, which the form tests check on
 * pdftoppm's pixels, not only on pdftotext's text.
 */
export async function embedPdfFonts(doc: PDFDocument): Promise<PdfFonts> {
  doc.registerFontkit(fontkit);
  const { regular, bold } = fontFiles();
  const [regularFont, boldFont] = await Promise.all([
    doc.embedFont(regular, { subset: true, customName: SUBSET_NAMES.regular }),
    doc.embedFont(bold, { subset: true, customName: SUBSET_NAMES.bold }),
  ]);
  return { regular: regularFont, bold: boldFont };
}
