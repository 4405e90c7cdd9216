/**
 * Re-anchoring after load: article text that arrives late (lazy bodies), and
 * single-page-app navigation between two articles with history.pushState.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type Launched, type StaticServer } from './harness';
import { askContent, collectGlossErrors, highlightWithKey, paintedTexts, waitForPainted } from './highlight-helpers';

const STORY_A = 'The river authority opened the new flood gates on Monday after six years of planning and delays.';
const STORY_B = 'A quite different story about the school board and its budget vote, which runs to several pages.';

function page(lateMs: number | null): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Late</title></head><body>
<main id="main"><h1>Headline</h1></main>
<script>
  const stories = { '/spa/a': ${JSON.stringify(STORY_A)}, '/spa/b': ${JSON.stringify(STORY_B)}, '/late.html': ${JSON.stringify(STORY_A)} };
  function show() {
    const old = document.getElementById('story');
    if (old) old.remove();
    const p = document.createElement('p');
    p.id = 'story';
    p.textContent = stories[location.pathname];
    document.getElementById('main').append(p);
  }
  ${lateMs === null ? 'show();' : `setTimeout(show, ${lateMs});`}
  window.addEventListener('popstate', show);
  window.go = (path) => { history.pushState(null, '', path); show(); };
</script></body></html>`;
}

let browser: Launched;
let server: StaticServer;
let lateMs: number | null = null;

beforeAll(async () => {
  server = await startServer((path) =>
    path === '/late.html' || path.startsWith('/spa/') ? { body: page(path === '/late.html' ? lateMs : null), contentType: 'text/html; charset=utf-8' } : null,
  );
  browser = await launchChromium({ extension: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('re-anchoring after load', () => {
  it('paints a highlight whose text arrives after the page loaded', async () => {
    const tab = await browser.context.newPage();
    const errors = collectGlossErrors(tab);
    lateMs = null;
    await tab.goto(`${server.origin}/late.html`);
    await highlightWithKey(tab, 'h', 'opened the new flood gates');
    await waitForPainted(tab, 1);

    lateMs = 1500;
    await tab.reload();
    await tab.waitForTimeout(700);
    // Loaded, not there yet: an orphan for now, not painted.
    expect((await askContent<{ orphans: number }>(browser, tab.url(), 'content.anchorStatus', null)).orphans).toBe(1);
    await waitForPainted(tab, 1);
    expect((await paintedTexts(tab))['gloss-yellow']).toEqual(['opened the new flood gates']);
    expect(await askContent(browser, tab.url(), 'content.anchorStatus', null)).toMatchObject({ anchored: 1, orphans: 0 });
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('drops and brings back highlights when a single-page app navigates', async () => {
    const tab = await browser.context.newPage();
    const errors = collectGlossErrors(tab);
    await tab.goto(`${server.origin}/spa/a`);
    await highlightWithKey(tab, '2', 'six years of planning');
    await waitForPainted(tab, 1);

    await tab.evaluate(() => (window as unknown as { go(path: string): void }).go('/spa/b'));
    await waitForPainted(tab, 0);
    await highlightWithKey(tab, '3', 'school board');
    await waitForPainted(tab, 1);
    expect(await paintedTexts(tab)).toMatchObject({ 'gloss-blue': ['school board'] });

    await tab.evaluate(() => (window as unknown as { go(path: string): void }).go('/spa/a'));
    await tab.waitForFunction(() => (CSS.highlights.get('gloss-green')?.size ?? 0) === 1 && (CSS.highlights.get('gloss-blue')?.size ?? 0) === 0);
    expect((await paintedTexts(tab))['gloss-green']).toEqual(['six years of planning']);
    expect(errors).toEqual([]);
    await tab.close();
  });
});
