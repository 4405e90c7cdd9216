// npm run bench:sidepanel: the side panel as users open it, in the built extension in Chromium.
//  1. an article with 1,000 highlights: time from opening sidepanel.html to 1,000 cards on screen
//     (side by side: the same panel on a page with no highlights);
//  2. a library of 100,000 highlights over 5,000 articles: the library's first screen (right after the restore
//     that seeds it, and BENCH_SETTLE_MS = 30 s later, once the database has settled), and a search
//     from keystroke to results on screen (the panel waits 120 ms for typing to pause; reported apart).
// Prints a table, then (last line) one JSON object with the same figures.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from '../../harness/bundle.mjs';
import { launchChromium } from '../../harness/chromium.mjs';
import { ROOT } from '../../harness/paths.mjs';
import { startPageServer } from '../../harness/server.mjs';
import { median, newsSentences, quantile, scrapinghubBodies } from '../kit.mjs';

const OUT = join(ROOT, '.cache/bench-sidepanel');
const PAGE_HIGHLIGHTS = Number(process.env.BENCH_PAGE_HIGHLIGHTS ?? 1_000);
const LIB_HIGHLIGHTS = Number(process.env.BENCH_HIGHLIGHTS ?? 100_000);
const LIB_ARTICLES = Number(process.env.BENCH_ARTICLES ?? 5_000);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const DEBOUNCE_MS = 120;
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 30_000);
const TARGETS = { pageOpenMs: 200, firstScreenMs: 150, searchMs: 50, panelHeapMb: 150, workerHeapMb: 100 };
const QUERIES = ['基层治理', '群众', 'pollution', 'trade war', '信访'];

async function bundle() {
  return readFileSync(
    await bundleEntry({ entry: fileURLToPath(new URL('entry.ts', import.meta.url)), outDir: OUT, fileName: 'entry.js', format: 'iife', name: 'GlossSidepanelBench' }),
    'utf8',
  );
}

function corpus() {
  return { ...newsSentences(), paragraphs: scrapinghubBodies().flatMap((body) => body.split('\n')).slice(0, 200) };
}

const p95 = (xs) => quantile(xs, 0.95);

