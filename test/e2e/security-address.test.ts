/**
 * Hostile addresses, in real Chromium with the built extension. Every host name
 * maps to the local server (--host-resolver-rules), so victim.github.io and
 * attacker.github.io are two sites on one port, as they are on GitHub Pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, startServer, type Launched, type StaticServer } from './harness';
import { paintedTexts, readStore, selectText } from './highlight-helpers';
import { askContent, openExtensionPage } from './panel-helpers';

const PASSAGE = 'The harbour board met in private on Tuesday night';
const OWN_PASSAGE = 'Readers of this page may leave a comment below';

const page = (title: string, head: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;

const article = (h1: string, ...paragraphs: string[]) =>
  `<article><h1>${h1}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>`;

const DIARY = [
  `${PASSAGE} and agreed to sell the old ferry pier to a developer.`,
  'Minutes of the meeting were not published, and two members left before the vote was taken.',
  'The sale still needs the approval of the county council, which meets again next month.',
];

// The SPA: story A at load; go('b') pushes /spa/story-b and renders story B, leaving the canonical link on A.
const SPA_SCRIPT = `<script>
  const stories = {
    a: ['Story A: the bridge reopens', 'The old bridge reopened to traffic on Monday after two years of repairs.', 'Engineers said the new deck should last fifty years.'],
    b: ['Story B: the library closes', 'The central library will close its doors at the end of the month for lack of funds.', 'Volunteers have offered to run a reading room in the town hall.'],
  };
  function render(key) {
    const [title, ...ps] = stories[key];
    document.title = title;
    document.querySelector('main').innerHTML = '<article><h1>' + title + '</h1>' + ps.map((p) => '<p>' + p + '</p>').join('') + '</article>';
  }
  window.go = (key) => { history.pushState({}, '', '/spa/story-' + key); render(key); };
  render(location.pathname.endsWith('story-b') ? 'b' : 'a');
</script>`;

let browser: Launched;
let server: StaticServer;
let port: string;
const at = (host: string, path: string) => `http://${host}:${port}${path}`;

beforeAll(async () => {
  server = await startServer((path) => {
    const html = (body: string) => ({ body, contentType: 'text/html; charset=utf-8' });
    if (path === '/diary/2024-05-01.html') return html(page('Victim diary', '', article('Harbour board', ...DIARY)));
    if (path === '/lure.html') {
      // A copy of the victim's text, pointing its canonical link and og:url at the victim's address.
      const victim = at('victim.github.io', '/diary/2024-05-01.html');
      const head = `<link rel="canonical" href="${victim}"><meta property="og:url" content="${victim}">`;
      return html(page('Lure', head, article('Harbour board (copy)', ...DIARY, `${OWN_PASSAGE}, says the attacker.`)));
    }
    if (path === '/news/story.html' || path === '/amp/story.html') {
      const head = `<link rel="canonical" href="${at('example.co.uk', '/news/story.html')}">`;
      return html(page('UK story', head, article('Council tax', ...DIARY)));
    }
    if (path === '/spa/story-a' || path === '/spa/story-b') {
      return html(page('SPA', `<link rel="canonical" href="${at('spa.example.com', '/spa/story-a')}">`, `<main></main>${SPA_SCRIPT}`));
    }
    return null;
  });
  port = new URL(server.origin).port;
  browser = await launchChromium({ extension: true, args: ['--host-resolver-rules=MAP * 127.0.0.1'] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Summary { url: string; urlKey: string | null; title: string }
interface Stored { id: string; urlKey: string; note: string; articleId: string; selectors: { quote: { exact: string } } }
interface StoredArticle { id: string; urlKey: string; title: string; url: string }
interface Report { anchored: number; fuzzy: number; orphans: number; highlights: unknown[] }

/** The tab whose content script reports `title` (pages may claim any URL, so they are found by title). */
async function tabWithTitle(ui: Page, title: string): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const id = await ui.evaluate(async (title) => {
      for (const tab of await chrome.tabs.query({})) {
        const reply = await chrome.tabs.sendMessage(tab.id!, { channel: 'gloss/1', type: 'content.summary', data: null }, { frameId: 0 }).catch(() => null);
        if (reply?.ok && reply.value.title === title) return tab.id!;
      }
      return null;
    }, title);
    if (id != null) return id;
    await ui.waitForTimeout(100);
  }
  throw new Error(`no content script answers for a page titled ${title}`);
}

async function ask<T>(ui: Page, tabId: number, type: string, data: unknown): Promise<T> {
  const reply = (await askContent(ui, tabId, type, data)) as { ok: boolean; value: T; error?: string } | undefined;
  if (!reply?.ok) throw new Error(`${type} failed: ${reply?.error}`);
  return reply.value;
}

async function highlight(ui: Page, tab: Page, tabId: number, from: string): Promise<Stored> {
  await selectText(tab, from);
  const result = await ask<{ ok: boolean; highlight: Stored; reason?: string }>(ui, tabId, 'content.highlightSelection', { color: 'yellow' });
  if (!result.ok) throw new Error(`highlight refused: ${result.reason}`);
  return result.highlight;
}

const allPainted = async (tab: Page) => Object.values(await paintedTexts(tab)).flat();

async function waitForPaintedCount(tab: Page, atLeast: number): Promise<void> {
  await tab.waitForFunction((n) => [...CSS.highlights.values()].reduce((sum, h) => sum + h.size, 0) >= n, atLeast, { timeout: 10_000 });
}

