import { describe, expect, it } from 'vitest';
import { sniffContentType } from '../../functions/documents/magic-bytes';
import { heicBytes, jpegBytes, pdfBytes, textBytes } from '../support/files';

describe('sniffContentType tells the real type from the first bytes', () => {
  it('recognises PDF, JPEG, PNG and HEIC', () => {
    expect(sniffContentType(pdfBytes())).toBe('application/pdf');
    expect(sniffContentType(jpegBytes())).toBe('image/jpeg');
    expect(sniffContentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe(
      'image/png',
    );
    expect(sniffContentType(heicBytes())).toBe('image/heic');
  });

  it('does not trust look-alikes', () => {
    expect(sniffContentType(textBytes('%PD not quite'))).toBeUndefined();
    expect(sniffContentType(new Uint8Array([0xff, 0xd8, 0x00]))).toBeUndefined();
    expect(
      sniffContentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x00])),
    ).toBeUndefined();
    // An MP4 video is ISO-BMFF too, but not a HEIF still.
    const mp4 = heicBytes();
    mp4.set(new TextEncoder().encode('isom'), 8);
    expect(sniffContentType(mp4)).toBeUndefined();
    expect(sniffContentType(new Uint8Array())).toBeUndefined();
  });
});
