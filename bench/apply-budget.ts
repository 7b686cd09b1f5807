// The apply wizard's budget (issue 7), measured: the first load of each apply page (HTML + CSS + JS, gzip -9), then
// Debian's Chromium on an emulated weak network (400 kbit/s both ways, 400 ms round trip) with a 4x slower CPU: when
// the first step is drawn and interactive, and the main-thread work of each step's "Continue" (with the page's errors,
// and with its answers). The site is served gzip-compressed, as CloudFront serves it. Prints the numbers.
// Usage: npx tsx bench/apply-budget.ts [procedureId=cap-phieu-ly-lich-tu-phap] [runs=3] (BUDGET_DEBUG=1: each run's long tasks
// and steps)
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/support/chromium';
import { api } from '../test/support/http';
import { startRuntimeProcess } from '../test/support/runtime-process';
import { buildWebSync } from '../web/build/build';
import { builtPageFiles, firstLoad } from '../web/build/site-files';
import { percentile } from './stats';

const PROCEDURE = process.argv[2] ?? 'cap-phieu-ly-lich-tu-phap';
const RUNS = Number(process.argv[3] ?? 3);
const BUDGET = { gzipKb: 20, interactiveMs: 2500, stepMs: 100 };
/** 400 kbit/s is 50,000 bytes a second; the latency is DevTools' added round-trip time. */
const WEAK_NETWORK = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const CPU_SLOWDOWN = 4;
/** After the first step is drawn, this long without a long task means the page is interactive. */
const QUIET_MS = 2000;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const COMPRESSIBLE = /^(text\/|application\/(json|javascript))/;

/** The site as CloudFront serves it: the runtime's answers, text compressed with gzip for browsers that ask. */
async function gzipProxy(target: string) {
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const body = await new Promise<Buffer>((done) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => done(Buffer.concat(chunks)));
    });
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(
        ([name]) => !['host', 'accept-encoding', 'connection'].includes(name),
      ),
    ) as Record<string, string>;
    const answer = await fetch(new URL(req.url ?? '/', target), {
      method: req.method ?? 'GET',
      headers,
      ...(body.length > 0 ? { body } : {}),
      redirect: 'manual',
    });
    let payload = Buffer.from(await answer.arrayBuffer());
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name))
        out[name] = value;
    });
    if (/gzip/.test(String(req.headers['accept-encoding'])) && COMPRESSIBLE.test(out['content-type'] ?? '')) {
      payload = gzipSync(payload, { level: 9 });
      out['content-encoding'] = 'gzip';
    }
    res.writeHead(answer.status, { ...out, 'content-length': String(payload.length) });
    res.end(payload);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** Marks, inside the page, when the first step is drawn and every long task (main-thread work over 50 ms). */
const INSTRUMENT = `(() => {
  window.__budget = { longTasks: [], drawn: null, steps: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__budget.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const seen = () => {
    if (window.__budget.drawn === null && document.querySelector('#step-title') && document.querySelector('[data-path]')) {
      window.__budget.drawn = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  // The work of one "Continue": from the submit event until the main thread is free again (a task queued at the
  // start runs only once the handler and its microtasks are done), with the style and layout of what it drew.
  document.addEventListener('submit', () => {
    const start = performance.now();
    setTimeout(() => {
      // Style and layout of what the handler drew count too: read a box to have them done now.
      void document.body.getBoundingClientRect();
      window.__budget.steps.push([performance.now() - start, Boolean(document.querySelector('.error-summary'))]);
    }, 0);
  }, true);
})()`;

async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', WEAK_NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

interface Budget {
  drawn: number;
  longTasks: [number, number][];
  /** Each "Continue": its main-thread milliseconds, and whether it ended on the error summary. */
  steps: [number, boolean][];
}
const budgetOf = (page: Page) => page.evaluate('window.__budget') as Promise<Budget>;