describe('a page cannot get another site’s highlights by naming its address', () => {
  it('paints nothing of victim.github.io on attacker.github.io, whose canonical and og:url point at the victim', async () => {
    const ui = await openExtensionPage(browser, 'popup.html');
    const victim = await browser.context.newPage();
    await victim.goto(at('victim.github.io', '/diary/2024-05-01.html'));
    const victimTab = await tabWithTitle(ui, 'Victim diary');
    const secret = await highlight(ui, victim, victimTab, PASSAGE);
    // The note is written the way the side panel writes it: from an extension page, through the background.
    const noted = await ui.evaluate(
      (id) => chrome.runtime.sendMessage({ channel: 'gloss/1', type: 'highlight.update', data: { id, patch: { note: 'my private note' } } }),
      secret.id,
    );
    expect(noted).toMatchObject({ ok: true, value: { note: 'my private note' } });
    await victim.close();

    const lure = await browser.context.newPage();
    await lure.goto(at('attacker.github.io', '/lure.html'));
    const lureTab = await tabWithTitle(ui, 'Lure');
    // The attacker's own highlight, then a reload: once it is painted again, the page's highlights have loaded.
    await highlight(ui, lure, lureTab, OWN_PASSAGE);
    await lure.reload();
    const reloadedTab = await tabWithTitle(ui, 'Lure');
    await waitForPaintedCount(lure, 1);
    await lure.waitForTimeout(500);
    expect(await allPainted(lure)).toEqual([OWN_PASSAGE]);
    const report = await ask<Report>(ui, reloadedTab, 'content.anchorStatus', null);
    expect(report.highlights).toHaveLength(1);
    expect((await ask<Summary>(ui, reloadedTab, 'content.summary', null)).urlKey).toBe(`attacker.github.io:${port}/lure.html`);

    const stored = await readStore<Stored>(browser, 'highlights');
    const victimKey = `victim.github.io:${port}/diary/2024-05-01.html`;
    expect(stored.filter((h) => h.note === 'my private note').map((h) => h.urlKey)).toEqual([victimKey]);
    expect(stored.filter((h) => h.urlKey === victimKey).map((h) => h.id)).toEqual([secret.id]);
    expect(stored.filter((h) => h.urlKey !== victimKey).map((h) => [h.urlKey, h.selectors.quote.exact])).toEqual([
      [`attacker.github.io:${port}/lure.html`, OWN_PASSAGE],
    ]);
    const articles = await readStore<StoredArticle>(browser, 'articles');
    expect(articles.find((a) => a.urlKey === victimKey)?.title).toBe('Harbour board');
    await lure.close();
    await ui.close();
  });

  it('still follows a canonical link within the same registrable domain (www.example.co.uk to example.co.uk)', async () => {
    const ui = await openExtensionPage(browser, 'popup.html');
    const original = await browser.context.newPage();
    await original.goto(at('example.co.uk', '/news/story.html'));
    const stored = await highlight(ui, original, await tabWithTitle(ui, 'UK story'), PASSAGE);
    expect(stored.urlKey).toBe(`example.co.uk:${port}/news/story.html`);
    await original.close();

    const amp = await browser.context.newPage();
    await amp.goto(at('www.example.co.uk', '/amp/story.html?utm_source=feed'));
    const ampTab = await tabWithTitle(ui, 'UK story');
    await waitForPaintedCount(amp, 1);
    expect(await allPainted(amp)).toEqual([PASSAGE]);
    expect(await ask<Report>(ui, ampTab, 'content.anchorStatus', null)).toMatchObject({ anchored: 1, orphans: 0 });
    expect((await ask<Summary>(ui, ampTab, 'content.summary', null)).urlKey).toBe(`example.co.uk:${port}/news/story.html`);
    await amp.close();
    await ui.close();
  });
});

describe('a single-page app whose canonical link stays on the first story', () => {
  it('stores story B’s highlight under story B and leaves story A’s article as it was', async () => {
    const ui = await openExtensionPage(browser, 'popup.html');
    const spa = await browser.context.newPage();
    await spa.goto(at('spa.example.com', '/spa/story-a'));
    const tabId = await tabWithTitle(ui, 'Story A: the bridge reopens');
    const onA = await highlight(ui, spa, tabId, 'The old bridge reopened');
    expect(onA.urlKey).toBe(`spa.example.com:${port}/spa/story-a`);

    await spa.evaluate(() => (window as unknown as { go(key: string): void }).go('b'));
    await spa.waitForTimeout(700); // the content script's reload after a navigation
    const onB = await highlight(ui, spa, tabId, 'The central library will close');
    expect(onB.urlKey).toBe(`spa.example.com:${port}/spa/story-b`);
    expect((await ask<Summary>(ui, tabId, 'content.summary', null)).urlKey).toBe(`spa.example.com:${port}/spa/story-b`);

    const articles = await readStore<StoredArticle>(browser, 'articles');
    const byKey = Object.fromEntries(articles.filter((a) => a.urlKey.startsWith('spa.')).map((a) => [a.urlKey, a.title]));
    expect(byKey).toEqual({
      [`spa.example.com:${port}/spa/story-a`]: 'Story A: the bridge reopens',
      [`spa.example.com:${port}/spa/story-b`]: 'Story B: the library closes',
    });
    // Story B's highlight is painted and story A's is not counted on story B.
    expect(await allPainted(spa)).toEqual(['The central library will close']);
    await spa.close();
    await ui.close();
  });
});
