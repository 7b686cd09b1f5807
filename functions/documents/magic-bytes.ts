// Tells a file's real type from its first bytes: PDF, JPEG, PNG and HEIC/HEIF, what phones and agencies use.
// Four signatures do not justify a dependency (`file-type` brings a tokenizer stack into every bundle).

/** How many leading bytes `sniffContentType` needs. */
export const SNIFF_BYTES = 32;

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

export function sniffContentType(head: Uint8Array): string | undefined {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  // ISO base media file: [size][ftyp][major brand]…; HEIF stills use one of the brands above.
  if (bytes.subarray(4, 8).toString('latin1') === 'ftyp') {
    const major = bytes.subarray(8, 12).toString('latin1');
    if (HEIC_BRANDS.has(major)) return 'image/heic';
  }
  return undefined;
}
