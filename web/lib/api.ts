// The API client of every page: JSON in and out, the page's language, problem details as typed errors, retries
// that are safe on a weak network (reads, and writes that carry an Idempotency-Key), and a bearer token.
import type { Problem } from './api-types';
import { loadConfig } from './config';
import type { Lang } from './i18n';

/** An answer that is not 2xx, or no answer at all (`status` 0: offline, DNS, connection reset). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The problem details of a 4xx/5xx, when the body was one. */
    readonly problem: Problem | null,
    /** `Retry-After` of a 429 or 503, in seconds. */
    readonly retryAfterSeconds: number | null,
  ) {
    super(problem?.title ?? (status === 0 ? 'network error' : `HTTP ${status}`));
    this.name = 'ApiError';
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  /** Every field at fault, `path` into the request body (`data.child.fullName`). */
  get fieldErrors(): readonly { readonly path: string; readonly message: string }[] {
    return this.problem?.errors ?? [];
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest {
  readonly method?: Method;
  /** Query parameters; `undefined` values are left out. */
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as it is, with its own type (a PDF to verify), instead of `body`. */
  readonly file?: { readonly type: string; readonly data: Blob };
  /** Makes a write safe to repeat: the API answers a repeat with the first response (see idempotency.ts). */
  readonly idempotencyKey?: string;
  /** Language of messages and labels. @default the page's (`<html lang>`) */
  readonly lang?: Lang;
  readonly signal?: AbortSignal;
  /**
   * Further attempts after a network error, 502, 503 or 504, with a growing pause. @default 2 for GET and for
   * writes with an idempotency key, else 0 (a plain write that may have landed is never repeated blindly)
   */
  readonly retries?: number;
}

type TokenProvider = () => Promise<string | null> | string | null;
let tokenProvider: TokenProvider | null = null;
let onUnauthorized: (() => void) | null = null;

/**
 * Where signed-in pages get the bearer token from (`web/lib/auth`); `null` for anonymous requests.
 * `unauthorized` is told of every 401 (no token, or one the API no longer takes) before the ApiError is thrown.
 */
export function setTokenProvider(provider: TokenProvider | null, unauthorized?: () => void): void {
  tokenProvider = provider;
  onUnauthorized = unauthorized ?? null;
}

const RETRYABLE = new Set([0, 502, 503, 504]);
const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((done, fail) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      fail(signal.reason);
    });
  });

function documentLang(): Lang {
  return typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'vi';
}

async function readProblem(response: Response): Promise<Problem | null> {
  if (!/json/i.test(response.headers.get('content-type') ?? '')) return null;
  try {
    const body = (await response.json()) as Partial<Problem> | null;
    return body && typeof body.title === 'string' ? (body as Problem) : null;
  } catch {
    return null;
  }
}

/** One request to the API at `path` (e.g. `/procedures/x`, under the configured base). Throws ApiError. */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const method = request.method ?? 'GET';
  const config = await loadConfig();
  const url = new URL(`${config.apiBaseUrl.replace(/\/$/, '')}${path}`, location.href);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': request.lang ?? documentLang(),
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.file) headers['content-type'] = request.file.type;
  if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
  const token = tokenProvider ? await tokenProvider() : null;
  if (token) headers.authorization = `Bearer ${token}`;
  const body = request.file?.data ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  const retries = request.retries ?? (method === 'GET' || request.idempotencyKey ? 2 : 0);

  for (let attempt = 0; ; attempt++) {
    let response: Response | null = null;
    try {
      response = await fetch(url, { method, headers, body, signal: request.signal ?? null });
    } catch (error) {
      if (request.signal?.aborted) throw error;
    }
    const status = response?.status ?? 0;
    if (response?.ok) {
      if (status === 204) return undefined as T;
      return (await response.json()) as T;
    }
    if (attempt < retries && RETRYABLE.has(status)) {
      await pause(500 * 2 ** attempt, request.signal);
      continue;
    }
    if (status === 401) onUnauthorized?.();
    const retryAfter = Number(response?.headers.get('retry-after'));
    throw new ApiError(
      status,
      response ? await readProblem(response) : null,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
}
