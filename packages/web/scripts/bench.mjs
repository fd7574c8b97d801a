// The web app's two speed figures: JavaScript sent for the first page (gzip, budget 250 KB) and the
// time until the first page is interactive on localhost (budget 1 s), measured with Playwright in
// the system's Chromium. Usage: node packages/web/scripts/bench.mjs [http://127.0.0.1:4100]
// Without a URL it starts the whole stack (as the end-to-end tests do) for the measurement.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const BUDGET_KB = 250;
const BUDGET_MS = 1000;

function firstPageScripts() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) files.add(m[1]);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) files.add(m[1]);
  return [...files];
}

function bundleReport() {
  const rows = firstPageScripts().map((file) => {
    const body = readFileSync(join(dist, file));
    return { file, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
  const total = rows.reduce((sum, r) => sum + r.gzip, 0);
  return { rows, total };
}

async function timing(url) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const runs = [];
  const transferred = [];
  try {
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let jsBytes = 0;
      page.on('response', async (response) => {
        if (response.url().endsWith('.js')) {
          const sizes = await response
            .request()
            .sizes()
            .catch(() => null);
          if (sizes) jsBytes += sizes.responseBodySize;
        }
      });
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('samspill:interactive').length > 0);
      runs.push(await page.evaluate(() => performance.getEntriesByName('samspill:interactive')[0].startTime));
      transferred.push(jsBytes);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  runs.sort((a, b) => a - b);
  return { median: runs[Math.floor(runs.length / 2)], worst: runs[runs.length - 1], first: runs[0], jsOnWire: Math.max(...transferred) };
}

const { rows, total } = bundleReport();
console.log('JavaScript for the first page (gzip -9):');
for (const r of rows) console.log(`  ${r.file}  ${(r.raw / 1024).toFixed(1)} KB raw, ${(r.gzip / 1024).toFixed(1)} KB gzip`);
console.log(`  total ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET_KB} KB) ${total / 1024 <= BUDGET_KB ? 'OK' : 'OVER'}`);

let url = process.argv[2];
let stop = async () => {};
if (!url) {
  const gateway = await import('@samspill/gateway');
  const stack = await (gateway.startWebStack ?? gateway.default.startWebStack)();
  url = stack.urls.web;
  stop = () => stack.stop();
}
try {
  const t = await timing(new URL('/', url).toString());
  console.log(
    `First page interactive (5 loads, fresh context each): median ${t.median.toFixed(0)} ms, worst ${t.worst.toFixed(0)} ms (budget ${BUDGET_MS} ms) ${t.worst <= BUDGET_MS ? 'OK' : 'OVER'}`,
  );
} finally {
  await stop();
}
