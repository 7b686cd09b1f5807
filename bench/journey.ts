// Benchmark: the citizen's real journey in Debian's Chromium at 360 px, counted end to end, for the cost of a
// submission (docs/cost.md). N first-time visitors (a fresh browser context each, HTTP cache on), one at a time,
// from the home page to the procedure, sign-in, the wizard's steps by keyboard, a PDF uploaded, check your answers,
// the submission, the confirmation and the case page once, as the browser tests drive it. The pages come through a
// CloudFront stand-in (bench/cloudfront-stand-in.ts: the stack's caching and compression); the runtime's SDK clients
// are counted (bench/counted-runtime.ts), every consumer a step sets off is waited for, and every browser request is
// taken from the DevTools protocol with the bytes it cost on the wire.
// Usage: npm run build:web && npx tsx bench/journey.ts [journeys=5] [procedure=dang-ky-khai-sinh]
// Writes .bench/journey-run.json, which `npx tsx bench/cost.ts` prices as the submission.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import type { Browser, Page } from 'playwright-core';
import { routes } from '../functions/routes';
import { REPO_ROOT, type Runtime } from '../local/runtime';
import { launchChromium } from '../test/support/chromium';
import { pdfBytes } from '../test/support/files';
import {
  chooseFilesByKeyboard,
  fillPageByKeyboard,
  pressByKeyboard,
} from '../test/browser/wizard-driver';
import { WEB_OUT_DIR } from '../web/build/paths';
import {
  addRequests,
  asClientTraffic,
  type BrowserRequest,
  type BrowserTraffic,
  emptyBrowserTraffic,
  type Origins,
  type RequestKind,
} from './browser-traffic';
import { startCloudFrontStandIn } from './cloudfront-stand-in';
import { merge, type Sent, startCountedRuntime } from './counted-runtime';
import { type Counts, isDeployedFunction } from './sdk-calls';

const JOURNEYS = Number(process.argv[2] ?? 5);
const PROCEDURE = process.argv[3] ?? 'dang-ky-khai-sinh';
const OUTPUT = join(REPO_ROOT, '.bench', 'journey-run.json');
/** The browser tests' phone (test/browser/support.ts). */
const PHONE = { width: 360, height: 740 } as const;
const PDF = { name: 'giay-to.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdfBytes('scan')) };

interface Procedure {
  readonly id: string;
  readonly name: { vi: string };
  readonly form: { examples: Record<string, unknown>[] };
  readonly documents: { type: string; required: boolean; accept: string[] }[];
}

/** Every request the page makes, from the DevTools protocol: what it was, whether the cache answered, its bytes. */
async function recordRequests(page: Page) {
  const session = await page.context().newCDPSession(page);
  const byId = new Map<string, BrowserRequest & { done: boolean }>();
  const finished: (BrowserRequest & { done: boolean })[] = [];
  type Sent = { requestId: string; type?: string; request: { method: string; url: string } };
  session.on('Network.requestWillBeSent', (event: Sent & { redirectResponse?: { status: number } }) => {
    const earlier = byId.get(event.requestId);
    // A redirect keeps the id: the first request is over, with the redirect as its answer.
    if (earlier && event.redirectResponse) {
      finished.push({ ...earlier, status: event.redirectResponse.status, done: true });
    }
    byId.set(event.requestId, {
      method: event.request.method,
      url: event.request.url,
      resourceType: event.type ?? 'Other',
      status: 0,
      fromCache: false,
      encodedBytes: 0,
      done: false,
    });
  });
  const update = (id: string, change: Partial<BrowserRequest & { done: boolean }>) => {
    const found = byId.get(id);
    if (found) byId.set(id, { ...found, ...change });
  };
  session.on('Network.requestServedFromCache', (event: { requestId: string }) =>
    update(event.requestId, { fromCache: true }),
  );
  session.on(
    'Network.responseReceived',
    (event: {
      requestId: string;
      type: string;
      response: { status: number; fromDiskCache?: boolean; fromPrefetchCache?: boolean };
    }) => {
      const cached = Boolean(event.response.fromDiskCache || event.response.fromPrefetchCache);
      const found = byId.get(event.requestId);
      update(event.requestId, {
        status: event.response.status,
        resourceType: event.type,
        fromCache: Boolean(found?.fromCache) || cached,
      });
    },
  );
  session.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) =>
    update(event.requestId, { encodedBytes: event.encodedDataLength, done: true }),
  );
  session.on('Network.loadingFailed', (event: { requestId: string }) =>
    update(event.requestId, { done: true }),
  );
  await session.send('Network.enable');
  return {
    /**
     * Every request so far, and those that never reported their end (a navigation dropped them): they left the
     * browser all the same, and count, without their bytes.
     */
    all() {
      const requests = [...finished, ...byId.values()];
      return {
        requests: requests.map(({ done: _done, ...request }) => request as BrowserRequest),
        unfinished: requests.filter((r) => !r.done).map((r) => `${r.method} ${r.url}`),
      };
    },
    detach: () => session.detach(),
  };
}

