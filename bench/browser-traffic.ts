// Sorts the requests a browser made in one journey into what each is billed as: a page or a static file served
// through CloudFront, an API call (CloudFront, then API Gateway) under its route, a post or get straight to S3; and
// what the browser took from its own cache (billed as nothing). For bench/journey.ts and bench/cost.ts.
import type { ClientTraffic } from './counted-runtime';

export type RequestKind = 'page' | 'asset' | 'api' | 'storage';

/** One request as the DevTools protocol reported it. */
export interface BrowserRequest {
  readonly method: string;
  readonly url: string;
  /** The DevTools protocol's resource type: Document, Script, Stylesheet, Fetch, Font, Image, Preflight… */
  readonly resourceType: string;
  /** 0 when the request failed or never had an answer. */
  readonly status: number;
  /** Taken from the browser's memory or disk cache: no request left the browser. */
  readonly fromCache: boolean;
  /** Bytes received over the network for it, headers included, as sent (compressed when it was). */
  readonly encodedBytes: number;
}

/** What one or more journeys sent, by kind, and what the browser's cache spared. */
export interface BrowserTraffic {
  /** Requests that left the browser, by kind. */
  requests: Record<RequestKind, number>;
  /** Bytes received for them, by kind. */
  bytes: Record<RequestKind, number>;
  /** Requests answered from the browser's cache, by kind. */
  cached: Record<RequestKind, number>;
  /** API requests by route (`PUT /api/drafts/{procedureId}`). */
  apiRoutes: Record<string, number>;
  /** Storage requests by method (`POST`, `GET`, `OPTIONS`), and the bytes they answered. */
  storage: Record<string, number>;
  storageBytes: Record<string, number>;
  /** Pages and the site's files that left the browser, by path (a file twice in a journey was not cached). */
  pages: Record<string, number>;
  assets: Record<string, number>;
  /**
   * Calls of routes the stack does not deploy (group `local`: the demo sign-in, which Cognito's hosted pages do on
   * AWS), by route: counted apart, in no kind above.
   */
  localOnly: Record<string, number>;
}

const byKind = (): Record<RequestKind, number> => ({ page: 0, asset: 0, api: 0, storage: 0 });

export const emptyBrowserTraffic = (): BrowserTraffic => ({
  requests: byKind(),
  bytes: byKind(),
  cached: byKind(),
  apiRoutes: {},
  storage: {},
  storageBytes: {},
  pages: {},
  assets: {},
  localOnly: {},
});

/** A route as the stack declares it: `{name}` stands for one path segment. */
export interface RouteShape {
  readonly method: string;
  readonly path: string;
  /** The function it is deployed in; `local` for the local runtime's own routes. */
  readonly group: string;
}

/**
 * The declared route a request reaches (`GET /api/uploads/{uploadId}`), as API Gateway would match it: literal
 * segments win over `{name}` ones. A path no route declares keeps its own path (it would answer 404).
 */
export function routeOf(
  routes: readonly RouteShape[],
  method: string,
  pathname: string,
): { route: string; deployed: boolean } {
  const segments = pathname.split('/');
  let best: { route: RouteShape; params: number } | undefined;
  for (const route of routes) {
    if (route.method !== method) continue;
    const declared = route.path.split('/');
    if (declared.length !== segments.length) continue;
    const matches = declared.every((part, i) => /^\{[^}]+\}$/.test(part) || part === segments[i]);
    if (!matches) continue;
    const params = declared.filter((part) => part.startsWith('{')).length;
    if (!best || params < best.params) best = { route, params };
  }
  return {
    route: `${method} ${best ? best.route.path : pathname}`,
    deployed: best ? best.route.group !== 'local' : true,
  };
}

export interface Origins {
  /** Where the pages and the API are served (CloudFront on AWS). */
  readonly site: string;
  /** The documents bucket's address (S3 on AWS). */
  readonly storage: string;
}

/** What a request is billed as; null for anything else (another site, a `data:` address). */
export function kindOf(request: BrowserRequest, origins: Origins): RequestKind | null {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return null;
  }
  if (url.origin === origins.storage) return 'storage';
  if (url.origin !== origins.site) return null;
  if (url.pathname.startsWith('/api/')) return 'api';
  return request.resourceType === 'Document' ? 'page' : 'asset';
}

/** Adds one journey's requests to `traffic`. */
export function addRequests(
  traffic: BrowserTraffic,
  requests: readonly BrowserRequest[],
  origins: Origins,
  routes: readonly RouteShape[],
): BrowserTraffic {
  for (const request of requests) {
    const kind = kindOf(request, origins);
    if (!kind) continue;
    const { pathname } = new URL(request.url);
    const api = kind === 'api' ? routeOf(routes, request.method, pathname) : undefined;
    if (api && !api.deployed) {
      traffic.localOnly[api.route] = (traffic.localOnly[api.route] ?? 0) + 1;
      continue;
    }
    if (request.fromCache) {
      traffic.cached[kind]++;
      continue;
    }
    traffic.requests[kind]++;
    traffic.bytes[kind] += request.encodedBytes;
    if (api) {
      traffic.apiRoutes[api.route] = (traffic.apiRoutes[api.route] ?? 0) + 1;
    } else if (kind === 'storage') {
      traffic.storage[request.method] = (traffic.storage[request.method] ?? 0) + 1;
      traffic.storageBytes[request.method] =
        (traffic.storageBytes[request.method] ?? 0) + request.encodedBytes;
    } else {
      const paths = kind === 'page' ? traffic.pages : traffic.assets;
      paths[pathname] = (paths[pathname] ?? 0) + 1;
    }
  }
  return traffic;
}

/**
 * The same traffic in the shape bench/submit.ts writes for its Node client, so that one pricing reads both:
 * API requests by route, the bytes they answered, posts and gets to storage (a preflight `OPTIONS` to storage
 * is billed as S3 bills a GET).
 */
export function asClientTraffic(traffic: BrowserTraffic): ClientTraffic {
  const posts = ['POST', 'PUT'];
  const total = (counts: Record<string, number>, which: (method: string) => boolean) =>
    Object.entries(counts)
      .filter(([method]) => which(method))
      .reduce((sum, [, count]) => sum + count, 0);
  return {
    apiRequests: { ...traffic.apiRoutes },
    apiResponseBytes: traffic.bytes.api,
    storagePosts: total(traffic.storage, (method) => posts.includes(method)),
    storageGets: total(traffic.storage, (method) => !posts.includes(method)),
    storageGetBytes: total(traffic.storageBytes, (method) => !posts.includes(method)),
  };
}

/**
 * CloudFront's requests and bytes per application, from `n` journeys: the pages, the site's files and the API calls
 * that left the browser (its cache's answers are not billed; storage posts go straight to S3).
 */
export function cloudFrontShare(traffic: BrowserTraffic, n: number): { requests: number; bytes: number } {
  const through = ['page', 'asset', 'api'] as const;
  return {
    requests: through.reduce((sum, kind) => sum + traffic.requests[kind], 0) / n,
    bytes: through.reduce((sum, kind) => sum + traffic.bytes[kind], 0) / n,
  };
}
