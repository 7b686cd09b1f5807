// The local API Gateway (HTTP API, payload format 2.0): routes of functions/routes.ts to their handlers, and the
// built site (dist/web) with its config.json, as CloudFront serves them.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { RouteDeclaration } from '../functions/routes';
import { ASSETS_DIR, WEB_OUT_DIR } from '../web/build/paths';
import { securityHeaders } from '../web/build/security-headers';
import { CONFIG_PATH, LOCAL_SITE_CONFIG, type SiteConfig } from '../web/lib/config';
import { HandlerMissingError, LambdaTimeoutError, lambdaContext, loadHandler, withTimeout } from './lambda';
import { verifyAuthorization } from './tokens';

/**
 * The same headers as CloudFront's (web/build/security-headers.ts), so a page that breaks the policy breaks here
 * first; uploads go to s3rver on another loopback port, and plain http cannot upgrade.
 */
const PAGE_HEADERS = securityHeaders({
  uploadOrigins: ['http://127.0.0.1:*'],
  upgradeInsecureRequests: false,
});

/** API Gateway's payload limit; the handlers enforce the contract's own 1 MB. */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
/** An HTTP API gives up on its integration after 30 s. */
export const INTEGRATION_TIMEOUT_MS = 30_000;

export interface HttpServerOptions {
  /** Root of the repository: route entries are relative to it. */
  readonly repoRoot: string;
  /** Static files served for paths outside /api: the built site. @default dist/web (`npm run build:web`) */
  readonly webRoot?: string;
  /** What `/config.json` answers, as the stack's deployment writes it. @default the local runtime's */
  readonly siteConfig?: SiteConfig;
  readonly routes: readonly RouteDeclaration[];
  /** @default 3000; 0 picks a free port */
  readonly port?: number;
  /** @default 127.0.0.1 */
  readonly host?: string;
  /** Requests wait for this (start-up still running); if it rejects they get 503. */
  readonly ready?: Promise<void>;
  /** One line per request. @default console.log */
  readonly log?: (line: string) => void;
}

/** A part of the site served by its own handler (the VNPay sandbox gateway), under a path prefix. */
export interface MountedHandler {
  readonly pathPrefix: string;
  handle(req: IncomingMessage, res: ServerResponse, rawPath: string, rawQuery: string): Promise<void>;
}