/** The bucket's CORS rule with the stand-in's origin too, as the stack's names CloudFront's (uploads post to it). */
async function allowUploadsFrom(runtime: Runtime, origin: string) {
  const s3 = new S3Client({
    endpoint: runtime.endpoints.s3,
    region: 'ap-southeast-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  await s3.send(
    new PutBucketCorsCommand({
      Bucket: runtime.bucketName,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: [origin, runtime.url],
            AllowedMethods: ['GET', 'HEAD', 'POST', 'PUT'],
            AllowedHeaders: ['*'],
            ExposeHeaders: ['ETag', 'Location'],
            MaxAgeSeconds: 3000,
          },
        ],
      },
    }),
  );
  s3.destroy();
}

async function waitForStep(page: Page, than: string | null) {
  await page.waitForFunction(`new URL(location.href).searchParams.get('step') !== ${JSON.stringify(than)}`);
}

/**
 * One first-time visitor's journey, by keyboard as the browser tests drive it: the home page, the procedure, sign-in
 * (the local runtime's demo account; Cognito's hosted page on AWS), each step of the wizard, a PDF for each required
 * document, check your answers, the submission, the confirmation, the case page. Returns its requests and case.
 */
async function journey(
  browser: Browser,
  site: string,
  procedure: Procedure,
  citizenName: string,
  settle: () => Promise<void>,
) {
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    const recorder = await recordRequests(page);
    try {
    await page.goto(`${site}/`);
    await pressByKeyboard(page, procedure.name.vi);
    await page.waitForURL(new RegExp(`/procedures/${procedure.id}/$`));
    await pressByKeyboard(page, 'Nộp hồ sơ trực tuyến');
    await page.waitForURL(/\/signin\//);
    await pressByKeyboard(page, citizenName);
    await page.waitForURL(new RegExp(`/apply/${procedure.id}/\\?step=`));
    const data = procedure.form.examples[0]!;
    const files = procedure.documents.filter((d) => d.required);
    for (let pages = 0; pages < 20; pages++) {
      await page.locator('#step-title').waitFor();
      const step = new URL(page.url()).searchParams.get('step');
      if (step === 'documents') {
        for (const document of files) {
          if (!document.accept.includes('application/pdf'))
            throw new Error(`${document.type} takes no PDF: this bench uploads PDFs only`);
          await chooseFilesByKeyboard(page, `doc-${document.type}`, PDF);
        }
        await page
          .locator('.file__state', { hasText: 'Đã tải lên' })
          .nth(files.length - 1)
          .waitFor({ timeout: 30_000 });
        await settle();
        await fillPageByKeyboard(page, data, 'Tiếp tục');
      } else if (step === 'check') {
        await fillPageByKeyboard(page, data, 'Nộp hồ sơ');
        break;
      } else {
        await fillPageByKeyboard(page, data, 'Tiếp tục');
      }
      await waitForStep(page, step);
    }
    await page.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' }).waitFor({ timeout: 30_000 });
    const code = (await page.locator('#case-code').textContent())!;
    await settle();
    await pressByKeyboard(page, 'Xem hồ sơ trong Hồ sơ của tôi');
    await page.waitForURL(/\/my\/case\/\?code=/);
    await page.getByRole('heading', { level: 1, name: procedure.name.vi }).waitFor();
    await page.waitForLoadState('networkidle');
    await settle();
    const { requests, unfinished } = recorder.all();
    await recorder.detach();
    return { code, requests, unfinished };
    } catch (error) {
      const state = await page.locator('main').innerText().catch(() => '');
      throw new Error(`journey failed at ${page.url()}: ${(error as Error).message}\npage errors: ${errors.join('; ')}\nthe page: ${state.slice(0, 2000)}`);
    }
  } finally {
    await context.close();
  }
}

const perJourney = (value: number) => (value / JOURNEYS).toFixed(2).replace(/\.00$/, '');
const kb = (bytes: number) => `${(bytes / JOURNEYS / 1024).toFixed(1)} KB`;

