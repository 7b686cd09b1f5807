// A tiny HTTP client for integration tests against a running local runtime.

/** A parsed JSON body: tests read the fields they expect of it (and fail if they are not there). */
// biome-ignore lint/suspicious/noExplicitAny: see above
export type Json = any;

export interface ApiResponse<Body = Json> {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON when the answer is JSON (also problem+json), else the text. */
  readonly body: Body;
}

export interface RequestOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** An object is sent as JSON; a string or bytes as they are. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export function api(baseUrl: string) {
  async function request<Body>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse<Body>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Uint8Array | undefined;
    if (typeof options.body === 'string' || options.body instanceof Uint8Array) {
      body = options.body;
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(new URL(path, baseUrl), { method, headers, body });
    const text = await response.text();
    const isJson = /^application\/([a-z.+-]+\+)?json/i.test(response.headers.get('content-type') ?? '');
    return {
      status: response.status,
      headers: response.headers,
      body: (isJson && text ? JSON.parse(text) : text) as Body,
    };
  }

  return {
    request,
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
