// Steps that many integration tests share: sign in, upload a real file, submit an application, act on it.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { api } from './http';
import { uploadFile } from './uploads';

export { uploadFile };

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
