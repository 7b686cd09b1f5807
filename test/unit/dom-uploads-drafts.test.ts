// The browser's side of uploads and drafts on their own (web/lib/uploads.ts, web/lib/drafts.ts, web/lib/draft-api.ts):
// a file's real type from its first bytes, what is refused before anything is sent, the device's drafts per account
// and their clearing at sign-out, and which uploads a refused draft names. localStorage and fetch are stand-ins here;
// photos are shrunk by Chromium in the browser tests.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../web/lib/api';
import { draftRequest, unavailableUploads } from '../../web/lib/draft-api';
import {
  forgetLocalDrafts,
  type LocalDraft,
  loadLocalDraft,
  localDrafts,
  saveLocalDraft,
} from '../../web/lib/drafts';
import { fill } from '../../web/lib/page-texts';
import {
  type DocumentRule,
  prepareFile,
  settledVerdict,
  sniffType,
  uploadVerdict,
} from '../../web/lib/uploads';

const SCANS: DocumentRule = {
  type: 'scan',
  name: 'Giấy tờ',
  required: true,
  accept: ['application/pdf', 'image/jpeg', 'image/png', 'image/heic'],
  maxBytes: 1024,
  maxFiles: 2,
};
const PDF_ONLY: DocumentRule = { ...SCANS, accept: ['application/pdf'] };

const bytes = (...values: number[]) => new Uint8Array(values);
const PDF_HEAD = bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34);
const JPEG_HEAD = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10);
const PNG_HEAD = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const HEIC_HEAD = new Uint8Array([0, 0, 0, 0x18, ...new TextEncoder().encode('ftypheic')]);
const EXE_HEAD = bytes(0x4d, 0x5a, 0x90, 0);

const file = (head: Uint8Array, name: string, type: string, size = head.length) => {
  const body = new Uint8Array(size);
  body.set(head.subarray(0, Math.min(head.length, size)));
  return new File([body], name, { type });
};

describe('a file before it is sent', () => {
  it('is known by its first bytes, whatever its name says', () => {
    expect(sniffType(PDF_HEAD)).toBe('application/pdf');
    expect(sniffType(JPEG_HEAD)).toBe('image/jpeg');
    expect(sniffType(PNG_HEAD)).toBe('image/png');
    expect(sniffType(HEIC_HEAD)).toBe('image/heic');
    expect(sniffType(EXE_HEAD)).toBeUndefined();
  });

  it('is refused when its content is not a type the document takes, its size over the limit, or empty', async () => {
    expect(await prepareFile(file(EXE_HEAD, 'giay-to.pdf', 'application/pdf'), SCANS)).toEqual({
      ok: false,
      problem: 'type',
    });
    expect(await prepareFile(file(JPEG_HEAD, 'anh.jpg', 'image/jpeg'), PDF_ONLY)).toEqual({
      ok: false,
      problem: 'type',
    });
    expect(await prepareFile(file(PDF_HEAD, 'lon.pdf', 'application/pdf', 2048), SCANS)).toEqual({
      ok: false,
      problem: 'size',
    });
    expect(await prepareFile(new File([], 'rong.pdf', { type: 'application/pdf' }), SCANS)).toEqual({
      ok: false,
      problem: 'empty',
    });
  });

  it('goes as it is when it is small and of a type the document takes, typed by its content', async () => {
    const picked = file(PNG_HEAD, 'man-hinh.jpg', 'image/jpeg', 512);
    const prepared = await prepareFile(picked, SCANS);
    expect(prepared).toMatchObject({ ok: true, fileName: 'man-hinh.jpg', contentType: 'image/png' });
    expect(prepared.ok && prepared.blob).toBe(picked);
  });
});

