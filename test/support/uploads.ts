// Uploading a real file as a browser would: a presigned POST from the API, then the file to storage.
import { randomUUID } from 'node:crypto';
import { pdfBytes } from './files';
import type { api } from './http';

type Client = ReturnType<typeof api>;

export interface UploadSpec {
  readonly procedureId: string;
  readonly documentType: string;
  readonly bytes?: Uint8Array;
  readonly contentType?: string;
  readonly fileName?: string;
  /** Declared size, when a test lies about it. */
  readonly size?: number;
}

/** Asks for a presigned POST and posts the file to storage, as a browser would. */
export async function uploadFile(c: Client, token: string, spec: UploadSpec, post = true): Promise<string> {
  const bytes = spec.bytes ?? pdfBytes(randomUUID());
  const contentType = spec.contentType ?? 'application/pdf';
  const created = await c.post('/api/uploads', {
    token,
    body: {
      procedureId: spec.procedureId,
      documentType: spec.documentType,
      fileName: spec.fileName ?? 'giấy chứng sinh.pdf',
      contentType,
      size: spec.size ?? bytes.length,
    },
  });
  if (created.status !== 201)
    throw new Error(`upload refused: ${created.status} ${JSON.stringify(created.body)}`);
  if (post) {
    const form = new FormData();
    for (const [name, value] of Object.entries(created.body.fields as Record<string, string>))
      form.append(name, value);
    form.append('file', new Blob([bytes], { type: contentType }), spec.fileName ?? 'file.pdf');
    const stored = await fetch(created.body.url, { method: 'POST', body: form });
    if (stored.status >= 300)
      throw new Error(`storage refused the upload: ${stored.status} ${await stored.text()}`);
  }
  return created.body.uploadId as string;
}
