/**
 * The Firefox build in a real Firefox (ESR, driven over WebDriver BiDi by
 * puppeteer-core): the content script answers, a highlight is written through
 * the background into the extension's IndexedDB, and the sidebar lists it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { framePage, otherHost, phraseBox } from './frame-pages';
import { storeRows } from './panel-helpers';
import { FIREFOX_DIST, ROOT, launchFirefox, openFirefoxExtensionPage, sharedFixtureRoute, startServer, type StaticServer } from './harness';

let firefox: Browser;
let server: StaticServer;
/** Replacements applied to the served pages, to play the publisher editing an article. */
let edits: [string, string][] = [];
/** The article highlighted by the first test, revisited by the second. */
let highlighted: { page: Page; ui: Page; sidebar: Page } | undefined;

beforeAll(async () => {
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  server = await startServer((path) => {
    const served = sharedFixtureRoute(path) ?? framePage(path, otherHost(server.origin));
    if (!served || !edits.length) return served;
    let html = served.body.toString();
    for (const [from, to] of edits) html = html.replace(from, to);
    return { ...served, body: html };
  });
  firefox = await launchFirefox();
}, 60_000);

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const extensionPage = (path: string): Promise<Page> => openFirefoxExtensionPage(firefox, path);

async function untilAnswered<T>(ask: () => Promise<T | null>, what: string, seconds = 10): Promise<T> {
  for (let i = 0; i < seconds * 5; i++) {
    const answer = await ask();
    if (answer != null) return answer;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The id of the tab whose page (frame 0) is at `url`, asked from an extension page once its content script answers. */
const firefoxTabOf = (ui: Page, url: string): Promise<number> =>
  untilAnswered(
    () =>
      ui.evaluate(async (target) => {
        for (const tab of await browser.tabs.query({})) {
          const reply = await browser.tabs.sendMessage(tab.id!, { channel: 'gloss/1', type: 'content.summary', data: null }, { frameId: 0 }).catch(() => null);
          if (reply?.ok && reply.value.url === target) return tab.id!;
        }
        return null;
      }, url),
    `the content script of ${url}`,
  );

it('highlights a Chinese passage in Firefox and lists it in the sidebar', async () => {
  expect(JSON.parse(readFileSync(join(FIREFOX_DIST, 'manifest.json'), 'utf8')).sidebar_action.default_panel).toBe('sidepanel.html');
  const url = `${server.origin}/fixtures/news-zh/02-founder-article-lead.html`;
  const page = await firefox.newPage();
  await page.goto(url);
  const ui = await extensionPage('popup.html');

  const tabId = await firefoxTabOf(ui, url);

  const quote = '许多上访事件源于群众对政策不理解';
  await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error('quote not found');
  }, quote);
  const reply = await ui.evaluate(
    (id) => browser.tabs.sendMessage(id, { channel: 'gloss/1', type: 'content.highlightSelection', data: { color: 'green' } }, { frameId: 0 }),
    tabId,
  );
  expect(reply).toMatchObject({ ok: true, value: { ok: true } });

  const stored = ((await ui.evaluate(storeRows, 'highlights')) as { selectors: { quote: { exact: string } }; color: string }[])
    .map((h) => ({ exact: h.selectors.quote.exact, color: h.color }));
  expect(stored).toEqual([{ exact: quote, color: 'green' }]);

  const sidebar = await extensionPage(`sidepanel.html?tab=${tabId}`);
  const listed = await untilAnswered(
    () => sidebar.evaluate(() => document.querySelector('.highlight-card blockquote')?.textContent ?? null),
    'the sidebar list',
  );
  expect(listed).toBe(quote);
  // Firefox has no pageCapture: the panel says so instead of offering a button that cannot work.
  const snapshots = await untilAnswered(() => sidebar.evaluate(() => document.querySelector('.snapshots')?.textContent ?? null), 'the snapshots section');
  expect(snapshots).toMatch(/not available in Firefox|Firefox 不支持网页快照/);
  expect(await sidebar.evaluate(() => document.querySelector('.snapshot-save'))).toBeNull();
  highlighted = { page, ui, sidebar };
});

