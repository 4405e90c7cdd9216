/**
 * The MV3 worker stopped in the middle of saving a highlight (CDP ServiceWorker.stopAllWorkers), once for each of
 * 20 passages. Half the stops are timed, at delays that hunt for the moment between the commit and the answer;
 * the other half hit a busy worker (its answer comes 150 ms after the commit) as soon as the row is visible, which
 * is after the commit and before the answer. Whatever the moment, each passage must be stored exactly once,
 * painted, said "Saved", and the user must never see the browser's own messaging text. A user who is told
 * "not saved" tries again, as people do: that is how the old code made copies.
 */
import type { CDPSession, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type Launched, type StaticServer } from './harness';
import { paintedTexts } from './highlight-helpers';
import { askContent, openExtensionPage, readStoreIn, selectText, tabIdOf } from './panel-helpers';

const PASSAGES = Array.from({ length: 20 }, (_, i) => `Entry ${i + 1} of the harbour log records ship number ${101 + i} at berth ${i + 3}`);

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour log</title></head><body>
<article><h1>The harbour log for the week</h1>
<p class="byline">By A. Reporter</p>
${PASSAGES.map((p, i) => `<p>${p}, and the pilot on duty signed the book at ${8 + (i % 10)} o'clock.</p>`).join('\n')}
</article></body></html>`;

/** What the browser says when a message or its answer got lost: none of it may reach the user. */
const RAW_BROWSER_TEXT =
  /Could not establish connection|Receiving end does not exist|message port closed|message channel closed|No answer to|Extension context invalidated/i;

interface Row {
  id: string;
  createdAt: number;
  selectors: { quote: { exact: string } };
}

interface Reply {
  ok: boolean;
  error?: string;
  value?: { ok: boolean; reason?: string };
}

let browser: Launched;
let server: StaticServer;

beforeAll(async () => {
  server = await startServer((path) => (path === '/log.html' ? { body: PAGE, contentType: 'text/html; charset=utf-8' } : null));
  browser = await launchChromium({ extension: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every text node of the in-page UI, read through CDP (which sees closed shadow roots too), as the user sees it. */
async function pageUiText(cdp: CDPSession): Promise<string> {
  type DomNode = { nodeName: string; nodeValue?: string; children?: DomNode[]; shadowRoots?: DomNode[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const texts: string[] = [];
  const walk = (node: DomNode, inUi: boolean) => {
    const here = inUi || node.nodeName === 'GLOSS-PAGE-UI';
    if (here && node.nodeName === '#text' && node.nodeValue) texts.push(node.nodeValue);
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child, here);
  };
  walk(root, false);
  return texts.join(' ');
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** How long a busy worker takes between committing a write and answering (a worker busy with other work). */
const BUSY_AFTER_COMMIT_MS = 150;

/**
 * The running workers, woken by a harmless request. Each stop ends the worker the harness first saw (its handle
 * goes stale) and the next message starts a new one: look them up again every time.
 */
async function liveWorkers(ui: Page): Promise<Worker[]> {
  await ui.evaluate(() => chrome.runtime.sendMessage({ channel: 'gloss/1', type: 'stats.get', data: null }));
  const origin = `chrome-extension://${browser.extensionId}/`;
  for (let attempt = 0; attempt < 100; attempt++) {
    const candidates = browser.context.serviceWorkers().filter((w) => w.url().startsWith(origin));
    const live = (await Promise.all(candidates.map(async (w) => ((await w.evaluate(() => true).catch(() => false)) ? w : null))))
      .filter((w): w is Worker => w !== null);
    if (live.length) return live;
    await sleep(20);
  }
  throw new Error('the extension worker did not start again');
}

/**
 * Makes this worker slow to notice that a write committed: Dexie's `oncomplete` handler of a read-write transaction
 * (where it goes on to answer) runs `ms` later, as it would in a worker busy with other work. A stop sent once the
 * row is visible then lands after the commit and before the answer, not by luck of timing.
 */
async function slowDownCommits(worker: Worker, ms: number): Promise<void> {
  await worker.evaluate((ms) => {
    const scope = globalThis as { glossTestSlowCommits?: boolean };
    if (scope.glossTestSlowCommits) return;
    scope.glossTestSlowCommits = true;
    const native = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'oncomplete')!;
    Object.defineProperty(IDBTransaction.prototype, 'oncomplete', {
      configurable: true,
      get(this: IDBTransaction) {
        return native.get!.call(this);
      },
      set(this: IDBTransaction, listener: ((event: Event) => void) | null) {
        const tx = this;
        const late = listener && tx.mode === 'readwrite' ? (event: Event) => setTimeout(() => listener.call(tx, event), ms) : listener;
        native.set!.call(tx, late);
      },
    });
  }, ms);
}

/** Polls the database from an extension page until the passage's row is there (its write committed). */
async function untilStored(ui: Page, passage: string): Promise<void> {
  await ui.evaluate(async (passage) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('gloss');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const stored = () =>
      new Promise<boolean>((resolve) => {
        const request = db.transaction('highlights').objectStore('highlights').getAll();
        request.onsuccess = () => resolve(request.result.some((r) => r.selectors.quote.exact === passage));
        request.onerror = () => resolve(false);
      });
    for (const start = Date.now(); Date.now() - start < 5000; ) if (await stored()) break;
    db.close();
  }, passage);
}

