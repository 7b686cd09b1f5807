// The rules of an upload's verdict, one by one: file names, S3's event order, size, type by first bytes, the scan.
import { describe, expect, it } from 'vitest';
import { RESULT_DOCUMENT } from '../../functions/documents/rules';
import { isLaterThanVerdict, judge, padSequencer, sizeProblems } from '../../functions/documents/verdict';
import { isAcceptableFileName } from '../../functions/domain/file-name';
import type { UploadRecord } from '../../functions/storage/records';

const upload = (fields: Partial<UploadRecord> = {}): UploadRecord => ({
  type: 'upload',
  uploadId: '00000000-0000-0000-0000-000000000000',
  ownerId: 'o',
  procedureId: 'p',
  documentType: 'result',
  fileName: 'a.pdf',
  contentType: 'application/pdf',
  size: 100,
  key: 'quarantine/00000000-0000-0000-0000-000000000000',
  status: 'pending',
  createdAt: '2025-01-01T00:00:00+07:00',
  ...fields,
});

describe('file names', () => {
  it.each([
    ['Giấy chứng sinh (bản sao).pdf', true],
    ['ảnh chụp 01.jpg', true],
    ['..pdf', true],
    ['a/b.pdf', false],
    ['a\\b.pdf', false],
    ['a\u0000.pdf', false],
    ['a\u007f.pdf', false],
    ['a\u009f.pdf', false],
    ['hoa-don\u202Efdp.exe', false],
    ['x\u202A.pdf', false],
    ['x\u2066.pdf', false],
    ['x\u2069.pdf', false],
    // Right-to-left marks do not reorder text; the contract names embeddings, overrides and isolates only.
    ['x\u200F.pdf', true],
  ])('%j acceptable: %s', (name, acceptable) => {
    expect(isAcceptableFileName(name)).toBe(acceptable);
  });
});

describe("S3's event order", () => {
  it('compares sequencers of different lengths after right-padding with zeros, as S3 prescribes', () => {
    // "0055AED6DCD90281E5" then "0055AED6DCD90281E50" ("…E5" padded is "…E50": equal; "…E51" is later).
    expect(padSequencer('0055AED6DCD90281E51') > padSequencer('0055AED6DCD90281E5')).toBe(true);
    expect(padSequencer('0055AED6DCD90281E50')).toBe(padSequencer('0055AED6DCD90281E5'));
    expect(padSequencer('0055aed6dcd90281e6') > padSequencer('0055AED6DCD90281E51')).toBe(true);
  });

  it('takes a post as later than the verdict only when its sequencer is greater', () => {
    const landed = { key: 'k', size: 1, etag: 'e', sequencer: padSequencer('0A') };
    expect(isLaterThanVerdict(landed, upload())).toBe(true);
    expect(isLaterThanVerdict(landed, upload({ sequencer: padSequencer('09') }))).toBe(true);
    expect(isLaterThanVerdict(landed, upload({ sequencer: padSequencer('0A') }))).toBe(false);
    expect(isLaterThanVerdict(landed, upload({ sequencer: padSequencer('0B') }))).toBe(false);
  });
});

describe('size', () => {
  it('refuses an empty file, another size than declared, and one over the limit', () => {
    const paths = (size: number, declared = 100) =>
      sizeProblems(upload({ size: declared }), RESULT_DOCUMENT, size).map((p) => p.message.en);
    expect(paths(100)).toEqual([]);
    expect(paths(0)).toEqual(['The file is empty']);
    expect(paths(99)).toEqual(['File size does not match what was declared']);
    const max = RESULT_DOCUMENT.maxBytes;
    expect(paths(max + 1, max + 1)).toEqual(['File is larger than the maximum of 20 MB']);
  });
});

describe('the verdict', () => {
  const problem = { path: 'contentType' as const, message: { vi: 'x', en: 'x' } };
  it('needs both the content checks and, where the scan is on, a clean scan of the same bytes', () => {
    expect(judge({ problems: [problem], etag: 'a', scans: undefined, scanRequired: true }).status).toBe(
      'rejected',
    );
    expect(judge({ problems: [], etag: undefined, scans: undefined, scanRequired: false }).status).toBe(
      'pending',
    );
    expect(judge({ problems: [], etag: 'a', scans: undefined, scanRequired: false }).status).toBe('verified');
    expect(judge({ problems: [], etag: 'a', scans: undefined, scanRequired: true }).status).toBe('pending');
    expect(
      judge({ problems: [], etag: 'a', scans: { b: 'NO_THREATS_FOUND' }, scanRequired: true }).status,
    ).toBe('pending');
    expect(
      judge({ problems: [], etag: 'a', scans: { a: 'NO_THREATS_FOUND' }, scanRequired: true }).status,
    ).toBe('verified');
    for (const result of ['THREATS_FOUND', 'UNSUPPORTED', 'ACCESS_DENIED', 'FAILED']) {
      const verdict = judge({ problems: [], etag: 'a', scans: { a: result }, scanRequired: true });
      expect(verdict.status).toBe('rejected');
      expect(verdict.problems.map((p) => p.path)).toEqual(['file']);
    }
  });
});