async function main() {
  console.log('building the site…');
  buildWebSync();
  const applyPages = builtPageFiles().filter((page) => /\/apply\//.test(page.url));
  console.log(`\nfirst load of the apply pages (budget ${BUDGET.gzipKb} KB gzip):`);
  const width = Math.max(...applyPages.map((page) => page.url.length));
  let largest = 0;
  for (const page of applyPages) {
    const load = firstLoad(page);
    largest = Math.max(largest, load.gzip);
    console.log(
      `  ${page.url.padEnd(width)}  ${kb(load.raw).padStart(5)} KB raw  ${kb(load.gzip).padStart(5)} KB gzip`,
    );
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'motcua-budget-'));
  const runtime = await startRuntimeProcess({ dataDir, removeDataDir: true });
  const proxy = await gzipProxy(runtime.url);
  const browser = await launchChromium();
  try {
    const c = api(runtime.url);
    const example = (await c.get(`/api/procedures/${PROCEDURE}`)).body.form.examples[0];
    const interactive: number[] = [];
    const drawn: number[] = [];
    const transferred: number[] = [];
    const errorSteps: number[] = [];
    const answerSteps: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
      const page = await context.newPage();
      const token = await c.tokenFor('citizen1');
      // A first visit: no draft of the run before to resume.
      await c.request('DELETE', `/api/drafts/${PROCEDURE}`, { token });
      await page.goto(`${proxy.url}/signin/signed-out/`);
      await page.evaluate(
        `sessionStorage.setItem('motcua.auth.session', JSON.stringify({ accessToken: ${JSON.stringify(token)}, expiresAt: Date.now() + 3600000 }))`,
      );
      await page.addInitScript(INSTRUMENT);
      let bytes = 0;
      page.on('requestfinished', async (request) => {
        const sizes = await request.sizes().catch(() => null);
        if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      });
      // A cold cache, as on a first visit.
      const cdp = await throttle(page);
      await cdp.send('Network.clearBrowserCache');
      await page.goto(`${proxy.url}/apply/${PROCEDURE}/`, { waitUntil: 'load' });
      await page.waitForFunction('window.__budget.drawn !== null', undefined, { timeout: 60_000 });
      // Interactive: the end of the last long task before a quiet window after the first step is drawn.
      let budget = await budgetOf(page);
      for (let waited = 0; waited < 30_000; waited += 250) {
        budget = await budgetOf(page);
        const lastEnd = Math.max(budget.drawn, ...budget.longTasks.map(([start, length]) => start + length));
        const now = (await page.evaluate('performance.now()')) as number;
        if (now - lastEnd >= QUIET_MS) break;
        await page.waitForTimeout(250);
      }
      const lastEnd = Math.max(budget.drawn, ...budget.longTasks.map(([start, length]) => start + length));
      if (process.env.BUDGET_DEBUG)
        console.log(
          'long tasks',
          JSON.stringify(budget.longTasks.map(([a, b]) => [Math.round(a), Math.round(b)])),
          'drawn',
          Math.round(budget.drawn),
        );
      drawn.push(budget.drawn);
      interactive.push(lastEnd);
      transferred.push(bytes);

      // Each step's "Continue": first empty (the error summary), then answered (the next step).
      for (let step = 0; step < 12; step++) {
        const id = new URL(page.url()).searchParams.get('step');
        if (!id || id === 'documents' || id === 'check') break;
        // First as it is (empty: the error summary; an optional page: the next step), then answered.
        await page.getByRole('button', { name: 'Tiếp tục' }).click();
        await page.waitForFunction(
          `document.querySelector('.error-summary') || new URL(location.href).searchParams.get('step') !== ${JSON.stringify(id)}`,
        );
        if (new URL(page.url()).searchParams.get('step') !== id) continue;
        await page.evaluate(`(() => {
          const data = ${JSON.stringify(example)};
          const at = (path) => path.match(/[^.[\\]]+/g).reduce((node, key) => (node == null ? node : node[key]), data);
          let n = 0;
          for (const input of document.querySelectorAll('[data-path]')) {
            const value = at(input.dataset.path);
            if (value == null || typeof value === 'object') continue;
            if (input.type === 'radio') input.checked = input.value === String(value);
            else if (input.type === 'checkbox') input.checked = Boolean(value);
            else if (input.dataset.part) {
              const [y, m, d] = String(value).split('-');
              input.value = { year: y, month: m, day: d }[input.dataset.part] ?? '';
            } else input.value = String(value);
            input.dispatchEvent(new Event('change', { bubbles: true }));
            n++;
          }
          return n;
        })()`);
        await page.getByRole('button', { name: 'Tiếp tục' }).click();
        await page.waitForFunction(
          `new URL(location.href).searchParams.get('step') !== ${JSON.stringify(id)}`,
        );
      }
      const steps = (await budgetOf(page)).steps;
      if (process.env.BUDGET_DEBUG)
        console.log('steps', JSON.stringify(steps.map(([t, r]) => [Math.round(t), r])));
      for (const [work, refused] of steps) (refused ? errorSteps : answerSteps).push(work);
      await context.close();
    }
    const ms = (values: number[]) =>
      `${Math.round(percentile(values, 50))} ms (runs: ${values.map(Math.round).join(', ')})`;
    const max = (values: number[]) => Math.max(...values);
    console.log(
      `\n/apply/${PROCEDURE}/ in Chromium: 400 kbit/s, 400 ms round trip, CPU ${CPU_SLOWDOWN}x slower, cold cache`,
    );
    console.log(`  transferred on the first load   ${transferred.map((b) => `${kb(b)} KB`).join(', ')}`);
    console.log(`  first step drawn                ${ms(drawn)}`);
    console.log(`  interactive                     ${ms(interactive)}   budget ${BUDGET.interactiveMs} ms`);
    console.log(
      `  a step's "Continue", main thread: with errors p50 ${Math.round(percentile(errorSteps, 50))} ms, max ${Math.round(max(errorSteps))} ms; ` +
        `answered p50 ${Math.round(percentile(answerSteps, 50))} ms, max ${Math.round(max(answerSteps))} ms   budget ${BUDGET.stepMs} ms`,
    );
    console.log(
      `\nbudget: first load ${kb(largest)} KB gzip ${largest / 1024 <= BUDGET.gzipKb ? '≤' : '>'} ${BUDGET.gzipKb} KB; ` +
        `interactive ${Math.round(percentile(interactive, 50))} ms ${percentile(interactive, 50) <= BUDGET.interactiveMs ? '≤' : '>'} ${BUDGET.interactiveMs} ms; ` +
        `step ${Math.round(max([...errorSteps, ...answerSteps]))} ms ${max([...errorSteps, ...answerSteps]) < BUDGET.stepMs ? '<' : '≥'} ${BUDGET.stepMs} ms`,
    );
  } finally {
    await browser.close();
    proxy.close();
    await runtime.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