describe('the worker stopped mid-write', () => {
  it('leaves exactly one record per passage, every passage painted, and no raw browser text shown', async () => {
    const page: Page = await browser.context.newPage();
    let retries = 0;
    page.on('console', (message) => {
      if (/no answer to highlight\.create/i.test(message.text())) retries++;
    });
    await page.goto(`${server.origin}/log.html`);
    const ui = await openExtensionPage(browser, 'popup.html');
    const tabId = await tabIdOf(ui, page.url());
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');

    const shown: string[] = [];
    const perPassage: { busy: boolean; lostAfterCommit: boolean; userRetries: number; saved: boolean; savedShown: boolean }[] = [];
    let delay = 0;
    for (const [i, passage] of PASSAGES.entries()) {
      const retriesBefore = retries;
      const busy = i % 2 === 1;
      if (busy) for (const worker of await liveWorkers(ui)) await slowDownCommits(worker, BUSY_AFTER_COMMIT_MS);
      await selectText(page, 'p', passage);
      const asked = askContent(ui, tabId, 'content.highlightSelection', { color: 'yellow' }) as Promise<Reply>;
      if (busy) await untilStored(ui, passage);
      else await sleep(delay);
      const stopSentAt = Date.now();
      await cdp.send('ServiceWorker.stopAllWorkers');
      let reply = await asked;
      await page.evaluate(() => 0); // the page's console messages logged so far have arrived
      const firstFailed = !(reply.ok && reply.value?.ok);
      shown.push(reply.error ?? '', await pageUiText(cdp));
      let userRetries = 0;
      while (!(reply.ok && reply.value?.ok) && userRetries < 3) {
        // Told it was not saved, the user selects the passage again and highlights it again.
        userRetries++;
        await sleep(300);
        await selectText(page, 'p', passage);
        reply = (await askContent(ui, tabId, 'content.highlightSelection', { color: 'yellow' })) as Reply;
        shown.push(reply.error ?? '', await pageUiText(cdp));
      }
      const saved = Boolean(reply.ok && reply.value?.ok);
      const savedShown = saved && (await pageUiText(cdp)).includes('Saved');
      const rows = (await readStoreIn<Row>(ui, 'highlights')).filter((r) => r.selectors.quote.exact === passage);
      // The first attempt's write committed (its row predates the stop) yet its answer never came back directly.
      const firstCommitted = rows.some((r) => r.createdAt < stopSentAt);
      const firstAnswerLost = firstFailed || retries > retriesBefore;
      perPassage.push({ busy, lostAfterCommit: firstCommitted && firstAnswerLost, userRetries, saved, savedShown });
      // A timed stop hunts for the moment between the commit and the answer: later if it came before the write,
      // earlier if it came after the answer.
      if (!busy && !firstCommitted) delay += 2;
      else if (!busy && !firstAnswerLost) delay = Math.max(0, delay - 1);
    }

    const rows = await readStoreIn<Row>(ui, 'highlights');
    const counts = PASSAGES.map((p) => rows.filter((r) => r.selectors.quote.exact === p).length);
    const painted = Object.values(await paintedTexts(page)).flat();
    const figures = {
      passages: PASSAGES.length,
      rows: rows.length,
      stopsAfterCommitBeforeAnswer: perPassage.filter((p) => p.lostAfterCommit).length,
      ofTheTimedStops: perPassage.filter((p) => !p.busy && p.lostAfterCommit).length,
      ofTheBusyWorkerStops: perPassage.filter((p) => p.busy && p.lostAfterCommit).length,
      requestsSentAgainByGloss: retries,
      passagesTheUserHadToRetry: perPassage.filter((p) => p.userRetries > 0).length,
      rawBrowserTextShown: shown.filter((text) => RAW_BROWSER_TEXT.test(text)).length,
    };
    console.log(`security-writes: ${JSON.stringify(figures)}`);

    expect(perPassage.map((p) => p.saved), 'each passage saved in the end').toEqual(PASSAGES.map(() => true));
    expect(counts, 'records per passage').toEqual(PASSAGES.map(() => 1));
    expect(perPassage.map((p) => p.savedShown), 'the in-page UI says "Saved" once the record came back').toEqual(PASSAGES.map(() => true));
    for (const passage of PASSAGES) expect(painted, 'painted').toContain(passage);
    expect(shown.filter((text) => RAW_BROWSER_TEXT.test(text)), 'raw browser text shown to the user').toEqual([]);
    // The run is only a test of lost answers if some stops did land between the commit and the answer.
    expect(figures.stopsAfterCommitBeforeAnswer).toBeGreaterThan(0);
    await ui.close();
    await page.close();
  }, 240_000);
});

describe('a request right after a new selection', () => {
  it('highlights the passage selected now, not an earlier one the toolbar still shows', async () => {
    const page: Page = await browser.context.newPage();
    await page.goto(`${server.origin}/log.html`);
    const ui = await openExtensionPage(browser, 'popup.html');
    const tabId = await tabIdOf(ui, page.url());
    const earlier = 'Entry 3 of the harbour log';
    const now = 'Entry 4 of the harbour log';
    await selectText(page, 'p', earlier);
    await sleep(600); // the toolbar shows for the earlier selection
    await selectText(page, 'p', now);
    // Asked at once, before the debounced selection check runs again.
    const reply = (await askContent(ui, tabId, 'content.highlightSelection', { color: 'yellow' })) as Reply;
    expect(reply.ok && reply.value?.ok, 'saved').toBe(true);
    const quotes = (await readStoreIn<Row>(ui, 'highlights')).map((r) => r.selectors.quote.exact);
    expect(quotes).toContain(now);
    expect(quotes).not.toContain(earlier);
    await ui.close();
    await page.close();
  });
});
