// A stand-in for the stack's CloudFront in front of the local runtime, for bench/journey.ts: the site's files get
// the Cache-Control the stack gives their S3 objects (cdk/constructs/web.ts), an ETag (S3's answers 304 to a
// revalidation), and are compressed as CloudFront's CachingOptimized policy does; `/api/*` passes untouched
// (CachingDisabled: neither cached nor compressed). So the browser caches and the bytes on the wire are AWS's.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ASSETS_DIR } from '../web/build/paths';

/** As the stack's two BucketDeployments set them: content-hashed assets, then every other file of the site. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';
const PAGE_CACHE = 'public, max-age=300, s-maxage=31536000';

/** CloudFront compresses these types, between 1,000 bytes and 10 MB, for a viewer that accepts it. */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json|xml)|image\/svg\+xml)/;

function compress(body: Buffer, acceptEncoding: string): { body: Buffer; encoding?: string } {
  if (body.length < 1000 || body.length > 10 * 1024 * 1024) return { body };
  const accepted = acceptEncoding.split(',').map((part) => part.trim().split(';')[0]);
  if (accepted.includes('br')) {
    const params = { [constants.BROTLI_PARAM_QUALITY]: 5 };
    return { body: brotliCompressSync(body, { params }), encoding: 'br' };
  }
  if (accepted.includes('gzip')) return { body: gzipSync(body, { level: 6 }), encoding: 'gzip' };
  return { body };
}

const readAll = async (stream: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** Starts the stand-in on a free loopback port, in front of `origin` (the local runtime's address). */
export async function startCloudFrontStandIn(
  origin: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const target = new URL(origin);
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const upstream = request(
      {
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path,
        headers: { ...req.headers, host: target.host },
      },
      async (answer) => {
        const isSiteFile = !path.startsWith('/api/') && req.method === 'GET' && answer.statusCode === 200;
        if (!isSiteFile) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const body = await readAll(answer);
        const etag = `"${createHash('md5').update(body).digest('hex')}"`;
        const headers: Record<string, string | string[] | number | undefined> = {
          ...answer.headers,
          'cache-control': path.startsWith(`/${ASSETS_DIR}/`) ? ASSET_CACHE : PAGE_CACHE,
          etag,
        };
        if (req.headers['if-none-match'] === etag) {
          delete headers['content-length'];
          res.writeHead(304, headers);
          res.end();
          return;
        }
        const type = String(answer.headers['content-type'] ?? '');
        const sent = COMPRESSIBLE.test(type)
          ? compress(body, String(req.headers['accept-encoding'] ?? ''))
          : { body };
        if (sent.encoding) {
          headers['content-encoding'] = sent.encoding;
          headers.vary = 'Accept-Encoding';
        }
        headers['content-length'] = sent.body.length;
        res.writeHead(200, headers);
        res.end(sent.body);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
