// Steps that many integration tests share: sign in, upload a real file, submit an application, act on it.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { VNPAY_SANDBOX_DEFAULTS } from '../../local/vnpay-sandbox';
import type { Account } from './accounts';
import { pdfBytes } from './files';
import { api } from './http';
import { uploadFile } from './uploads';
import { referenceSignedQuery } from './vnpay-reference';

export { uploadFile };

/** A demo account by its username, or an account made for the test (`newAccount`). */
export type Who = string | Account;

export type Client = ReturnType<typeof api>;

export function client(): Client {
  return api(inject('baseUrl'));
}

const tokens = new WeakMap<Client, Map<string, Promise<string>>>();
/** One token per demo account per client (a runtime signs with its own key); an Account has its own. */
export function signIn(c: Client, who: Who): Promise<string> {
  if (typeof who !== 'string') return Promise.resolve(who.token);
  const username = who;
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

/** What a 201 from POST /api/applications carries. */
export interface Submitted {
  readonly code: string;
  readonly trackingPin: string;
  readonly status: string;
  readonly version: number;
  readonly submittedAt: string;
  readonly dueAt: string;
}

export interface SubmitOptions {
  readonly contact?: Record<string, string>;
  readonly key?: string;
  readonly lang?: 'vi' | 'en';
}

/** Submits `procedureId` with the procedure's own example data and `documents`; throws unless the answer is 201. */
export async function submitExample(
  c: Client,
  who: Who,
  procedureId: string,
  documents: readonly { documentType: string; uploadId: string }[] = [],
  extra: SubmitOptions = {},
): Promise<Submitted> {
  const response = await c.post('/api/applications', {
    token: await signIn(c, who),
    headers: {
      'idempotency-key': extra.key ?? randomUUID(),
      ...(extra.lang ? { 'accept-language': extra.lang } : {}),
    },
    body: {
      procedureId,
      data: await exampleData(c, procedureId),
      documents,
      ...(extra.contact ? { contact: extra.contact } : {}),
    },
  });
  if (response.status !== 201)
    throw new Error(`submission refused: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A complete birth registration by `who`, with its required document. Returns the 201 body. */
export async function submitBirthRegistration(
  c: Client,
  who: Who = 'citizen1',
  extra: SubmitOptions = {},
): Promise<Submitted> {
  const uploadId = await uploadFile(c, await signIn(c, who), {
    procedureId: BIRTH,
    documentType: 'medical-birth-certificate',
  });
  return submitExample(c, who, BIRTH, [{ documentType: 'medical-birth-certificate', uploadId }], extra);
}

/** The applicant answers a birth registration's supplement request with a new birth certificate and the data. */
export async function answerBirthSupplement(c: Client, applicant: Who, code: string, label = 'rõ nét') {
  const token = await signIn(c, applicant);
  const uploadId = await uploadFile(c, token, {
    procedureId: BIRTH,
    documentType: 'medical-birth-certificate',
    bytes: pdfBytes(label),
  });
  return c.post(`/api/applications/${encodeURIComponent(code)}/supplement`, {
    token,
    body: {
      data: await exampleData(c, BIRTH),
      documents: [{ documentType: 'medical-birth-certificate', uploadId }],
    },
  });
}

export async function act(
  c: Client,
  who: Who,
  code: string,
  body: { action: string; expectedVersion: number; note?: string; items?: unknown[]; result?: unknown },
) {
  const token = await signIn(c, who);
  return c.post(`/api/cases/${encodeURIComponent(code)}/actions`, { token, body });
}

/** A level-4 household business registration (fee due, no document required): starts in awaiting_payment. */
export const submitHouseholdBusiness = (c: Client, who: Who) => submitExample(c, who, HOUSEHOLD_BUSINESS);

/**
 * Pays a household business's fee (its sample 100 000 VND) as the gateway would: a new attempt, then a paid IPN
 * signed by the test's own VNPay signer (not the module's). Answers the IPN's `RspCode`.
 */
export async function payThroughIpn(c: Client, payer: Account, code: string, transactionNo: string) {
  const { paymentId } = (await c.post(`/api/applications/${code}/payment`, { token: payer.token })).body;
  const paid = referenceSignedQuery(
    {
      vnp_Amount: '10000000',
      vnp_ResponseCode: '00',
      vnp_TmnCode: VNPAY_SANDBOX_DEFAULTS.tmnCode,
      vnp_TransactionNo: transactionNo,
      vnp_TransactionStatus: '00',
      vnp_TxnRef: paymentId,
    },
    VNPAY_SANDBOX_DEFAULTS.hashSecret,
  );
  return (await c.get(`/api/payments/vnpay/ipn?${paid}`)).body.RspCode as string;
}

/** Every page of a paged list, following `nextCursor` to the end. Returns the pages as they came. */
export async function allPages(c: Client, token: string, path: string) {
  const pages: { items: Record<string, unknown>[]; nextCursor?: string }[] = [];
  let cursor: string | undefined;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const answer = await c.get(cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path, {
      token,
    });
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    pages.push(answer.body);
    cursor = answer.body.nextCursor;
    if (pages.length > 1000) throw new Error(`${path}: more than 1000 pages`);
  } while (cursor);
  return pages;
}

/**
 * Polls until `check` passes or the time is up; returns the last value. For eventually-consistent outcomes only.
 * The deadline is generous on purpose: it is there to end a test that would wait forever, not to time anything
 * (a loaded 2-core machine running many test files at once takes tens of seconds to drain a stream).
 */
export const EVENTUALLY_MS = 90_000;
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = EVENTUALLY_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}
