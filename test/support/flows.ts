// Steps that many integration tests share: sign in, upload a real file, submit an application, act on it.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { pdfBytes } from './files';
import { api } from './http';

export type Client = ReturnType<typeof api>;

export function client(): Client {
  return api(inject('baseUrl'));
}

const tokens = new WeakMap<Client, Map<string, Promise<string>>>();
/** One token per demo account per client (a runtime signs with its own key). */
export function signIn(c: Client, username: string): Promise<string> {
  let byUser = tokens.get(c);
  if (!byUser) {
    byUser = new Map();
    tokens.set(c, byUser);
  }
  let token = byUser.get(username);
  if (!token) {
    token = c.tokenFor(username);
    byUser.set(username, token);
  }
  return token;
}

export const COMMUNE = 'ubnd-xa-gia-sinh';
export const DISTRICT = 'ubnd-huyen-gia-vien';
export const BIRTH = 'dang-ky-khai-sinh';
export const HOUSEHOLD_BUSINESS = 'dang-ky-thanh-lap-ho-kinh-doanh';
export const MARRIAGE = 'dang-ky-ket-hon';

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

const examples = new Map<string, Promise<Record<string, unknown>>>();
/** The procedure's own example data, as its public page publishes it. */
export function exampleData(c: Client, procedureId: string): Promise<Record<string, unknown>> {
  let example = examples.get(procedureId);
  if (!example) {
    example = c.get(`/api/procedures/${procedureId}`).then((r) => structuredClone(r.body.form.examples[0]));
    examples.set(procedureId, example);
  }
  return example.then((e) => structuredClone(e));
}

/** A complete birth registration by `username`, with its required document. Returns the 201 body. */
export async function submitBirthRegistration(
  c: Client,
  username = 'citizen1',
  extra: { contact?: Record<string, string>; key?: string } = {},
) {
  const token = await signIn(c, username);
  const uploadId = await uploadFile(c, token, {
    procedureId: BIRTH,
    documentType: 'medical-birth-certificate',
  });
  const response = await c.post('/api/applications', {
    token,
    headers: { 'idempotency-key': extra.key ?? randomUUID() },
    body: {
      procedureId: BIRTH,
      data: await exampleData(c, BIRTH),
      documents: [{ documentType: 'medical-birth-certificate', uploadId }],
      ...(extra.contact ? { contact: extra.contact } : {}),
    },
  });
  if (response.status !== 201)
    throw new Error(`submission refused: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as {
    code: string;
    trackingPin: string;
    status: string;
    version: number;
    dueAt: string;
    submittedAt: string;
  };
}

export async function act(
  c: Client,
  username: string,
  code: string,
  body: { action: string; expectedVersion: number; note?: string; items?: unknown[]; result?: unknown },
) {
  const token = await signIn(c, username);
  return c.post(`/api/cases/${encodeURIComponent(code)}/actions`, { token, body });
}

/** Polls until `check` passes or the time is up; returns the last value. For eventually-consistent outcomes only. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}