export interface RunningHttpServer {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Serves `handler.pathPrefix` and below with `handler` (made once the server's URL is known). */
  mount(handler: MountedHandler): void;
  stop(): Promise<void>;
}

interface CompiledRoute {
  readonly route: RouteDeclaration;
  readonly routeKey: string;
  readonly pattern: RegExp;
  readonly paramNames: readonly string[];
  /** Static segments rank before `{param}`, which ranks before `{proxy+}` (API Gateway's precedence). */
  readonly rank: string;
}

function compileRoute(route: RouteDeclaration): CompiledRoute {
  const paramNames: string[] = [];
  let rank = '';
  const source = route.path
    .split('/')
    .map((segment) => {
      const param = /^\{([^}+]+)(\+)?\}$/.exec(segment);
      if (!param) {
        rank += '0';
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }
      paramNames.push(param[1]!);
      rank += param[2] ? '2' : '1';
      return param[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return {
    route,
    routeKey: `${route.method} ${route.path}`,
    pattern: new RegExp(`^${source}$`),
    paramNames,
    rank,
  };
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
};

/** API Gateway's own answers, body for body. */
const gatewayMessage = (res: ServerResponse, status: number, message: string, requestId: string) =>
  json(res, status, { message }, { 'apigw-requestid': requestId });

function isTextContent(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type.endsWith('+json') ||
    type === 'application/x-www-form-urlencoded' ||
    type === 'application/xml' ||
    type.endsWith('+xml') ||
    type === 'application/javascript'
  );
}

/** Reads the body, or returns 'too-large' as soon as it passes the limit (the rest is discarded, not kept). */
function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_PAYLOAD_BYTES) return Promise.resolve('too-large');
  // Events rather than `for await`: leaving that loop early destroys the socket, and the client would
  // see a reset instead of the 413.
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PAYLOAD_BYTES) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      req.off('data', onData);
      req.off('end', onEnd);
      req.resume();
      done('too-large');
    };
    const onEnd = () => done(Buffer.concat(chunks));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', fail);
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `12/Mar/2020:19:03:58 +0000`, the format of `requestContext.time`. */
function gatewayTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`
  );
}

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** Request headers as payload 2.0 has them: lower-case names, repeated headers joined with commas, no cookie. */
function eventHeaders(req: IncomingMessage, sourceIp: string, port: number): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    const value = req.rawHeaders[i + 1]!;
    if (name === 'cookie') continue;
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  headers['x-forwarded-for'] = headers['x-forwarded-for']
    ? `${headers['x-forwarded-for']}, ${sourceIp}`
    : sourceIp;
  headers['x-forwarded-port'] = String(port);
  headers['x-forwarded-proto'] = 'http';
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  headers['x-amzn-trace-id'] = `Root=1-${epoch}-${randomBytes(12).toString('hex')}`;
  return headers;
}

function eventCookies(req: IncomingMessage): string[] | undefined {
  const cookies: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() !== 'cookie') continue;
    for (const cookie of req.rawHeaders[i + 1]!.split(';')) if (cookie.trim()) cookies.push(cookie.trim());
  }
  return cookies.length > 0 ? cookies : undefined;
}

function eventQuery(rawQueryString: string): Record<string, string> | undefined {
  if (!rawQueryString) return undefined;
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    query[name] = name in query ? `${query[name]},${value}` : value;
  }
  return query;
}

/** What the integration answered, as API Gateway reads a payload 2.0 response. */
function toStructuredResult(result: unknown): APIGatewayProxyStructuredResultV2 {
  if (result !== null && typeof result === 'object' && 'statusCode' in result) {
    return result as APIGatewayProxyStructuredResultV2;
  }
  // Without a statusCode, API Gateway assumes 200 and a JSON body.
  if (result === undefined) throw new Error('the handler returned nothing');
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: typeof result === 'string' ? result : JSON.stringify(result),
  };
}

function writeResult(res: ServerResponse, result: APIGatewayProxyStructuredResultV2, requestId: string) {
  const body = result.body
    ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8')
    : Buffer.alloc(0);
  for (const [name, value] of Object.entries(result.headers ?? {})) {
    if (name.toLowerCase() === 'content-length') continue;
    res.setHeader(name, String(value));
  }
  if (result.cookies?.length) res.setHeader('set-cookie', result.cookies);
  res.setHeader('apigw-requestid', requestId);
  res.setHeader('content-length', body.length);
  res.statusCode = result.statusCode ?? 200;
  res.end(body);
}

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** Answers a file of the built site with the pages' security headers. */
async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  status: number,
  cache: string,
) {
  const { size } = await stat(file);
  res.writeHead(status, {
    'content-type': STATIC_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': cache,
    ...PAGE_HEADERS,
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * Serves a file of the built site (never anything outside it, nor dotfiles); a directory serves its index.html,
 * as the stack's CloudFront function does; `/config.json` is the site's configuration. Content-hashed assets may
 * be kept for ever; everything else is checked again at every use.
 */
async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  webRoot: string,
  rawPath: string,
  siteConfig: SiteConfig,
) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 404, { message: 'Not Found' });
  if (rawPath === CONFIG_PATH) {
    return json(res, 200, siteConfig, { 'cache-control': 'no-cache', ...PAGE_HEADERS });
  }
  let root: string;
  try {
    root = await realpath(webRoot);
  } catch {
    return json(res, 404, { message: 'Not Found: the web is not built (npm run build:web)' });
  }
  const notFound = async () => {
    const page = join(root, '404.html');
    if (
      await stat(page).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      return sendFile(req, res, page, 404, 'no-cache');
    return json(res, 404, { message: 'Not Found' });
  };
  const path = decode(rawPath);
  if (path.includes('\0') || path.split('/').some((segment) => segment.startsWith('.'))) return notFound();
  let file = join(root, path);
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    file = await realpath(file);
    if (!file.startsWith(root + sep) || !(await stat(file)).isFile()) return notFound();
  } catch {
    return notFound();
  }
  const immutable = file.startsWith(join(root, ASSETS_DIR) + sep);
  return sendFile(req, res, file, 200, immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/** Starts the server on 127.0.0.1 (only this machine can reach it). */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line: string) => console.log(line));
  const webRoot = options.webRoot ?? WEB_OUT_DIR;
  const siteConfig = options.siteConfig ?? LOCAL_SITE_CONFIG;
  const compiled = options.routes.map(compileRoute).sort((a, b) => a.rank.localeCompare(b.rank));
  const mounted: MountedHandler[] = [];
  let port = options.port ?? 3000;

  const findRoute = (method: string, rawPath: string) => {
    for (const candidate of compiled) {
      if (candidate.route.method !== method) continue;
      const match = candidate.pattern.exec(rawPath);
      if (!match) continue;
      const pathParameters: Record<string, string> = {};
      candidate.paramNames.forEach((name, i) => {
        pathParameters[name] = decode(match[i + 1]!);
      });
      return { candidate, pathParameters };
    }
    return undefined;
  };

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    rawPath: string,
    rawQueryString: string,
  ) {
    const requestId = `${randomBytes(10).toString('base64').replace(/=+$/, '')}=`;
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    if (body === 'too-large') {
      // Node discards the rest of the body once we have answered; nothing more is kept.
      return gatewayMessage(res, 413, 'Request Entity Too Large', requestId);
    }
    const found = findRoute(method, rawPath);
    if (!found) return gatewayMessage(res, 404, 'Not Found', requestId);
    const { candidate, pathParameters } = found;

    let claims: Awaited<ReturnType<typeof verifyAuthorization>> = null;
    if (candidate.route.auth === 'jwt') {
      claims = await verifyAuthorization(req.headers.authorization);
      if (!claims) return gatewayMessage(res, 401, 'Unauthorized', requestId);
    }

    const sourceIp = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    const headers = eventHeaders(req, sourceIp, port);
    const now = new Date();
    const hasBody = body.length > 0;
    const base64 = hasBody && !isTextContent(headers['content-type']);
    const domainName = headers.host ?? `${host}:${port}`;
    const event: APIGatewayProxyEventV2WithJWTAuthorizer = {
      version: '2.0',
      routeKey: candidate.routeKey,
      rawPath,
      rawQueryString,
      cookies: eventCookies(req),
      headers,
      queryStringParameters: eventQuery(rawQueryString),
      requestContext: {
        accountId: 'local',
        apiId: 'local',
        domainName,
        domainPrefix: domainName.split('.')[0]!,
        http: {
          method,
          path: rawPath,
          protocol: `HTTP/${req.httpVersion}`,
          sourceIp,
          userAgent: headers['user-agent'] ?? '',
        },
        requestId,
        routeKey: candidate.routeKey,
        stage: '$default',
        time: gatewayTime(now),
        timeEpoch: now.getTime(),
        // Public routes have no authorizer at all, as on AWS.
        ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
      } as APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'],
      pathParameters: candidate.paramNames.length > 0 ? pathParameters : undefined,
      body: hasBody ? body.toString(base64 ? 'base64' : 'utf8') : undefined,
      isBase64Encoded: base64,
    };
    for (const key of ['cookies', 'queryStringParameters', 'pathParameters', 'body'] as const) {
      if (event[key] === undefined) delete event[key];
    }

    const started = Date.now();
    let status: number;
    try {
      const handler = await loadHandler(options.repoRoot, candidate.route.entry, candidate.route.exportName);
      const context = lambdaContext(candidate.route.group, INTEGRATION_TIMEOUT_MS);
      const result = toStructuredResult(
        await withTimeout(handler(event, context), INTEGRATION_TIMEOUT_MS, candidate.routeKey),
      );
      writeResult(res, result, requestId);
      status = res.statusCode;
    } catch (error) {
      if (error instanceof HandlerMissingError) {
        status = 501;
        gatewayMessage(res, status, error.message, requestId);
      } else if (error instanceof LambdaTimeoutError) {
        console.error(`[http] ${candidate.routeKey}: ${error.message}`);
        status = 503;
        gatewayMessage(res, status, 'Service Unavailable', requestId);
      } else {
        console.error(`[http] ${candidate.routeKey} (request ${requestId}) threw:`, error);
        status = 500;
        gatewayMessage(res, status, 'Internal Server Error', requestId);
      }
    }
    log(`[http] ${method} ${rawPath} ${status} ${Date.now() - started} ms`);
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = req.url ?? '/';
      const queryAt = url.indexOf('?');
      const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
      const rawQueryString = queryAt === -1 ? '' : url.slice(queryAt + 1).split('#')[0]!;
      try {
        await options.ready;
      } catch {
        req.resume();
        return json(res, 503, { message: 'Service Unavailable' });
      }
      const mount = mounted.find((m) => rawPath === m.pathPrefix || rawPath.startsWith(`${m.pathPrefix}/`));
      if (rawPath === '/api' || rawPath.startsWith('/api/')) {
        await handleApi(req, res, rawPath, rawQueryString);
      } else if (mount) {
        await mount.handle(req, res, rawPath, rawQueryString);
        log(`[http] ${req.method} ${rawPath} ${res.statusCode}`);
      } else {
        req.resume();
        await serveStatic(req, res, webRoot, rawPath, siteConfig);
      }
    })().catch((error) => {
      console.error('[http] request failed:', error);
      if (!res.headersSent) json(res, 500, { message: 'Internal Server Error' });
      else res.destroy();
    });
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    server,
    mount: (handler) => {
      mounted.push(handler);
    },
    stop: async () => {
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
}
