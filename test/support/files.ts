// Small real files for upload tests: each starts with its format's true signature.

/** A minimal valid one-page PDF. */
export function pdfBytes(note = 'motcua test'): Uint8Array {
  const body = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
% ${note}
trailer << /Root 1 0 R >>
%%EOF
`;
  return new TextEncoder().encode(body);
}

/** JPEG signature (SOI + APP0 JFIF) followed by filler: enough for a magic-byte check. */
export function jpegBytes(size = 2048): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}

/** HEIC: an ISO-BMFF `ftyp` box with the `heic` brand. */
export function heicBytes(size = 1024): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x00, 0x00, 0x00, 0x18], 0);
  bytes.set(new TextEncoder().encode('ftypheic'), 4);
  return bytes;
}

/** Plain text pretending to be something else. */
export function textBytes(text = 'this is not a pdf'): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A Windows executable's signature (`MZ`) padded to `size` bytes: what an attacker swaps in for a PDF. */
export function exeBytes(size = 598): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x4d, 0x5a, 0x90, 0x00, 0x03]);
  return bytes;
}
