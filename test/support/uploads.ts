// Uploading a real file as a browser would: a presigned POST from the API, the file to storage, then its verdict.
import { randomUUID } from 'node:crypto';
import { pdfBytes } from './files';
import type { api } from './http';

type Client = ReturnType<typeof api>;

/** Only ends a wait that would never end (a loaded 2-core machine may take long); times nothing. */
const VERDICT_TIMEOUT_MS = 90_000;

export interface UploadSpec {
  readonly procedureId: string;
  readonly documentType: string;
  readonly bytes?: Uint8Array;
  readonly contentType?: string;
  readonly fileName?: string;
  /** Declared size, when a test lies about it. */
  readonly size?: number;
}

/** A presigned POST as `POST /api/uploads` answers it. */
export interface PresignedUpload {
  readonly uploadId: string;
  readonly url: string;
  readonly fields: Record<string, string>;
}

/** Asks for a presigned POST; throws unless the answer is 201. */
export async function presignUpload(
  c: Client,
  token: string,
  spec: UploadSpec,
): Promise<PresignedUpload & { readonly bytes: Uint8Array }> {
  const bytes = spec.bytes ?? pdfBytes(randomUUID());
  const created = await c.post('/api/uploads', {
    token,
    body: {
      procedureId: spec.procedureId,
      documentType: spec.documentType,
      fileName: spec.fileName ?? 'giấy chứng sinh.pdf',
      contentType: spec.contentType ?? 'application/pdf',
      size: spec.size ?? bytes.length,
    },
  });
  if (created.status !== 201)
    throw new Error(`upload refused: ${created.status} ${JSON.stringify(created.body)}`);
  return { ...(created.body as PresignedUpload), bytes };
}

/**
 * Posts `bytes` to storage with the presigned form, as a browser would (the same form may be posted again
 * until it expires, on AWS too). Storage here (s3rver) enforces none of the policy's conditions.
 */
export async function postToStorage(
  form: PresignedUpload,
  bytes: Uint8Array,
  contentType = 'application/pdf',
): Promise<void> {
  const body = new FormData();
  for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
  body.append('file', new Blob([bytes], { type: contentType }), 'file');
  const stored = await fetch(form.url, { method: 'POST', body });
  if (stored.status >= 300)
    throw new Error(`storage refused the upload: ${stored.status} ${await stored.text()}`);
}

/** `GET /api/uploads/{uploadId}` until the upload is no longer `pending`; returns the last answer's body. */
export async function uploadVerdict(c: Client, token: string, uploadId: string) {
  const deadline = Date.now() + VERDICT_TIMEOUT_MS;
  for (;;) {
    const answer = await c.get(`/api/uploads/${uploadId}`, { token });
    if (answer.status !== 200)
      throw new Error(`upload status: ${answer.status} ${JSON.stringify(answer.body)}`);
    if (answer.body.status !== 'pending' || Date.now() > deadline) return answer.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Asks for a presigned POST, posts the file to storage and waits for its verdict, as the documents page does
 * before the applicant goes on. With `post = false` nothing is posted (an upload that never arrives).
 */
export async function uploadFile(c: Client, token: string, spec: UploadSpec, post = true): Promise<string> {
  const form = await presignUpload(c, token, spec);
  if (post) {
    await postToStorage(form, form.bytes, spec.contentType ?? 'application/pdf');
    await uploadVerdict(c, token, form.uploadId);
  }
  return form.uploadId;
}