describe("an upload's verdict", () => {
  afterEach(() => vi.unstubAllGlobals());

  const answer = (status: number, body: unknown) =>
    vi.fn(
      async () =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
    );

  it('is none where the route is not deployed: the gateway’s 404 means "uploaded, no verdict"', async () => {
    vi.stubGlobal('location', new URL('https://dichvucong.example.gov.vn/apply/x/'));
    vi.stubGlobal('fetch', async (url: URL | string) =>
      String(url).endsWith('/config.json')
        ? new Response(JSON.stringify({ apiBaseUrl: '/api', environment: 'test' }))
        : answer(404, { message: 'Not Found' })(),
    );
    expect(await uploadVerdict('u-1')).toBeNull();
  });

  it('is the status the API gives, with its problems', async () => {
    vi.stubGlobal('location', new URL('https://dichvucong.example.gov.vn/apply/x/'));
    const verdict = {
      uploadId: 'u-2',
      status: 'rejected',
      problems: [{ path: 'file', message: 'Nội dung tệp không đúng định dạng đã khai báo' }],
    };
    vi.stubGlobal('fetch', async (url: URL | string) =>
      String(url).endsWith('/config.json')
        ? new Response(JSON.stringify({ apiBaseUrl: '/api', environment: 'test' }))
        : answer(200, verdict)(),
    );
    expect(await uploadVerdict('u-2')).toEqual(verdict);
  });

  it('is asked for again while pending, until it settles', async () => {
    vi.stubGlobal('location', new URL('https://dichvucong.example.gov.vn/apply/x/'));
    const answers = ['pending', 'pending', 'pending', 'verified'];
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: URL | string) => {
      if (String(url).endsWith('/config.json'))
        return new Response(JSON.stringify({ apiBaseUrl: '/api', environment: 'test' }));
      asked.push(String(url));
      return answer(200, { uploadId: 'u-3', status: answers[asked.length - 1] ?? 'verified' })();
    });
    expect((await settledVerdict('u-3', 10, 1))?.status).toBe('verified');
    expect(asked).toHaveLength(4);
    expect(asked.every((u) => u.endsWith('/api/uploads/u-3'))).toBe(true);
    // A bounded number of questions: still pending after them, it says so.
    asked.length = 0;
    answers.splice(0, answers.length, ...Array(10).fill('pending'));
    expect((await settledVerdict('u-3', 3, 1))?.status).toBe('pending');
    expect(asked).toHaveLength(3);
  });

  it('is first asked for after the pause, not at once, when the check cannot have ended yet', async () => {
    vi.useFakeTimers();
    try {
      vi.stubGlobal('location', new URL('https://dichvucong.example.gov.vn/apply/x/'));
      const asked: string[] = [];
      vi.stubGlobal('fetch', async (url: URL | string) => {
        if (String(url).endsWith('/config.json'))
          return new Response(JSON.stringify({ apiBaseUrl: '/api', environment: 'test' }));
        asked.push(String(url));
        return answer(200, { uploadId: 'u-4', status: 'verified' })();
      });
      const settled = settledVerdict('u-4', 10, 500);
      await vi.advanceTimersByTimeAsync(499);
      expect(asked).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect((await settled)?.status).toBe('verified');
      expect(asked).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('drafts on this device', () => {
  let store: Map<string, string>;

  beforeEach(() => {
    store = new Map();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
      key: (index: number) => [...store.keys()][index] ?? null,
      get length() {
        return store.size;
      },
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  const draft = (procedureId: string, files: LocalDraft['files'] = []): LocalDraft => ({
    procedureId,
    data: { child: { fullName: 'Trần Bảo Ngọc' } },
    files,
    step: 'mother',
    savedAt: '2026-11-28T10:00:00.000Z',
    dirty: true,
  });

  it('are kept per account and procedure, and read back as they were', () => {
    expect(saveLocalDraft('an', draft('dang-ky-khai-sinh'))).toBe(true);
    saveLocalDraft('an', draft('dang-ky-ket-hon'));
    saveLocalDraft('binh', draft('dang-ky-khai-sinh'));
    expect(loadLocalDraft('an', 'dang-ky-khai-sinh')).toEqual(draft('dang-ky-khai-sinh'));
    expect(loadLocalDraft('chi', 'dang-ky-khai-sinh')).toBeNull();
    expect(
      localDrafts('an')
        .map((d) => d.procedureId)
        .sort(),
    ).toEqual(['dang-ky-ket-hon', 'dang-ky-khai-sinh']);
  });

  it('all go at sign-out, whoever’s they are, and nothing else of the device does', () => {
    saveLocalDraft('an', draft('dang-ky-khai-sinh'));
    saveLocalDraft('binh', draft('dang-ky-ket-hon'));
    store.set('motcua.idempotency.submit:an:x', 'kept');
    forgetLocalDrafts();
    expect([...store.keys()]).toEqual(['motcua.idempotency.submit:an:x']);
  });

  it('go to the API as data, the uploads they name and the step', () => {
    const files = [{ documentType: 'scan', uploadId: 'u-1', fileName: 'a.pdf', size: 10 }];
    expect(draftRequest(draft('dang-ky-khai-sinh', files))).toEqual({
      data: { child: { fullName: 'Trần Bảo Ngọc' } },
      documents: [{ documentType: 'scan', uploadId: 'u-1' }],
      step: 'mother',
    });
  });

  it('learn from a refused draft which uploads the server could not keep', () => {
    const refused = new ApiError(
      400,
      {
        type: 'x',
        title: 'Dữ liệu không hợp lệ',
        status: 400,
        errors: [
          { path: 'documents[2].uploadId', message: 'Không tìm thấy tệp' },
          { path: 'data', message: 'Dữ liệu lồng nhau quá 20 cấp' },
          { path: 'documents[0].uploadId', message: 'Không tìm thấy tệp' },
        ],
      },
      null,
    );
    expect(unavailableUploads(refused)).toEqual([2, 0]);
    expect(unavailableUploads(new ApiError(0, null, null))).toEqual([]);
    expect(unavailableUploads(new Error('not an answer'))).toEqual([]);
  });
});

describe('texts with placeholders', () => {
  it('fill what they name and leave the rest', () => {
    expect(fill('Bước {n} trên {total}', { n: 2, total: 5 })).toBe('Bước 2 trên 5');
    expect(fill('{name}: {state}', { name: 'a.pdf' })).toBe('a.pdf: {state}');
  });
});
