/**
 * Articles inside frames: an e-paper page whose stories sit in a same-origin frame and a cross-origin one (another
 * loopback host name). Each frame is its own page: selected with the mouse and highlighted with `h` there, stored
 * under the frame's own address, painted again after a reload of the embedding page and on the frame's page opened
 * by itself, and listed in the side panel under the frame's article. A story in an inline (srcdoc) frame belongs
 * to the page embedding it. And a story inside nested open shadow roots (web components).
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, ROOT, startServer, type Launched, type StaticServer } from './harness';
import { collectGlossErrors, readStore } from './highlight-helpers';
import { framePage, otherHost, phraseBox } from './frame-pages';
import { openExtensionPage, tabIdOf } from './panel-helpers';
import { uiOf } from './page-ui';

let browser: Launched;
let server: StaticServer;
let remoteOrigin: string;

beforeAll(async () => {
  server = await startServer((path) => framePage(path, remoteOrigin));
  remoteOrigin = otherHost(server.origin);
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  browser = await launchChromium({ extension: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const frameAt = (page: Page, path: string): Frame => {
  const frame = page.frames().find((f) => new URL(f.url()).pathname === path);
  if (!frame) throw new Error(`no frame ${path}`);
  return frame;
};

/** Texts painted in a frame's document (each document has its own highlight registry). */
const paintedIn = (frame: Frame): Promise<string[]> =>
  frame.evaluate(() => [...CSS.highlights.values()].flatMap((h) => [...h].map((r) => (r as Range).toString())));

async function waitForPaintedIn(frame: Frame, count: number) {
  await frame.waitForFunction((n) => [...CSS.highlights.values()].reduce((sum, h) => sum + h.size, 0) === n, count, { timeout: 10_000 });
}

/**
 * Drags the mouse over `phrase` inside a frame (the browser routes the input to the frame under the pointer) and
 * presses `h`. Right after loading, the frame's content script may not run yet: select again then.
 */
