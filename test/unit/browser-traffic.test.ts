// The journey bench's sorting of browser requests into what each is billed as (bench/browser-traffic.ts): pages and
// files through CloudFront, API calls under their declared route, storage straight to S3, the browser's cache, and
// the local runtime's own routes kept apart.
import { describe, expect, it } from 'vitest';
import {
  addRequests,
  asClientTraffic,
  type BrowserRequest,
  cloudFrontShare,
  emptyBrowserTraffic,
  kindOf,
  routeOf,
} from '../../bench/browser-traffic';
import { routes } from '../../functions/routes';

const origins = { site: 'http://127.0.0.1:4000', storage: 'http://127.0.0.1:5000' };

const request = (fields: Partial<BrowserRequest> & { url: string }): BrowserRequest => ({
  method: 'GET',
  resourceType: 'Fetch',
  status: 200,
  fromCache: false,
  encodedBytes: 100,
  ...fields,
});

describe('routeOf', () => {
  const shapes = [
    { method: 'GET', path: '/api/verify/{id}', group: 'verification' },
    { method: 'GET', path: '/api/verify/lookup', group: 'verification' },
    { method: 'POST', path: '/api/local/token', group: 'local' },
  ];

  it('names the declared route, a literal segment winning over a {name} one, whatever their order', () => {
    expect(routeOf(shapes, 'GET', '/api/verify/lookup')).toEqual({
      route: 'GET /api/verify/lookup',
      deployed: true,
    });
    expect(routeOf(shapes, 'GET', '/api/verify/abc')).toEqual({
      route: 'GET /api/verify/{id}',
      deployed: true,
    });
  });

  it('keeps the path of a request no route declares, and says the local group is not deployed', () => {
    expect(routeOf(shapes, 'DELETE', '/api/verify/abc').route).toBe('DELETE /api/verify/abc');
    expect(routeOf(shapes, 'POST', '/api/local/token')).toEqual({
      route: 'POST /api/local/token',
      deployed: false,
    });
  });

  it("matches the platform's own routes: a draft's save and an upload's status", () => {
    expect(routeOf(routes, 'PUT', '/api/drafts/dang-ky-khai-sinh').route).toBe(
      'PUT /api/drafts/{procedureId}',
    );
    expect(routeOf(routes, 'GET', '/api/uploads/0b5e').route).toBe('GET /api/uploads/{uploadId}');
    expect(routeOf(routes, 'GET', '/api/local/users').deployed).toBe(false);
  });
});

describe('kindOf', () => {
  it('tells pages, files, API calls and storage apart by origin, path and resource type', () => {
    expect(
      kindOf(request({ url: `${origins.site}/apply/x/?step=a`, resourceType: 'Document' }), origins),
    ).toBe('page');
    expect(
      kindOf(request({ url: `${origins.site}/assets/app-1a2b.js`, resourceType: 'Script' }), origins),
    ).toBe('asset');
    expect(kindOf(request({ url: `${origins.site}/config.json` }), origins)).toBe('asset');
    expect(kindOf(request({ url: `${origins.site}/api/procedures` }), origins)).toBe('api');
    expect(kindOf(request({ url: `${origins.storage}/motcua-documents`, method: 'POST' }), origins)).toBe(
      'storage',
    );
    expect(kindOf(request({ url: 'https://elsewhere.example/x.js' }), origins)).toBeNull();
    expect(kindOf(request({ url: 'data:image/png;base64,AA==' }), origins)).toBeNull();
  });
});

describe('addRequests, asClientTraffic and cloudFrontShare', () => {
  const journey = [
    request({ url: `${origins.site}/`, resourceType: 'Document', encodedBytes: 3000 }),
    request({ url: `${origins.site}/assets/a.js`, resourceType: 'Script', encodedBytes: 9000 }),
    request({ url: `${origins.site}/assets/a.js`, resourceType: 'Script', fromCache: true, encodedBytes: 0 }),
    request({ url: `${origins.site}/api/drafts/p`, method: 'PUT', encodedBytes: 400 }),
    request({ url: `${origins.site}/api/drafts/p`, method: 'PUT', encodedBytes: 410 }),
    request({ url: `${origins.site}/api/local/users`, encodedBytes: 2000 }),
    request({ url: `${origins.storage}/motcua-documents`, method: 'OPTIONS', encodedBytes: 200 }),
    request({ url: `${origins.storage}/motcua-documents`, method: 'POST', encodedBytes: 300 }),
  ];

  it('counts what left the browser by kind with its bytes, the cache and the local routes apart', () => {
    const traffic = addRequests(emptyBrowserTraffic(), journey, origins, routes);
    expect(traffic.requests).toEqual({ page: 1, asset: 1, api: 2, storage: 2 });
    expect(traffic.bytes).toEqual({ page: 3000, asset: 9000, api: 810, storage: 500 });
    expect(traffic.cached).toEqual({ page: 0, asset: 1, api: 0, storage: 0 });
    expect(traffic.apiRoutes).toEqual({ 'PUT /api/drafts/{procedureId}': 2 });
    expect(traffic.localOnly).toEqual({ 'GET /api/local/users': 1 });
    expect(traffic.pages).toEqual({ '/': 1 });
    expect(traffic.assets).toEqual({ '/assets/a.js': 1 });
    expect(traffic.storage).toEqual({ OPTIONS: 1, POST: 1 });
  });

  it('adds journeys up, and gives the Node client’s shape: a post to storage, a preflight billed as a GET', () => {
    const traffic = addRequests(emptyBrowserTraffic(), journey, origins, routes);
    addRequests(traffic, journey, origins, routes);
    expect(asClientTraffic(traffic)).toEqual({
      apiRequests: { 'PUT /api/drafts/{procedureId}': 4 },
      apiResponseBytes: 1620,
      storagePosts: 2,
      storageGets: 2,
      storageGetBytes: 400,
    });
  });

  it("gives CloudFront's share per application: pages, files and API calls that left the browser, not storage", () => {
    const traffic = addRequests(emptyBrowserTraffic(), journey, origins, routes);
    addRequests(traffic, journey, origins, routes);
    expect(cloudFrontShare(traffic, 2)).toEqual({ requests: 4, bytes: 3000 + 9000 + 810 });
  });
});
