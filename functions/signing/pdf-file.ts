// Loading an uploaded PDF for stamping and signing, with typed errors for what cannot be signed.
import { EncryptedPDFError, PDFDocument } from 'pdf-lib';

/** The file cannot be stamped or signed: not a PDF, damaged, or encrypted. The route answers 400/422. */
export class UnsignablePdfError extends Error {
  constructor(readonly reason: 'not-pdf' | 'encrypted' | 'unreadable') {
    super(`cannot sign this file: ${reason}`);
    this.name = 'UnsignablePdfError';
  }
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

export function looksLikePdf(bytes: Uint8Array): boolean {
  // The header may follow up to 1024 bytes of junk (PDF 32000-1, annex H); most tools only accept it first.
  const head = Buffer.from(bytes.subarray(0, 1024));
  return head.indexOf(Buffer.from(PDF_MAGIC)) >= 0;
}

export async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  if (!looksLikePdf(bytes)) throw new UnsignablePdfError('not-pdf');
  try {
    // updateMetadata: false keeps the issuer's producer and dates as they were.
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    // pdf-lib reads leniently: a file with no readable page tree loads "fine" and fails later.
    if (doc.getPageCount() === 0) throw new Error('no pages');
    return doc;
  } catch (error) {
    if (error instanceof EncryptedPDFError) throw new UnsignablePdfError('encrypted');
    throw new UnsignablePdfError('unreadable');
  }
}
