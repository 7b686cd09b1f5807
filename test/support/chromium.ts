// Debian's Chromium for browser tests: where it is, the flags the developers' guide lists, and what the tests do
// without it: skip, saying why, on a developer's machine; fail in CI (`CI` set), where .ci/run installs it and a
// skip would hide that the pages went untested.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** The phone the browser tests (and bench/journey.ts) size their pages to. */
export const PHONE = { width: 360, height: 740 } as const;

/** Whether the browser tests can run here. Throws in CI when Chromium is missing. */
export function chromiumAvailable(path = CHROMIUM, env: NodeJS.ProcessEnv = process.env): boolean {
  if (existsSync(path)) return true;
  const install = "Install it with `apt-get install -y chromium` (CI's .ci/run does).";
  if (env.CI && env.CI !== 'false' && env.CI !== '0') {
    throw new Error(`Browser tests cannot run: ${path} is missing, and CI must run them. ${install}`);
  }
  console.warn(`Browser tests skipped: ${path} is missing. ${install}`);
  return false;
}

export const hasChromium = chromiumAvailable();

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
