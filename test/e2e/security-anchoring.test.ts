/**
 * Hostile anchoring in a real Chromium with the built extension: a deleted
 * police-log entry must not be painted on its neighbour of the same shape, and
 * a page that ticks every 50 ms must not stop a re-rendered highlight from
 * being painted again (nor have its status claim a paint that is gone).
 */
import type { AnchorReport } from '../../lib/messaging';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type Launched, type StaticServer } from './harness';
import { askContent, collectGlossErrors, paintedTexts, selectText, waitForPainted } from './highlight-helpers';

const ENTRY = 'At 10:15 a car was stopped on Mill Street and one man was arrested.';
const NEIGHBOUR = 'At 11:40 a car was stopped on Mill Road and no one was arrested.';
const LOG = [
  'At 08:50 a resident reported a stolen bicycle outside the library on Park Lane.',
  'At 09:30 officers were called to a noisy party on Station Road; it ended by itself.',
  ENTRY,
  NEIGHBOUR,
  'At 13:05 a shop on the High Street reported a broken window overnight.',
];
const STORY = 'The river authority opened the new flood gates on Monday after six years of planning and delays.';

function logPage(withEntry: boolean): string {
  const entries = LOG.filter((line) => withEntry || line !== ENTRY).map((line) => `<li>${line}</li>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Police log</title></head><body>
<main><article><h1>Police log, Saturday</h1><p>Calls logged by the town's police station on Saturday.</p><ul>${entries.join('')}</ul>
<p>The station's front desk is open again on Monday from nine.</p></article></main></body></html>`;
}

/**
 * A live clock that re-renders every 50 ms; `rerender()` swaps every text node of the article for an equal
 * one, `rewrite()` replaces the highlighted paragraph with other text.
 */
const CLOCK_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live</title></head><body>
<header>Updated <span id="clock"></span></header>
<main><article><h1>Flood gates open</h1><p>${STORY}</p><p>Engineers said the gates would be tested again in spring.</p></article></main>
<script>
  setInterval(() => { document.getElementById('clock').textContent = new Date().toISOString(); }, 50);
  window.rerender = () => {
    const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    for (const node of nodes) node.replaceWith(document.createTextNode(node.data));
  };
  window.rewrite = () => { document.querySelector('article p').textContent = 'The story was replaced by a short notice about the weekend weather.'; };
</script></body></html>`;

let browser: Launched;
let server: StaticServer;
let entryDeleted = false;

beforeAll(async () => {
  server = await startServer((path) => {
    const html = path === '/log.html' ? logPage(!entryDeleted) : path === '/clock.html' ? CLOCK_PAGE : null;
    return html === null ? null : { body: html, contentType: 'text/html; charset=utf-8' };
  });
  browser = await launchChromium({ extension: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Report = AnchorReport;

/** Selects `text` and highlights it through the content script (retrying while the content script starts). */
async function highlight(tab: Page, text: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await selectText(tab, text);
    try {
      const result = await askContent<{ ok: boolean; reason?: string }>(browser, tab.url(), 'content.highlightSelection', { color: 'yellow' });
      if (!result.ok) throw new Error(`not highlighted: ${result.reason}`);
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
      await tab.waitForTimeout(500);
    }
  }
}

/** The content script's report once it has loaded `count` highlights. */
async function reportOf(tab: Page, count: number): Promise<Report> {
  for (let attempt = 0; ; attempt++) {
    const report = await askContent<Report>(browser, tab.url(), 'content.anchorStatus', null).catch(() => null);
    if (report && report.highlights.length === count) return report;
    if (attempt >= 20) throw new Error(`no report with ${count} highlights: ${JSON.stringify(report)}`);
    await tab.waitForTimeout(250);
  }
}

const allPainted = async (tab: Page) => Object.values(await paintedTexts(tab)).flat();

describe('anchoring on hostile pages', () => {
  it('leaves a deleted police-log entry an orphan instead of painting it on the neighbouring entry', async () => {
    entryDeleted = false;
    const tab = await browser.context.newPage();
    const errors = collectGlossErrors(tab);
    await tab.goto(`${server.origin}/log.html`);
    await highlight(tab, ENTRY);
    await waitForPainted(tab, 1);
    expect(await allPainted(tab)).toEqual([ENTRY]);

    entryDeleted = true;
    await tab.reload();
    expect(await tab.evaluate(() => document.body.innerText)).not.toContain('10:15');
    const report = await reportOf(tab, 1);
    // Give late re-anchoring its chance to do the wrong thing.
    await tab.waitForTimeout(2500);
    expect(await allPainted(tab)).toEqual([]);
    expect(report).toMatchObject({ anchored: 0, fuzzy: 0, orphans: 1 });
    expect(await askContent<Report>(browser, tab.url(), 'content.anchorStatus', null)).toMatchObject({ anchored: 0, fuzzy: 0, orphans: 1 });
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('paints a highlight again within 3 s after a re-render on a page whose clock ticks every 50 ms', async () => {
    const tab = await browser.context.newPage();
    const errors = collectGlossErrors(tab);
    await tab.goto(`${server.origin}/clock.html`);
    await highlight(tab, 'opened the new flood gates');
    await waitForPainted(tab, 1);
    expect(await allPainted(tab)).toEqual(['opened the new flood gates']);
    // Let the clock tick for a while first: constant churn, nothing to re-anchor.
    await tab.waitForTimeout(3000);

    // Read in the same task as the re-render: the painted range went with the old text nodes.
    const justAfter = await tab.evaluate(() => {
      (window as unknown as { rerender(): void }).rerender();
      return [...CSS.highlights.values()].flatMap((h) => [...h]).map((r) => (r as Range).toString());
    });
    expect(justAfter).toEqual(['']);
    const started = Date.now();
    await tab.waitForFunction(
      () => [...CSS.highlights.values()].flatMap((h) => [...h]).map((r) => (r as Range).toString()).join('|') === 'opened the new flood gates',
      null,
      { timeout: 3000, polling: 50 },
    );
    expect(Date.now() - started).toBeLessThanOrEqual(3000);
    // What the status says is what is painted.
    expect(await askContent<Report>(browser, tab.url(), 'content.anchorStatus', null)).toMatchObject({ anchored: 1, fuzzy: 0, orphans: 0 });
    expect(await allPainted(tab)).toEqual(['opened the new flood gates']);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('does not report a highlight as anchored once the ticking page replaced its text', async () => {
    const tab = await browser.context.newPage();
    await tab.goto(`${server.origin}/clock.html?story=2`); // another page address: the previous test's highlight stays away
    await highlight(tab, 'six years of planning');
    await waitForPainted(tab, 1);
    // Past the reload that follows the save's broadcast: from now on only the watcher can notice.
    await tab.waitForTimeout(3000);
    expect(await askContent<Report>(browser, tab.url(), 'content.anchorStatus', null)).toMatchObject({ anchored: 1, orphans: 0 });
    await tab.evaluate(() => (window as unknown as { rewrite(): void }).rewrite());
    await tab.waitForTimeout(3000);
    expect((await allPainted(tab)).filter(Boolean)).toEqual([]);
    expect(await askContent<Report>(browser, tab.url(), 'content.anchorStatus', null)).toMatchObject({ anchored: 0, fuzzy: 0, orphans: 1 });
    await tab.close();
  });
});
