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
import { join } from 'node:path';
import { PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import type { Browser, Page } from 'playwright-core';
import { routes } from '../functions/routes';
import { REPO_ROOT, type Runtime } from '../local/runtime';
import { chooseFilesByKeyboard, fillPageByKeyboard, pressByKeyboard } from '../test/browser/wizard-driver';
import { launchChromium, PHONE } from '../test/support/chromium';
import { pdfBytes } from '../test/support/files';
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
import { merge, type Sent, startCountedRuntime, writeRun } from './counted-runtime';
import { type Counts, isDeployedFunction } from './sdk-calls';

/** Parts of the journey, each with the calls it set off: sign-in and the wizard's arrival, each form step (its
 * draft's save), the documents step (the upload, its verdict, the draft's save), the submission and the
 * confirmation, the case page. */
const PHASES = ['arrival', 'form', 'documents', 'submission', 'case page'] as const;
type Phase = (typeof PHASES)[number];

const JOURNEYS = Number(process.argv[2] ?? 5);
const PROCEDURE = process.argv[3] ?? 'dang-ky-khai-sinh';
const OUTPUT = join(REPO_ROOT, '.bench', 'journey-run.json');
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
  type Recorded = BrowserRequest & { done: boolean; dropped?: boolean };
  const byId = new Map<string, Recorded>();
  const finished: Recorded[] = [];
  type WillBeSent = {
    requestId: string;
    type?: string;
    request: { method: string; url: string };
    redirectResponse?: { status: number };
  };
  session.on('Network.requestWillBeSent', (event: WillBeSent) => {
    const earlier = byId.get(event.requestId);
    // A redirect keeps the id: the first request is over, with the redirect as its answer.
    if (earlier && event.redirectResponse) {
      finished.push({ ...earlier, status: event.redirectResponse.status, done: true });
    }
    // A new document drops what the last one still had open, and Chromium does not always report their end.
    if (event.type === 'Document') {
      for (const [id, open] of byId) if (!open.done) byId.set(id, { ...open, done: true, dropped: true });
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
  const update = (id: string, change: Partial<Recorded>) => {
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
      response: {
        status: number;
        fromDiskCache?: boolean;
        fromPrefetchCache?: boolean;
        encodedDataLength?: number;
      };
    }) => {
      const cached = Boolean(event.response.fromDiskCache || event.response.fromPrefetchCache);
      const found = byId.get(event.requestId);
      update(event.requestId, {
        status: event.response.status,
        resourceType: event.type,
        fromCache: Boolean(found?.fromCache) || cached,
        // The headers' bytes; the body's are added as they arrive, in case the end is never reported.
        encodedBytes: (found?.encodedBytes ?? 0) + (event.response.encodedDataLength ?? 0),
      });
    },
  );
  session.on('Network.dataReceived', (event: { requestId: string; encodedDataLength: number }) => {
    const found = byId.get(event.requestId);
    if (found) update(event.requestId, { encodedBytes: found.encodedBytes + event.encodedDataLength });
  });
  // The total on the wire, headers included, when the end is reported.
  session.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) =>
    update(event.requestId, { encodedBytes: event.encodedDataLength, done: true, dropped: false }),
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
        requests: requests.map(({ done: _done, dropped: _dropped, ...request }) => request as BrowserRequest),
        unfinished: requests.filter((r) => !r.done || r.dropped).map((r) => `${r.method} ${r.url}`),
      };
    },
    /** Resolves once no request has been open for half a second (a draft's save after a step, a verdict's poll). */
    async quiet() {
      let since = performance.now();
      for (const started = performance.now(); performance.now() - started < 30_000; ) {
        if ([...byId.values()].some((r) => !r.done)) since = performance.now();
        else if (performance.now() - since >= 500) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
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
  /** Waits for every consumer set off so far, then books the calls counted since the last phase under `phase`. */
  phaseOver: (phase: Phase) => Promise<void>,
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
    const over = async (phase: Phase) => {
      await recorder.quiet();
      await phaseOver(phase);
    };
    try {
      await page.goto(`${site}/`);
      await pressByKeyboard(page, procedure.name.vi);
      await page.waitForURL(new RegExp(`/procedures/${procedure.id}/$`));
      await pressByKeyboard(page, 'Nộp hồ sơ trực tuyến');
      await page.waitForURL(/\/signin\//);
      await pressByKeyboard(page, citizenName);
      await page.waitForURL(new RegExp(`/apply/${procedure.id}/\\?step=`));
      await page.locator('#step-title').waitFor();
      await over('arrival');
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
          await fillPageByKeyboard(page, data, 'Tiếp tục');
          await waitForStep(page, step);
          await over('documents');
          continue;
        }
        if (step === 'check') {
          await fillPageByKeyboard(page, data, 'Nộp hồ sơ');
          break;
        }
        await fillPageByKeyboard(page, data, 'Tiếp tục');
        await waitForStep(page, step);
        await over('form');
      }
      await page.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' }).waitFor({ timeout: 30_000 });
      const code = (await page.locator('#case-code').textContent())!;
      await over('submission');
      await pressByKeyboard(page, 'Xem hồ sơ trong Hồ sơ của tôi');
      await page.waitForURL(/\/my\/case\/\?code=/);
      await page.getByRole('heading', { level: 1, name: procedure.name.vi }).waitFor();
      await over('case page');
      const { requests, unfinished } = recorder.all();
      await recorder.detach();
      return { code, requests, unfinished };
    } catch (error) {
      const state = await page
        .locator('main')
        .textContent()
        .catch(() => null);
      throw new Error(
        `journey failed at ${page.url()}: ${(error as Error).message}\npage errors: ${errors.join('; ')}\n` +
          `the page: ${(state ?? '').slice(0, 2000)}`,
      );
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
  console.log(
    `  ${'kind'.padEnd(48)} ${'requests'.padStart(9)} ${'bytes'.padStart(10)} ${'from cache'.padStart(11)}`,
  );
  for (const [kind, name] of kinds) {
    console.log(
      `  ${name.padEnd(48)} ${perJourney(traffic.requests[kind]).padStart(9)} ${kb(traffic.bytes[kind]).padStart(10)} ${perJourney(traffic.cached[kind]).padStart(11)}`,
    );
  }
  console.log('  pages:');
  for (const [path, count] of Object.entries(traffic.pages)) console.log(`    ${perJourney(count)} ${path}`);
  console.log('  files:');
  for (const [path, count] of Object.entries(traffic.assets)) console.log(`    ${perJourney(count)} ${path}`);
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

/** Per journey, what each phase cost the deployed functions. */
function printPhases(byPhase: Record<Phase, Counts>) {
  console.log('\nper phase, per journey (deployed functions):');
  console.log(
    `  ${'phase'.padEnd(12)} ${'DynamoDB calls'.padStart(14)} ${'RRU'.padStart(6)} ${'WRU'.padStart(6)} ${'S3 calls'.padStart(8)} ${'invocations'.padStart(11)} ${'ms'.padStart(8)}`,
  );
  for (const [phase, counts] of Object.entries(byPhase)) {
    const operations = counts.operations.filter((o) => isDeployedFunction(o.functionName));
    const invocations = counts.invocations.filter((i) => isDeployedFunction(i.functionName));
    const total = <T>(items: T[], value: (item: T) => number) =>
      items.reduce((sum, item) => sum + value(item), 0);
    const dynamo = operations.filter((o) => o.service === 'DynamoDB');
    console.log(
      `  ${phase.padEnd(12)} ${perJourney(total(dynamo, (o) => o.calls)).padStart(14)} ${perJourney(total(dynamo, (o) => o.readUnits)).padStart(6)} ${perJourney(total(dynamo, (o) => o.writeUnits)).padStart(6)} ${perJourney(total(operations, (o) => (o.service === 'S3' ? o.calls : 0))).padStart(8)} ${perJourney(total(invocations, (i) => i.invocations)).padStart(11)} ${perJourney(total(invocations, (i) => i.milliseconds)).padStart(8)}`,
    );
  }
}

async function main() {
  if (!existsSync(join(WEB_OUT_DIR, 'index.html'))) {
    console.error(`${WEB_OUT_DIR} has no built site: run npm run build:web first`);
    process.exit(1);
  }
  const counted = await startCountedRuntime('motcua-bench-journey-');
  const { runtime, counter, settle, sentFor } = counted;
  const discard = async () => {
    await settle();
    counter.take();
  };
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
    await journey(browser, cloudFront.url, procedure, citizen.name, discard);
    counter.take();
    const phases = Object.fromEntries(PHASES.map((phase) => [phase, [] as Counts[]])) as Record<
      Phase,
      Counts[]
    >;
    const phaseOver = async (phase: Phase) => {
      await settle();
      phases[phase].push(counter.take());
    };

    const traffic = emptyBrowserTraffic();
    const leftover: Counts[] = [];
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
        phaseOver,
      );
      await settle();
      // Nothing should be left outside a phase; whatever is still counts.
      leftover.push(counter.take());
      notifications.push(...(await sentFor(code)));
      const own = addRequests(emptyBrowserTraffic(), requests, origins, routes);
      addRequests(traffic, requests, origins, routes);
      journeys.push({
        code,
        seconds: (performance.now() - started) / 1000,
        requests: own.requests,
        unfinished,
      });
      console.log(
        `journey ${i + 1}: ${code}, ${journeys.at(-1)!.seconds.toFixed(1)} s, requests ${JSON.stringify(own.requests)}` +
          (unfinished.length > 0 ? `, never finished: ${unfinished.join(', ')}` : ''),
      );
    }
    const byPhase = Object.fromEntries(PHASES.map((phase) => [phase, merge(phases[phase])])) as Record<
      Phase,
      Counts
    >;
    const total = merge([...Object.values(byPhase), ...leftover]);
    print(traffic, total, notifications);
    printPhases(byPhase);
    await writeRun(OUTPUT, {
      browser: `Chromium ${browser.version()}`,
      procedure: PROCEDURE,
      journeys,
      phases: byPhase,
      counted: {
        applications: JOURNEYS,
        submission: {
          counts: total,
          client: asClientTraffic(traffic),
          notifications: notifications.map(({ channel, body }) => ({ channel, body })),
          browser: traffic,
        },
      },
    });
    console.log(`\nwrote ${OUTPUT}; price it with: npx tsx bench/cost.ts`);
  } finally {
    await browser?.close();
    await cloudFront.stop();
    await counted.stop();
  }
}

await main();
