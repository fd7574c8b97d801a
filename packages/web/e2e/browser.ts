import { existsSync } from 'node:fs';

import { type Browser, chromium, type Page, type Request } from 'playwright-core';

/** The system's Chromium (see scripts/ensure-chromium.mjs): browsers are not downloaded here. */
export function chromiumPath(): string {
  const path = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
  if (!path) throw new Error('No Chromium: run `node scripts/ensure-chromium.mjs` (or set CHROMIUM_PATH).');
  return path;
}

export interface TestBrowser {
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * Headless Chromium with a fresh profile (Playwright makes a temporary one per launch) and none of
 * its own background traffic (update checks, sync, component downloads), so every request seen is
 * one the app made.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/** Every request a page makes, and every console error or CSP violation it reports. */
export function recordTraffic(page: Page) {
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request: Request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { requests, problems };
}
