// The browser side of uploads: a file's real type from its first bytes, photos shrunk to about 2,000 px as JPEG with
// their EXIF orientation applied, the presigned POST with progress, and the upload's verdict once storage checked it.
import { ApiError, apiFetch } from './api';
import type { DocumentRule, UploadResponse } from './api-types';

export type { DocumentRule };

/** The longest side of a photo once shrunk: legible for an A4 page, a few hundred kB as JPEG. */
export const PHOTO_LONG_SIDE = 2000;
const PHOTO_QUALITY = 0.85;
/** A photo under this weight and size is sent as it is: shrinking it would only lose quality. */
const SMALL_PHOTO_BYTES = 1.5 * 1024 * 1024;

/** The type a file really is, by its first bytes (the server checks the same way): PDF, JPEG, PNG, HEIC. */
export function sniffType(head: Uint8Array): string | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  const box = String.fromCharCode(...head.subarray(4, 12));
  if (/^ftyp(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(box)) return 'image/heic';
  return undefined;
}

async function headOf(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, 16).arrayBuffer());
}

/**
 * A photo redrawn with its long side at most `maxSide`, as JPEG. `imageOrientation: 'from-image'` applies the EXIF
 * orientation, so a phone's portrait photo stays upright. Null when this browser cannot decode the file.
 */
export async function shrinkPhoto(file: Blob, maxSide = PHOTO_LONG_SIDE): Promise<Blob | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext('2d');
  if (!context) return null;
  // JPEG has no transparency: a transparent screenshot would turn black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob), 'image/jpeg', PHOTO_QUALITY));
}

/** A file ready to send, or why it cannot be sent (said before anything goes over the network). */
export type PreparedFile =
  | { readonly ok: true; readonly blob: Blob; readonly fileName: string; readonly contentType: string }
  | { readonly ok: false; readonly problem: 'type' | 'size' | 'empty' };

/**
 * Checks a picked file against the document's rule by its real type and size, shrinking photos on the way: a
 * JPEG or PNG photo larger than 2,000 px or 1.5 MB becomes a JPEG of 2,000 px (when JPEG is accepted).
 */
export async function prepareFile(file: File, rule: DocumentRule): Promise<PreparedFile> {
  if (file.size === 0) return { ok: false, problem: 'empty' };
  const real = sniffType(await headOf(file));
  const convertible = real === 'image/png' && rule.accept.includes('image/jpeg');
  if (!real || (!rule.accept.includes(real) && !convertible)) {
    return { ok: false, problem: 'type' };
  }
  let blob: Blob = file;
  let contentType = real;
  let fileName = file.name || 'tep';
  const isPhoto = real === 'image/jpeg' || real === 'image/png';
  if (
    isPhoto &&
    rule.accept.includes('image/jpeg') &&
    (file.size > SMALL_PHOTO_BYTES || !rule.accept.includes(real))
  ) {
    const shrunk = await shrinkPhoto(file);
    if (shrunk && shrunk.size < file.size) {
      blob = shrunk;
      contentType = 'image/jpeg';
      fileName = `${fileName.replace(/\.[^.]*$/, '')}.jpg`;
    } else if (!rule.accept.includes(real)) return { ok: false, problem: 'type' };
  }
  if (blob.size > rule.maxBytes) return { ok: false, problem: 'size' };
  return { ok: true, blob, fileName, contentType };
}

/** The storage did not take the file: no answer (`status` 0: the network dropped) or an error status. */
export class StorageUploadError extends Error {
  constructor(readonly status: number) {
    super(status === 0 ? 'network error' : `storage answered ${status}`);
    this.name = 'StorageUploadError';
  }
}

/** Posts `blob` to a presigned POST, telling `onProgress` the share sent (0 to 1). */
function postToStorage(
  target: UploadResponse,
  blob: Blob,
  fileName: string,
  onProgress: (share: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
    form.append('file', blob, fileName);
    const request = new XMLHttpRequest();
    request.open('POST', target.url);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () =>
      request.status >= 200 && request.status < 300
        ? resolve()
        : reject(new StorageUploadError(request.status)),
    );
    for (const failure of ['error', 'timeout', 'abort'] as const) {
      request.addEventListener(failure, () => reject(new StorageUploadError(0)));
    }
    signal?.addEventListener('abort', () => request.abort());
    request.send(form);
  });
}

export interface UploadCommand {
  readonly procedureId: string;
  readonly documentType: string;
  readonly file: Extract<PreparedFile, { ok: true }>;
  readonly onProgress: (share: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * Uploads one file: a presigned POST from the API (which refuses a type or size the procedure does not take: an
 * ApiError with the problem), then the file to storage. Returns the upload's id. A retry starts over with a fresh
 * presigned POST, so an expired one never blocks it.
 */
export async function uploadDocument(command: UploadCommand): Promise<string> {
  const { file } = command;
  const target = await apiFetch<UploadResponse>('/uploads', {
    method: 'POST',
    body: {
      procedureId: command.procedureId,
      documentType: command.documentType,
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.blob.size,
    },
    retries: 2,
    ...(command.signal ? { signal: command.signal } : {}),
  });
  await postToStorage(target, file.blob, file.fileName, command.onProgress, command.signal);
  return target.uploadId;
}

// ---- The upload's verdict: GET /api/uploads/{uploadId} (CONTRACT.md v2, "Upload status") ----

/** What storage's check said of an upload, when the platform can tell. */
export interface UploadVerdict {
  readonly status: 'pending' | 'verified' | 'rejected';
  readonly fileName?: string;
  readonly size?: number;
  readonly problems?: readonly { readonly path: string; readonly message: string }[];
}

/**
 * The upload's verdict, or null when none is available: the route is not deployed (the gateway's
 * `{ message: "Not Found" }`), the upload is unknown, or the network failed. Pages then say "uploaded" and leave
 * the verdict to the submission, which checks every file again.
 */
export async function uploadVerdict(uploadId: string, signal?: AbortSignal): Promise<UploadVerdict | null> {
  try {
    return await apiFetch<UploadVerdict>(`/uploads/${encodeURIComponent(uploadId)}`, {
      retries: 0,
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (error instanceof ApiError) return null;
    throw error;
  }
}

/**
 * Asks for the verdict until it is no longer `pending`: after a pause (the check takes about a second once the file
 * has landed, so a question at once would nearly always hear `pending`: a request for nothing), then often, then less
 * and less often, `attempts` times in all (about three minutes by default); the last answer (null: no verdict
 * available). A slow check never blocks the page: the file shows "being checked" meanwhile.
 */
export async function settledVerdict(
  uploadId: string,
  attempts = 40,
  firstPauseMs = 500,
  signal?: AbortSignal,
): Promise<UploadVerdict | null> {
  for (let attempt = 1; ; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(firstPauseMs * 1.3 ** (attempt - 1), 5000)));
    const verdict = await uploadVerdict(uploadId, signal);
    if (verdict?.status !== 'pending' || attempt >= attempts || signal?.aborted) return verdict;
  }
}