async function main() {
  execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore' });
  const entry = await bundle();
  const { paragraphs, ...sentences } = corpus();
  const article = `<!doctype html><meta charset="utf-8"><title>Bench</title><article>${paragraphs.map((p) => `<p>${p.replace(/</g, '&lt;')}</p>`).join('')}</article>`;
  const server = await startPageServer();
  server.add('/article.html', article);
  server.add('/empty.html', '<title>Empty</title><p>Nothing here.</p>');
  const { origin } = server;
  // Playwright's default viewport, which the recorded figures were measured at.
  const browser = await launchChromium({ extension: true, context: { viewport: { width: 1280, height: 720 } } });
  const { context } = browser;
  try {
    const extension = `chrome-extension://${browser.extensionId}`;
    const tabOf = async (ui, url) => ui.evaluate(async (target) => {
      for (const tab of await chrome.tabs.query({})) {
        const reply = await chrome.tabs.sendMessage(tab.id, { channel: 'gloss/1', type: 'content.summary', data: null }, { frameId: 0 }).catch(() => null);
        if (reply?.ok && reply.value.url === target) return { id: tab.id, urlKey: reply.value.urlKey };
      }
      throw new Error('no tab for ' + target);
    }, url);

    const articlePage = await context.newPage();
    await articlePage.goto(`${origin}/article.html`);
    const emptyPage = await context.newPage();
    await emptyPage.goto(`${origin}/empty.html`);
    const ui = await context.newPage();
    await ui.goto(`${extension}/options.html`);
    await ui.evaluate(entry);
    const bench = (name, ...args) => ui.evaluate(([n, a]) => globalThis.glossSidepanelBench[n](...a), [name, args]);
    const articleTab = await tabOf(ui, `${origin}/article.html`);
    const emptyTab = await tabOf(ui, `${origin}/empty.html`);
    await bench('clear');
    await bench('seedPage', articleTab.urlKey, `${origin}/article.html`, paragraphs, PAGE_HIGHLIGHTS);

    // 1. Open the panel on the article, and on the empty page for comparison.
    // Waits until `selector` matches at least `count` elements (functions, not strings: the page's CSP forbids eval).
    const openTimes = async (tabId, selector, count) => {
      const times = [];
      for (let i = 0; i < REPS; i++) {
        const panel = await context.newPage();
        await panel.goto(`${extension}/sidepanel.html?tab=${tabId}`);
        await panel.waitForFunction(([s, n]) => document.querySelectorAll(s).length >= n, [selector, count], { timeout: 60_000, polling: 'raf' });
        times.push(await panel.evaluate(() => performance.now()));
        await panel.close();
      }
      return times;
    };
    const firstCards = await openTimes(articleTab.id, '.highlight-card', 20);
    const withHighlights = await openTimes(articleTab.id, '.highlight-card', PAGE_HIGHLIGHTS);
    const emptyPanel = await openTimes(emptyTab.id, '.empty-state', 1);

    // 2. The library at scale.
    await bench('clear');
    const seedMs = await bench('seedLibrary', sentences, LIB_ARTICLES, LIB_HIGHLIGHTS);
    const firstScreenAfterRestore = await openTimes(emptyTab.id + '&view=library', '.recent-item', 20);
    // Right after writing hundreds of megabytes the database is busy compacting them; a reader opens the panel later.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const firstScreen = await openTimes(emptyTab.id + '&view=library', '.recent-item', 20);
    const panel = await context.newPage();
    await panel.goto(`${extension}/sidepanel.html?view=library`);
    await panel.waitForSelector('.recent-item');
    // A reader looks at the first screen before typing: let the overview's charts finish loading.
    await panel.waitForSelector('.tag-bars li, .tag-bars + p', { timeout: 120_000 });
    const search = [];
    for (let r = 0; r < REPS; r++) {
      for (const query of QUERIES) {
        await panel.fill('.search-input', '');
        await panel.waitForSelector('.recent-item');
        search.push({
          query,
          ms: await panel.evaluate(async (query) => {
            const input = document.querySelector('.search-input');
            const started = performance.now();
            input.value = query;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            return new Promise((resolve) => {
              const check = () => {
                const items = document.querySelectorAll('.result-item blockquote');
                if (document.querySelector('.results-count')?.textContent && (items.length > 0 || document.querySelector('.empty-state'))) resolve(performance.now() - started);
                else requestAnimationFrame(check);
              };
              check();
            });
          }, query),
        });
      }
    }
    // Heap after the searches, after a GC: the panel's, and the background worker's as it reports it.
    const cdp = await context.newCDPSession(panel);
    await cdp.send('HeapProfiler.collectGarbage');
    const panelHeap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const worker = context.serviceWorkers()[0];
    const workerHeap = worker ? await worker.evaluate(() => globalThis.performance?.memory?.usedJSHeapSize ?? null).catch(() => null) : null;
    const searchTotals = search.map((s) => s.ms);
    const searchAfterPause = searchTotals.map((ms) => ms - DEBOUNCE_MS);
    const figures = {
      pageHighlights: PAGE_HIGHLIGHTS,
      pageFirstScreenMedianMs: +median(firstCards).toFixed(1),
      pageFirstScreenP95Ms: +p95(firstCards).toFixed(1),
      pageOpenMedianMs: +median(withHighlights).toFixed(1),
      pageOpenP95Ms: +p95(withHighlights).toFixed(1),
      emptyPanelMedianMs: +median(emptyPanel).toFixed(1),
      libraryHighlights: LIB_HIGHLIGHTS,
      libraryArticles: LIB_ARTICLES,
      librarySeedMs: Math.round(seedMs),
      firstScreenRightAfterRestoreMedianMs: +median(firstScreenAfterRestore).toFixed(1),
      firstScreenRightAfterRestoreP95Ms: +p95(firstScreenAfterRestore).toFixed(1),
      firstScreenMedianMs: +median(firstScreen).toFixed(1),
      firstScreenP95Ms: +p95(firstScreen).toFixed(1),
      searchTypedToShownMedianMs: +median(searchTotals).toFixed(1),
      searchAfterTypingPauseMedianMs: +median(searchAfterPause).toFixed(1),
      searchAfterTypingPauseP95Ms: +p95(searchAfterPause).toFixed(1),
      panelHeapBytes: panelHeap,
      workerHeapBytes: workerHeap,
      targets: TARGETS,
    };
    console.log('\nSide panel benchmark (built extension, Chromium, real IndexedDB)\n');
    console.log(`| measure | median | p95 | target |`);
    console.log(`|---|---|---|---|`);
    console.log(`| open panel, article with ${PAGE_HIGHLIGHTS} highlights, to the first 20 cards shown | ${figures.pageFirstScreenMedianMs} ms | ${figures.pageFirstScreenP95Ms} ms | ≤ ${TARGETS.pageOpenMs} ms |`);
    console.log(`| open panel, article with ${PAGE_HIGHLIGHTS} highlights, to all cards in the DOM | ${figures.pageOpenMedianMs} ms | ${figures.pageOpenP95Ms} ms | — |`);
    console.log(`| open panel, page with no highlights (baseline) | ${figures.emptyPanelMedianMs} ms | ${p95(emptyPanel).toFixed(1)} ms | — |`);
    console.log(`| library first screen right after the restore (${LIB_HIGHLIGHTS} highlights / ${LIB_ARTICLES} articles) | ${figures.firstScreenRightAfterRestoreMedianMs} ms | ${figures.firstScreenRightAfterRestoreP95Ms} ms | — |`);
    console.log(`| library first screen ${SETTLE_MS / 1000} s later | ${figures.firstScreenMedianMs} ms | ${figures.firstScreenP95Ms} ms | ≤ ${TARGETS.firstScreenMs} ms |`);
    console.log(`| search, typing pause (${DEBOUNCE_MS} ms) to results shown | ${figures.searchAfterTypingPauseMedianMs} ms | ${figures.searchAfterTypingPauseP95Ms} ms | ≤ ${TARGETS.searchMs} ms |`);
    console.log(`| search, keystroke to results shown (incl. pause) | ${figures.searchTypedToShownMedianMs} ms | ${p95(searchTotals).toFixed(1)} ms | — |`);
    const mb = (bytes) => (bytes === null ? 'not reported' : `${(bytes / 1048576).toFixed(1)} MB`);
    console.log(`| side panel JS heap after the searches (after GC) | ${mb(panelHeap)} | | ≤ 150 MB at 250,000 |`);
    console.log(`| background worker JS heap (performance.memory, no GC) | ${mb(workerHeap)} | | ≤ 100 MB |`);
    console.log(`\nseeding ${LIB_HIGHLIGHTS} highlights by a restore (rows, then the index in one pass): ${figures.librarySeedMs} ms`);
    console.log(JSON.stringify(figures));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
