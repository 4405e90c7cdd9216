// bench:content: what the content script costs and does per page. (1) The real session on a real page with a
// counting stand-in background: structure detection runs per page load, per highlight made and per tab switch, and
// messages per anchoring pass. (2) The built extension in Chromium on a page without highlights: how long after the
// user's first selection the toolbar appears (the session is loaded on demand by then), and the files' sizes.
// Run after `npx wxt build`, under the shared lock:  flock /tmp/gloss-e2e.lock npm run bench:content
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleEntry } from '../../harness/bundle.mjs';
import { launchChromium } from '../../harness/chromium.mjs';
import { CHROME_DIST, ROOT, SHARED } from '../../harness/paths.mjs';
import { startPageServer } from '../../harness/server.mjs';
import { median, quantile } from '../kit.mjs';

const OUT = join(ROOT, '.cache/bench-content');
const REPS = Number(process.env.BENCH_REPS ?? 9);
const PAGE = join(SHARED, 'fixtures/news-zh/02-founder-article-lead.html');
const round = (n) => Math.round(n * 10) / 10;

async function countingBench(server) {
  const bundle = readFileSync(
    await bundleEntry({
      entry: fileURLToPath(new URL('entry.ts', import.meta.url)), outDir: OUT, fileName: 'bench-content.js', format: 'iife',
      name: 'glossBench', alias: { 'wxt/browser': fileURLToPath(new URL('browser-stand-in.mjs', import.meta.url)) },
    }),
    'utf8',
  );
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.goto(server.add('/count.html', readFileSync(PAGE)));
    await page.addScriptTag({ content: bundle });
    return await page.evaluate(() => glossBench.measure(8, 3, 5));
  } finally {
    await browser.close();
  }
}

/** From the user's pointerup to the in-page UI's host in the document, on a page with no highlights (first selection). */
async function selectionLatency(server) {
  if (!existsSync(join(CHROME_DIST, 'manifest.json'))) return null;
  const url = server.add('/select.html', readFileSync(PAGE));
  const browser = await launchChromium({ extension: true });
  const samples = [];
  try {
    for (let r = 0; r < REPS; r++) {
      const page = await browser.context.newPage();
      await page.goto(`${url}?r=${r}`);
      await page.waitForTimeout(800);
      await page.evaluate(() => {
        window.__up = null;
        window.__ui = null;
        document.addEventListener('pointerup', () => (window.__up ??= performance.now()), true);
        new MutationObserver(() => {
          if (document.querySelector('gloss-page-ui')) window.__ui ??= performance.now();
        }).observe(document.documentElement, { childList: true });
      });
      const box = await page.locator('p').filter({ hasText: /.{60}/ }).first().boundingBox();
      await page.mouse.move(box.x + 2, box.y + 4);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.6, box.y + 4, { steps: 8 });
      await page.mouse.up();
      await page.waitForFunction(() => window.__ui !== null, null, { timeout: 10_000 });
      samples.push(await page.evaluate(() => window.__ui - window.__up));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return { median: median(samples), p95: quantile(samples, 0.95), samples: samples.map(round) };
}

const gzipOf = (file) => (existsSync(join(CHROME_DIST, file)) ? gzipSync(readFileSync(join(CHROME_DIST, file))).length : null);

const server = await startPageServer();
try {
  const counts = await countingBench(server);
  const latency = await selectionLatency(server);
  const sizes = { loaderGzipBytes: gzipOf('content-loader.js'), sessionGzipBytes: gzipOf('content-session.js') };
  const statusMessages = counts.load.messages['highlight.statuses'] ?? 0;
  console.log(`\nbench:content — ${counts.highlights} highlights on ${PAGE.split('/').pop()}, ${counts.fuzzy} of them edited by the publisher before the reload\n`);
  console.log('phase'.padEnd(40) + '| detectPage runs | messages to the background');
  const line = (name, p) => console.log(`${name.padEnd(40)}| ${String(p.detections).padStart(15)} | ${JSON.stringify(p.messages)}`);
  line(`making ${counts.highlights} highlights (one page)`, counts.create);
  line('page load (reload, one anchoring pass)', counts.load);
  line(`${counts.switches} tab switches (content.summary)`, counts.tabSwitch);
  console.log(`\nper page load: ${counts.load.detections} detection (target 1); per tab switch: ${counts.tabSwitch.detections / counts.switches} (target 0, cached); status messages per anchoring pass: ${statusMessages} for ${counts.fuzzy} changed statuses (target 1)`);
  if (latency) console.log(`first selection on a page without highlights → toolbar: median ${round(latency.median)} ms, p95 ${round(latency.p95)} ms over ${REPS} (target ≤ 100)`);
  else console.log('selection latency: skipped (no build in .output/chrome-mv3: run npx wxt build first)');
  console.log(`loader: ${sizes.loaderGzipBytes ?? 'not built'} bytes gzipped (target ≤ 5120); session, loaded on demand: ${sizes.sessionGzipBytes ?? 'not built'} bytes gzipped`);
  console.log(JSON.stringify({ bench: 'content', reps: REPS, counts, statusMessagesPerPass: statusMessages, selectionToToolbarMs: latency, ...sizes }));
} finally {
  await server.close();
}