it('says in the sidebar that the article changed since it was clipped, with the word diff, in Firefox', async () => {
  const { page, ui, sidebar } = highlighted!;
  const versions = async () => (await ui.evaluate(storeRows, 'versions')).length;
  expect(await sidebar.evaluate(() => document.querySelector('.article-changed'))).toBeNull();

  edits = [['全县共召开屋场恳谈会12298场次', '全县共召开屋场恳谈会12398场次']];
  await page.reload();
  // The visit's text is reported once the page settled (about six seconds after the load): the clipped text
  // becomes the first version and the edited one the second.
  const notice = await untilAnswered(() => sidebar.evaluate(() => document.querySelector('.article-changed')?.textContent ?? null), 'the notice', 30);
  expect(notice).toMatch(/Changed since you clipped it|自你摘录以来/);
  expect(await versions()).toBe(2);
  await sidebar.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('.article-changed button')].find((b) => /Show changes|显示改动/.test(b.textContent ?? ''))!.click());
  const diff = await untilAnswered(
    () =>
      sidebar.evaluate(() => {
        const read = (tag: string) => [...document.querySelectorAll(`.version-diff ${tag}`)].map((e) => e.textContent);
        return document.querySelector('.version-diff ins') ? { added: read('ins'), removed: read('del') } : null;
      }),
    'the diff',
  );
  expect(diff).toEqual({ added: ['12398'], removed: ['12298'] });
  await sidebar.screenshot({ path: join(ROOT, 'test-results', 'firefox-sidebar-changed.png') });
  edits = [];
}, 60_000);

