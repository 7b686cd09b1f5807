// A tiny HTTP client for integration tests against a running local runtime.
import { randomInt } from 'node:crypto';
import { Agent, request as undiciRequest } from 'undici';

/** A parsed JSON body: tests read the fields they expect of it (and fail if they are not there). */
// biome-ignore lint/suspicious/noExplicitAny: see above
export type Json = any;

export interface ApiResponse<Body = Json> {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON when the answer is JSON (also problem+json), else the text. */
  readonly body: Body;
  /** The body as it came, for files (a PDF). */
  readonly bytes: Buffer;
}

export interface RequestOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** An object is sent as JSON; a string or bytes as they are. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface ClientOptions {
  /**
   * The loopback address requests come from. Per-client limits (failed tracking attempts) count by the
   * caller's address, so each client gets its own by default, on Linux where all of 127.0.0.0/8 is local:
   * one test file's failures then never spend another's budget.
   */
  readonly sourceAddress?: string;
}

const isLoopback = (host: string) => host === '127.0.0.1' || host === 'localhost';

/** A random address of 127.0.0.0/8 other than 127.0.0.1 (which browsers and curl use). */
function ownLoopbackAddress(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

export function api(baseUrl: string, clientOptions: ClientOptions = {}) {
  const base = new URL(baseUrl);
  const sourceAddress =
    clientOptions.sourceAddress ?? (isLoopback(base.hostname) ? ownLoopbackAddress() : undefined);
  // undici (the engine of Node's fetch) rather than node:http: it reads an answer that comes before the whole
  // body was sent (413), where node:http reports EPIPE.
  const dispatcher = new Agent(sourceAddress ? { localAddress: sourceAddress } : {});

  async function request<Body>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse<Body>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: Buffer | undefined;
    if (typeof options.body === 'string') body = Buffer.from(options.body, 'utf8');
    else if (options.body instanceof Uint8Array) body = Buffer.from(options.body);
    else if (options.body !== undefined) {
      body = Buffer.from(JSON.stringify(options.body), 'utf8');
      headers['content-type'] ??= 'application/json';
    }
    const answer = await undiciRequest(new URL(path, base), {
      method,
      headers,
      body,
      dispatcher,
    });
    const received = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      for (const one of [value ?? []].flat()) received.append(name, one);
    }
    const bytes = Buffer.from(await answer.body.arrayBuffer());
    const text = bytes.toString('utf8');
    const isJson = /^application\/([a-z.+-]+\+)?json/i.test(received.get('content-type') ?? '');
    return {
      status: answer.statusCode,
      headers: received,
      body: (isJson && text ? JSON.parse(text) : text) as Body,
      bytes,
    };
  }

  return {
    request,
    /** The address this client's requests come from (undefined: the system's choice). */
    sourceAddress,
    get: <Body = Json>(path: string, options?: RequestOptions) => request<Body>('GET', path, options),
    post: <Body = Json>(path: string, options?: RequestOptions) => request<Body>('POST', path, options),
    /** A demo account's access token, from POST /api/local/token. */
    async tokenFor(username: string): Promise<string> {
      const answer = await request<{ accessToken: string }>('POST', '/api/local/token', {
        body: { username },
      });
      if (answer.status !== 200)
        throw new Error(`no token for ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body.accessToken;
    },
  };
}

/** `tokenFor(baseUrl, username)`, without building a client first. */
export const tokenFor = (baseUrl: string, username: string) => api(baseUrl).tokenFor(username);