function print(traffic: BrowserTraffic, counts: Counts, notifications: readonly Sent[]) {
  const kinds: [RequestKind, string][] = [
    ['page', 'HTML pages'],
    ['asset', 'static files (scripts, styles, fonts, config)'],
    ['api', 'API calls'],
    ['storage', 'storage (S3, straight)'],
  ];
  console.log(`\nper journey (mean of ${JOURNEYS}):`);
  console.log(`  ${'kind'.padEnd(48)} ${'requests'.padStart(9)} ${'bytes'.padStart(10)} ${'from cache'.padStart(11)}`);
  for (const [kind, name] of kinds) {
    console.log(
      `  ${name.padEnd(48)} ${perJourney(traffic.requests[kind]).padStart(9)} ${kb(traffic.bytes[kind]).padStart(10)} ${perJourney(traffic.cached[kind]).padStart(11)}`,
    );
  }
  console.log('  pages:');
  for (const [path, count] of Object.entries(traffic.pages)) console.log(`    ${perJourney(count)} ${path}`);
  console.log('  API calls by route:');
  for (const [route, count] of Object.entries(traffic.apiRoutes).sort())
    console.log(`    ${perJourney(count)} ${route}`);
  console.log(
    `  not deployed (the local demo sign-in; Cognito on AWS): ${Object.entries(traffic.localOnly)
      .map(([route, count]) => `${route} ${perJourney(count)}`)
      .join(', ')}`,
  );
  console.log(
    `  storage: ${Object.entries(traffic.storage)
      .map(([method, count]) => `${method} ${perJourney(count)}`)
      .join(', ')}`,
  );
  console.log('  calls of the deployed functions (calls, RRU, WRU):');
  for (const o of counts.operations.filter((o) => isDeployedFunction(o.functionName))) {
    console.log(
      `    ${o.functionName.padEnd(26)} ${o.service.padEnd(8)} ${o.operation.padEnd(20)} ${perJourney(o.calls).padStart(6)} ${perJourney(o.readUnits).padStart(6)} ${perJourney(o.writeUnits).padStart(6)}`,
    );
  }
  console.log('  invocations (count, ms):');
  for (const i of counts.invocations.filter((i) => isDeployedFunction(i.functionName))) {
    console.log(
      `    ${i.functionName.padEnd(26)} ${perJourney(i.invocations).padStart(6)} ${perJourney(i.milliseconds).padStart(9)}`,
    );
  }
  const channels = new Map<string, number>();
  for (const n of notifications) channels.set(n.channel, (channels.get(n.channel) ?? 0) + 1);
  console.log(
    `  notifications: ${[...channels].map(([channel, count]) => `${channel} ${perJourney(count)}`).join(', ')}`,
  );
}

async function main() {
  if (!existsSync(join(WEB_OUT_DIR, 'index.html'))) {
    console.error(`${WEB_OUT_DIR} has no built site: run npm run build:web first`);
    process.exit(1);
  }
  const counted = await startCountedRuntime('motcua-bench-journey-');
  const { runtime, counter, settle, sentFor } = counted;
  const cloudFront = await startCloudFrontStandIn(runtime.url);
  let browser: Browser | undefined;
  try {
    const origins: Origins = { site: cloudFront.url, storage: new URL(runtime.endpoints.s3).origin };
    await allowUploadsFrom(runtime, cloudFront.url);
    const procedure = (await (await fetch(`${runtime.url}/api/procedures/${PROCEDURE}`)).json()) as Procedure;
    const users = (await (await fetch(`${runtime.url}/api/local/users`)).json()) as {
      items: { username: string; name: string }[];
    };
    const citizen = users.items.find((u) => u.username === 'citizen1')!;
    browser = await launchChromium();
    // Warm-up, not counted: module imports, JIT, DynamoDB Local's first transactions.
    await journey(browser, cloudFront.url, procedure, citizen.name, settle);
    counter.take();

    const traffic = emptyBrowserTraffic();
    const counts: Counts[] = [];
    const notifications: Sent[] = [];
    const journeys: {
      code: string;
      seconds: number;
      requests: Record<RequestKind, number>;
      unfinished: string[];
    }[] = [];
    for (let i = 0; i < JOURNEYS; i++) {
      const started = performance.now();
      const { code, requests, unfinished } = await journey(
        browser,
        cloudFront.url,
        procedure,
        citizen.name,
        settle,
      );
      counts.push(counter.take());
      notifications.push(...(await sentFor(code)));
      const own = addRequests(emptyBrowserTraffic(), requests, origins, routes);
      addRequests(traffic, requests, origins, routes);
      journeys.push({ code, seconds: (performance.now() - started) / 1000, requests: own.requests, unfinished });
      console.log(
        `journey ${i + 1}: ${code}, ${journeys.at(-1)!.seconds.toFixed(1)} s, requests ${JSON.stringify(own.requests)}` +
          (unfinished.length > 0 ? `, never finished: ${unfinished.join(', ')}` : ''),
      );
    }
    const total = merge(counts);
    print(traffic, total, notifications);
    await mkdir(join(REPO_ROOT, '.bench'), { recursive: true });
    await writeFile(
      OUTPUT,
      `${JSON.stringify(
        {
          measuredAt: new Date().toISOString(),
          node: process.version,
          cpu: cpus()[0]?.model,
          cpus: cpus().length,
          browser: `Chromium ${browser.version()}`,
          procedure: PROCEDURE,
          journeys,
          counted: {
            applications: JOURNEYS,
            submission: {
              counts: total,
              client: asClientTraffic(traffic),
              notifications: notifications.map(({ channel, body }) => ({ channel, body })),
              browser: traffic,
            },
          },
        },
        null,
        2,
      )}\n`,
    );
    console.log(`\nwrote ${OUTPUT}; price it with: npx tsx bench/cost.ts`);
  } finally {
    await browser?.close();
    await cloudFront.stop();
    await counted.stop();
  }
}

await main();