it('keeps its in-page UI closed to the page and acts only on the user\'s own key press in Firefox', async () => {
  const url = `${server.origin}/fixtures/news-zh/03-portal-article-shigu.html`;
  const page = await firefox.newPage();
  await page.goto(url);
  const ui = await extensionPage('popup.html');
  const highlightCount = () =>
    ui.evaluate(async (target) => {
      for (const tab of await browser.tabs.query({})) {
        const reply = await browser.tabs.sendMessage(tab.id!, { channel: 'gloss/1', type: 'content.summary', data: null }, { frameId: 0 }).catch(() => null);
        if (reply?.ok && reply.value.url === target) return reply.value.highlightCount as number;
      }
      return null;
    }, url);
  expect(await untilAnswered(highlightCount, 'the content script')).toBe(0);

  // A scripted selection, then a synthetic "h" from the page: nothing.
  await page.evaluate(() => {
    const paragraph = [...document.querySelectorAll('p')].find((p) => (p.textContent ?? '').trim().length > 80)!;
    const range = document.createRange();
    range.setStart(paragraph.firstChild!, 2);
    range.setEnd(paragraph.firstChild!, 12);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  // The toolbar shows for it (Gloss mounts its UI then): from here on a real "h" would highlight.
  await untilAnswered(() => page.evaluate(() => (document.querySelector('gloss-page-ui') ? true : null)), 'the toolbar');
  await new Promise((done) => setTimeout(done, 300));
  await page.evaluate(() => {
    for (const target of [document.body, document, window]) target.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', bubbles: true }));
  });
  await new Promise((done) => setTimeout(done, 800));
  expect(await highlightCount()).toBe(0);

  // The user's own key press highlights.
  await page.keyboard.press('h');
  await untilAnswered(async () => ((await highlightCount()) === 1 ? true : null), 'the highlight');

  // The UI is drawn (the bucket bar on the right edge is hit by the page as the host element), its root is closed.
  const seen = await untilAnswered(
    () =>
      page.evaluate(() => {
        const host = document.querySelector('gloss-page-ui');
        const hit = document.elementFromPoint(document.documentElement.clientWidth - 4, innerHeight / 2);
        return hit === host ? { host: Boolean(host), shadowRoot: host?.shadowRoot ?? null } : null;
      }),
    'the bucket bar',
  );
  expect(seen).toEqual({ host: true, shadowRoot: null });
});

it('takes a note typed after the "n" key in its framed editor, unheard by the page, in Firefox', async () => {
  const url = `${server.origin}/fixtures/news-zh/02-founder-article-lead.html`;
  const page = await firefox.newPage();
  await page.goto(url);
  const ui = await extensionPage('popup.html');
  const notes = async () => ((await ui.evaluate(storeRows, 'highlights')) as { note: string }[]).map((h) => h.note);
  await untilAnswered(
    () =>
      ui.evaluate(async (target) => {
        for (const tab of await browser.tabs.query({})) {
          const reply = await browser.tabs.sendMessage(tab.id!, { channel: 'gloss/1', type: 'content.summary', data: null }, { frameId: 0 }).catch(() => null);
          if (reply?.ok && reply.value.url === target) return true;
        }
        return null;
      }, url),
    'the content script',
  );
  const before = (await notes()).length;
  // A selection (the toolbar shows for it), then the user's own "n": highlight and write a note.
  await untilAnswered(async () => {
    await page.evaluate(() => {
      const paragraph = [...document.querySelectorAll('p')].filter((p) => (p.firstChild?.textContent ?? '').trim().length > 40).at(-1)!;
      const range = document.createRange();
      range.setStart(paragraph.firstChild!, 1);
      range.setEnd(paragraph.firstChild!, 9);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await new Promise((done) => setTimeout(done, 800));
    await page.keyboard.press('n');
    await new Promise((done) => setTimeout(done, 800));
    return (await notes()).length > before ? true : null;
  }, 'the highlight');
  // The editor frame takes the focus (the page sees only Gloss's host element focused).
  await untilAnswered(() => page.evaluate(() => (document.activeElement?.tagName === 'GLOSS-PAGE-UI' ? true : null)), 'the note editor');
  await new Promise((done) => setTimeout(done, 500));
  await page.evaluate(() => {
    const heard: string[] = ((window as unknown as { __keys: string[] }).__keys = []);
    for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input']) addEventListener(type, (event) => heard.push(type), true);
  });
  await page.keyboard.type('firefox note 5820');
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
  await untilAnswered(async () => ((await notes()).includes('firefox note 5820') ? true : null), 'the saved note');
  expect((await notes()).length).toBe(before + 1);
  expect(await page.evaluate(() => (window as unknown as { __keys: string[] }).__keys)).toEqual([]);
});

/** The WebExtension API as extension pages see it in Firefox. */
declare const browser: typeof chrome;

/** The sidebar for the tab at `url`, once its first article lists a highlight: that article's text, and counts. */
async function sidebarOf(ui: Page, url: string): Promise<{ section: string | null; framePages: number; orphans: number }> {
  const sidebar = await extensionPage(`sidepanel.html?tab=${await firefoxTabOf(ui, url)}`);
  const listed = await untilAnswered(
    () =>
      sidebar.evaluate(() => {
        const section = document.querySelector('.article-section');
        return section?.querySelector('.highlight-card')
          ? { section: section.textContent, framePages: document.querySelectorAll('.frame-page').length, orphans: document.querySelectorAll('.orphans').length }
          : null;
      }),
    `the sidebar of ${url}`,
  );
  await sidebar.close();
  return listed;
}

/** Texts Gloss painted in a frame's document: custom highlights where Firefox has them, else the wrapping marks. */
const paintedIn = (frame: Frame): Promise<string[]> =>
  frame.evaluate(() =>
    globalThis.CSS && 'highlights' in CSS
      ? [...CSS.highlights.values()].flatMap((h) => [...h].map((r) => (r as Range).toString()))
      : [...new Set([...document.querySelectorAll('[data-gloss-id]')].map((m) => m.getAttribute('data-gloss-id')))].map((id) =>
          [...document.querySelectorAll(`[data-gloss-id="${id}"]`)].map((m) => m.textContent).join('')),
  );

const frameOf = (page: Page, path: string): Frame => {
  const frame = page.frames().find((f) => f.url().endsWith(path));
  if (!frame) throw new Error(`no frame ${path}`);
  return frame;
};

/** Drags the mouse over `phrase` in a frame and presses `h`; again while the frame's content script is not ready. */
async function highlightInFrame(page: Page, path: string, phrase: string) {
  for (let attempt = 0; attempt < 6; attempt++) {
    const frame = frameOf(page, path);
    const box = await frame.evaluate(phraseBox, [phrase, 'body'] as [string, 'body']);
    const at = (await (await frame.frameElement())!.boundingBox())!;
    await page.mouse.move(at.x + box.x1, at.y + box.y1);
    await page.mouse.down();
    await page.mouse.move(at.x + box.x2, at.y + box.y2, { steps: 8 });
    await page.mouse.up();
    await new Promise((done) => setTimeout(done, 500));
    await page.keyboard.press('h');
    for (let i = 0; i < 10; i++) {
      if ((await paintedIn(frame)).includes(phrase)) return;
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  throw new Error(`"${phrase}" was not highlighted in ${path}`);
}

it('highlights in a same-origin and a cross-origin frame in Firefox, paints them after a reload and lists them in the sidebar', async () => {
  const page = await firefox.newPage();
  await page.setViewport({ width: 1000, height: 1100 }); // both frames in view, for the mouse
  await page.goto(`${server.origin}/epaper.html`);
  await highlightInFrame(page, '/story.html', 'run the morning ferry half an hour later');
  await highlightInFrame(page, '/remote.html', 'approved the offshore wind farm');
  const ui = await extensionPage('popup.html');
  const rows = (await ui.evaluate(storeRows, 'articles')) as { url: string; title: string }[];
  expect(rows.filter((a) => a.url.endsWith('/story.html') || a.url.endsWith('/remote.html')).map((a) => [a.url, a.title]).sort()).toEqual([
    [`${server.origin}/story.html`, 'Ferry timetable changes for the winter'],
    [`${otherHost(server.origin)}/remote.html`, 'Wind farm approved off the northern cape'],
  ]);

  await page.reload();
  const repainted = await untilAnswered(async () => {
    const texts = [...(await paintedIn(frameOf(page, '/story.html'))), ...(await paintedIn(frameOf(page, '/remote.html')))];
    return texts.length === 2 ? texts : null;
  }, 'the repaint');
  expect(repainted).toEqual(['run the morning ferry half an hour later', 'approved the offshore wind farm']);

  const tabId = await firefoxTabOf(ui, `${server.origin}/epaper.html`);
  const sidebar = await extensionPage(`sidepanel.html?tab=${tabId}`);
  const listed = await untilAnswered(
    () =>
      sidebar.evaluate(() => {
        const sections = [...document.querySelectorAll('.frame-page')];
        // Both frames' pages, each with its card (read once its own data is in).
        return sections.length === 2 && sections.every((s) => s.querySelector('.highlight-card blockquote'))
          ? sections.map((s) => [s.querySelector('h2.section-heading')?.textContent, s.querySelector('.highlight-card blockquote')?.textContent])
          : null;
      }),
    'the frames in the sidebar',
  );
  expect(listed).toEqual([
    ['In an embedded frame: Ferry timetable changes for the winter', 'run the morning ferry half an hour later'],
    ['In an embedded frame: Wind farm approved off the northern cape', 'approved the offshore wind farm'],
  ]);
  await sidebar.screenshot({ path: join(ROOT, 'test-results', 'firefox-sidebar-frames.png') });
  await sidebar.close();
  await ui.close();
  await page.close();
}, 60_000);

it('stores a story in an inline (srcdoc) frame under the embedding page and paints it there again in Firefox', async () => {
  const page = await firefox.newPage();
  await page.setViewport({ width: 1000, height: 800 });
  await page.goto(`${server.origin}/inline.html`);
  const phrase = 'drew forty readers a night';
  await frameOf(page, 'about:srcdoc').evaluate(() => document.querySelector('article p:last-of-type')!.scrollIntoView());
  await highlightInFrame(page, 'about:srcdoc', phrase);
  const ui = await extensionPage('popup.html');
  const articles = (await ui.evaluate(storeRows, 'articles')) as { url: string; title: string; storyKey: string }[];
  expect(articles.find((a) => a.title === 'Library opens a reading room for the night shift')).toMatchObject({
    url: `${server.origin}/inline.html`, storyKey: expect.stringMatching(/^frame:#brief:/),
  });

  await page.reload();
  const repainted = await untilAnswered(async () => {
    const texts = await paintedIn(frameOf(page, 'about:srcdoc'));
    return texts.length ? texts : null;
  }, 'the repaint in the inline frame');
  expect(repainted).toEqual([phrase]);
  expect(await paintedIn(page.mainFrame())).toEqual([]);
  // The sidebar lists it under the page (one page, not a frame of its own), not as an orphan.
  const listed = await sidebarOf(ui, `${server.origin}/inline.html`);
  expect(listed.section).toContain('Library opens a reading room for the night shift');
  expect(listed.section).toContain(phrase);
  expect([listed.framePages, listed.orphans]).toEqual([0, 0]);
  await ui.close();
  await page.close();
}, 60_000);

it('highlights a passage inside nested open shadow roots with the mouse and h, and paints it again, in Firefox', async () => {
  const page = await firefox.newPage();
  await page.goto(`${server.origin}/shadow.html`);
  const phrase = 'the first lanes filled within minutes';
  const painted = () => paintedIn(page.mainFrame());
  const made = await untilAnswered(async () => {
    const box = await page.evaluate(phraseBox, [phrase, 'shadow'] as [string, 'shadow']);
    await page.mouse.move(box.x1, box.y1);
    await page.mouse.down();
    await page.mouse.move(box.x2, box.y2, { steps: 8 });
    await page.mouse.up();
    await new Promise((done) => setTimeout(done, 500));
    await page.keyboard.press('h');
    await new Promise((done) => setTimeout(done, 500));
    const texts = await painted();
    return texts.length ? texts : null;
  }, 'the highlight in the shadow root', 20);
  expect(made).toEqual([phrase]);
  await page.reload();
  expect(await untilAnswered(async () => ((await painted()).length ? painted() : null), 'the repaint')).toEqual([phrase]);
  // The sidebar lists it under the story detection read inside the components.
  const ui = await extensionPage('popup.html');
  const listed = await sidebarOf(ui, `${server.origin}/shadow.html`);
  expect(listed.section).toContain('Harbour pool reopens after repairs');
  expect(listed.section).toContain(phrase);
  expect(listed.orphans).toBe(0);
  await ui.close();
  await page.close();
}, 60_000);