async function highlightWithMouse(page: Page, frame: Frame, phrase: string, painted: number) {
  const box = await frame.evaluate(phraseBox, [phrase, 'body'] as [string, 'body']);
  const offset = (await (await frame.frameElement()).boundingBox())!;
  for (let attempt = 0; ; attempt++) {
    await page.mouse.move(offset.x + box.x1, offset.y + box.y1);
    await page.mouse.down();
    await page.mouse.move(offset.x + box.x2, offset.y + box.y2, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(400); // the toolbar shows once the selection settled
    await page.keyboard.press('h');
    try {
      await waitForPaintedIn(frame, painted);
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
}

describe('articles in frames', () => {
  it('highlights in a same-origin and a cross-origin frame, each under its own address, and paints them again', async () => {
    const page = await browser.context.newPage();
    const errors = collectGlossErrors(page);
    await page.goto(`${server.origin}/epaper.html`);
    await highlightWithMouse(page, frameAt(page, '/story.html'), 'run the morning ferry half an hour later', 1);
    await highlightWithMouse(page, frameAt(page, '/remote.html'), 'approved the offshore wind farm', 1);
    expect(await paintedIn(frameAt(page, '/story.html'))).toEqual(['run the morning ferry half an hour later']);
    expect(await paintedIn(frameAt(page, '/remote.html'))).toEqual(['approved the offshore wind farm']);
    expect(await paintedIn(page.mainFrame())).toEqual([]);

    const highlights = await readStore<{ urlKey: string; articleId: string; selectors: { quote: { exact: string } } }>(browser, 'highlights');
    const articles = await readStore<{ id: string; url: string; title: string; authors: { name: string }[] }>(browser, 'articles');
    const articleOf = (exact: string) => articles.find((a) => a.id === highlights.find((h) => h.selectors.quote.exact === exact)!.articleId)!;
    expect(articleOf('run the morning ferry half an hour later')).toMatchObject({
      url: `${server.origin}/story.html`, title: 'Ferry timetable changes for the winter', authors: [{ name: 'Ana Lima' }],
    });
    expect(articleOf('approved the offshore wind farm')).toMatchObject({ url: `${remoteOrigin}/remote.html`, title: 'Wind farm approved off the northern cape' });

    await page.reload();
    await waitForPaintedIn(frameAt(page, '/story.html'), 1);
    await waitForPaintedIn(frameAt(page, '/remote.html'), 1);
    expect(await paintedIn(frameAt(page, '/story.html'))).toEqual(['run the morning ferry half an hour later']);

    // The frame's page opened by itself (a link out of the e-paper) paints it too.
    const alone = await browser.context.newPage();
    await alone.goto(`${server.origin}/story.html`);
    await waitForPaintedIn(alone.mainFrame(), 1);
    await alone.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists each frame\'s page in the side panel under its article, and "Highlight selection" acts in the frame selected in', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/epaper.html`);
    await waitForPaintedIn(frameAt(page, '/story.html'), 1);
    await waitForPaintedIn(frameAt(page, '/remote.html'), 1);
    const probe = await openExtensionPage(browser, 'popup.html');
    const tabId = await tabIdOf(probe, `${server.origin}/epaper.html`);
    await probe.close();

    const panel = await openExtensionPage(browser, `sidepanel.html?tab=${tabId}`);
    const frames = panel.locator('.frame-page');
    // Each frame's page renders its cards once its own data is read: wait for both.
    await panel.locator('.frame-page .highlight-card').nth(1).waitFor();
    expect(await frames.count()).toBe(2);
    const story = frames.filter({ hasText: 'Ferry timetable changes for the winter' });
    expect(await story.locator('h2.section-heading').textContent()).toBe('In an embedded frame: Ferry timetable changes for the winter');
    expect(await story.locator('.highlight-card').allTextContents()).toEqual([expect.stringContaining('run the morning ferry half an hour later')]);
    expect(await frames.filter({ hasText: 'Wind farm approved' }).locator('.highlight-card').allTextContents()).toEqual([
      expect.stringContaining('approved the offshore wind farm'),
    ]);
    await panel.screenshot({ path: join(ROOT, 'test-results/frames-panel.png'), fullPage: true });
    // The frame's article exports with links back to the frame's own page, where the passage is.
    await story.locator('.export-button').click();
    await panel.locator('.export-dialog .export-download').waitFor();
    await panel.selectOption('.export-dialog .export-format', 'markdown');
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.click('.export-dialog .export-download')]);
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toContain('title: "Ferry timetable changes for the winter"');
    const link = /\[↗\]\((\S+)\)/.exec(markdown)?.[1] ?? '';
    expect(link.startsWith(`${server.origin}/story.html#:~:text=`)).toBe(true);
    expect(link).toContain('run%20the%20morning%20ferry%20half%20an%20hour%20later');
    await panel.keyboard.press('Escape');
    // The embedding page has no article or highlight of its own: only its frames' pages are shown, without an
    // empty "no article" state above them.
    expect(await panel.locator('.page-view').count()).toBe(2);
    expect(await panel.locator('.empty-state').count()).toBe(0);

    // The popup's button: the selection is in the cross-origin frame, so the highlight is made there.
    await frameAt(page, '/remote.html').evaluate(() => {
      const paragraph = document.querySelectorAll('article p')[2]!;
      const range = document.createRange();
      range.selectNodeContents(paragraph.firstChild!);
      range.setEnd(paragraph.firstChild!, 'Construction of the first forty turbines'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const popup = await openExtensionPage(browser, `popup.html?tab=${tabId}`);
    // The popup lists the frames' stories below the e-paper shell, which has none of its own.
    await popup.locator('.frame-stories li').first().waitFor();
    expect(await popup.locator('.frame-stories li').allTextContents()).toEqual(['Ferry timetable changes for the winter', 'Wind farm approved off the northern cape']);
    expect(await popup.locator('.no-article').count()).toBe(0);
    await popup.screenshot({ path: join(ROOT, 'test-results/frames-popup.png') });
    await popup.getByRole('button', { name: /highlight selection/i }).click();
    await waitForPaintedIn(frameAt(page, '/remote.html'), 2);
    expect(await paintedIn(frameAt(page, '/remote.html'))).toContain('Construction of the first forty turbines');
    await popup.close();
    await panel.close();
    await page.close();
  });

  it('stores a story in an inline frame under the embedding page, repaints it there only, and the panel goes to it', async () => {
    const page = await browser.context.newPage();
    const errors = collectGlossErrors(page);
    await page.goto(`${server.origin}/inline.html`);
    const inline = () => page.frames().find((frame) => frame.url() === 'about:srcdoc')!;
    const phrase = 'drew forty readers a night';
    await inline().evaluate(() => document.querySelector('article p:last-of-type')!.scrollIntoView());
    await highlightWithMouse(page, inline(), phrase, 1);
    expect(await paintedIn(page.mainFrame())).toEqual([]);

    const highlights = await readStore<{ urlKey: string; articleId: string; selectors: { quote: { exact: string } } }>(browser, 'highlights');
    const articles = await readStore<{ id: string; url: string; urlKey: string; storyKey: string; title: string; authors: { name: string }[] }>(browser, 'articles');
    const made = highlights.find((h) => h.selectors.quote.exact === phrase)!;
    const article = articles.find((a) => a.id === made.articleId)!;
    expect(article).toMatchObject({ url: `${server.origin}/inline.html`, title: 'Library opens a reading room for the night shift', authors: [{ name: 'Mei Chen' }] });
    expect(article.storyKey).toMatch(/^frame:#brief:/);
    expect(made.urlKey).toBe(article.urlKey);

    // After a reload the frame paints it and the page around it leaves it alone (no orphan saved by the page).
    await page.reload();
    await waitForPaintedIn(inline(), 1);
    expect(await paintedIn(inline())).toEqual([phrase]);
    expect(await paintedIn(page.mainFrame())).toEqual([]);
    await page.waitForTimeout(1500); // orphans are saved once the page settled
    const stored = (await readStore<{ articleId: string; status: string }>(browser, 'highlights')).find((h) => h.articleId === article.id)!;
    expect(stored.status).toBe('anchored');

    const probe = await openExtensionPage(browser, 'popup.html');
    const tabId = await tabIdOf(probe, `${server.origin}/inline.html`);
    await probe.close();
    const panel = await openExtensionPage(browser, `sidepanel.html?tab=${tabId}`);
    const card = panel.locator('.highlight-card', { hasText: phrase });
    await card.waitFor();
    expect(await panel.locator('.frame-page').count()).toBe(0); // one page, not a frame of its own
    expect(await panel.locator('.article-section').first().textContent()).toContain('Library opens a reading room for the night shift');
    expect(await panel.locator('.orphans').count()).toBe(0);
    await inline().evaluate(() => scrollTo(0, 0));
    await card.getByRole('button', { name: 'Go to passage' }).click();
    await inline().waitForFunction(() => scrollY > 100, undefined, { timeout: 5000 });
    await panel.screenshot({ path: join(ROOT, 'test-results/frames-inline-panel.png'), fullPage: true });
    await panel.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says why a selection in a sandboxed or data: frame cannot be highlighted, in the popup and the side panel', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/closed.html`);
    await expect.poll(() => page.frames().filter((frame) => frame.url() === 'about:srcdoc').length).toBe(1);
    const sandboxed = page.frames().find((frame) => frame.url() === 'about:srcdoc')!;
    await sandboxed.waitForSelector('article p');
    // The user selects in the sandboxed frame and presses h: Gloss is not there, nothing is stored.
    await expect
      .poll(async () => {
        const box = (await (await sandboxed.frameElement()).boundingBox())!;
        const paragraph = await sandboxed.evaluate(() => document.querySelector('article p:last-of-type')!.getBoundingClientRect().toJSON() as DOMRect);
        await page.mouse.click(box.x + paragraph.left + 20, box.y + paragraph.top + paragraph.height / 2, { clickCount: 3 });
        return sandboxed.evaluate(() => getSelection()!.toString());
      })
      .toContain('night buses');
    await page.keyboard.press('h');
    const probe = await openExtensionPage(browser, 'popup.html');
    const tabId = await tabIdOf(probe, `${server.origin}/closed.html`);
    await probe.close();
    const popup = await openExtensionPage(browser, `popup.html?tab=${tabId}`);
    await popup.getByRole('button', { name: /highlight selection/i }).click();
    await expect.poll(() => popup.locator('.gloss-status').textContent()).toContain('cannot enter such frames');
    await popup.close();
    const stored = await readStore<{ selectors: { quote: { exact: string } } }>(browser, 'highlights');
    expect(stored.filter((h) => /night buses|ferry office/i.test(h.selectors.quote.exact))).toEqual([]);

    const panel = await openExtensionPage(browser, `sidepanel.html?tab=${tabId}`);
    const note = panel.locator('.closed-frames');
    await note.waitFor();
    expect(await note.textContent()).toBe(
      'Embedded frames Gloss cannot enter on this page (sandboxed, or not a web page): 2. Text in them cannot be highlighted.',
    );
    await panel.screenshot({ path: join(ROOT, 'test-results/frames-closed-panel.png') });
    await panel.close();
    await page.close();
  });
});

/** Texts painted in the page, ranges inside shadow roots included (the registry is the document's). */
const paintedInPage = (page: Page): Promise<string[]> =>
  page.evaluate(() => [...CSS.highlights.values()].flatMap((h) => [...h].map((r) => (r as Range).toString())));

/** Selects `phrase` in shadow.html with the mouse, in the open components' inner root or in the closed one. */
async function dragOver(page: Page, phrase: string, scope: 'shadow' | 'closed') {
  const box = await page.evaluate(phraseBox, [phrase, scope] as [string, typeof scope]);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

describe('articles in open shadow roots', () => {
  it('highlights a passage inside nested shadow roots with the mouse and h, and paints it again after a reload', async () => {
    const page = await browser.context.newPage();
    const errors = collectGlossErrors(page);
    await page.goto(`${server.origin}/shadow.html`);
    const phrase = 'the first lanes filled within minutes';
    await expect
      .poll(async () => {
        await dragOver(page, phrase, 'shadow');
        await page.waitForTimeout(400);
        await page.keyboard.press('h');
        await page.waitForTimeout(300);
        return paintedInPage(page);
      }, { timeout: 15_000 })
      .toEqual([phrase]);
    // The colour rules are in the shadow root that holds the passage (page styles do not reach into it).
    expect(await page.evaluate(() => {
      const tree = document.querySelector('news-story')!.shadowRoot!.querySelector('story-body')!.shadowRoot!;
      return tree.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('::highlight(gloss-')));
    })).toBe(true);
    const stored = await readStore<{ selectors: { quote: { exact: string }; fragment?: { textStart: string } } }>(browser, 'highlights');
    const made = stored.filter((h) => h.selectors.quote.exact === phrase);
    expect(made).toHaveLength(1);
    // Its link (`#:~:text=`): Chromium finds text fragments inside open shadow roots too.
    expect(made[0]!.selectors.fragment?.textStart).toBe(phrase);

    await page.reload();
    await expect.poll(() => paintedInPage(page), { timeout: 10_000 }).toEqual([phrase]);
    await page.screenshot({ path: join(ROOT, 'test-results/shadow-page.png') });
    // A click on the painted passage opens its popover (the caret over a shadow root is at its host: rects decide).
    const box = await page.evaluate(phraseBox, [phrase, 'shadow'] as [string, 'shadow']);
    await page.mouse.click((box.x1 + box.x2) / 2, box.y1);
    await uiOf(page).waitFor('.popover');
    expect(await uiOf(page).text('.popover .quote')).toBe(phrase);
    await page.keyboard.press('Escape');

    const probe = await openExtensionPage(browser, 'popup.html');
    const tabId = await tabIdOf(probe, `${server.origin}/shadow.html`);
    await probe.close();
    const panel = await openExtensionPage(browser, `sidepanel.html?tab=${tabId}`);
    await panel.locator('.highlight-card', { hasText: phrase }).waitFor();
    expect(await panel.locator('.orphans').count()).toBe(0);
    // Detection read the story inside the components: its title and byline, not the page's masthead.
    const section = await panel.locator('.article-section').first().textContent();
    expect(section).toContain('Harbour pool reopens after repairs');
    expect(section).toContain('Ana Lima');
    await panel.screenshot({ path: join(ROOT, 'test-results/shadow-panel.png') });
    await panel.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says why a selection inside a closed shadow root cannot be highlighted, and stores nothing', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/shadow.html`);
    const phrase = 'two euros for children';
    await expect
      .poll(async () => {
        await dragOver(page, phrase, 'closed');
        await page.waitForTimeout(500);
        return uiOf(page).text('.message');
      }, { timeout: 10_000 })
      .toMatch(/cannot read this selection/);
    await page.screenshot({ path: join(ROOT, 'test-results/shadow-closed.png') });
    await page.keyboard.press('h');
    await page.waitForTimeout(500);
    const stored = await readStore<{ selectors: { quote: { exact: string } } }>(browser, 'highlights');
    expect(stored.filter((h) => h.selectors.quote.exact.includes('euros'))).toEqual([]);
    await page.close();
  });
});
