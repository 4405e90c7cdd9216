/**
 * A story continued on another page of the edition (test/fixtures/continued, hand-written): detection in
 * Chromium finds each page's label and the jump lines; with the built extension, highlights on both parts
 * are listed together in the side panel, in reading order, each with its page.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/detect/runtime.mjs';
import { fileRoute } from '../../scripts/harness/server.mjs';
import { ROOT, startServer, type StaticServer } from './harness';
import { highlightText, openExtensionPage, openPageWithExtension, readStoreIn, tabIdOf, type PageSession } from './panel-helpers';

const DIR = '/html/2026-03/02/';
const route = fileRoute({ [DIR]: join(ROOT, 'test/fixtures/continued') });
const TITLE = '老街改造留住城市记忆';

describe('detection of a continued story', () => {
  let server: StaticServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    server = await startServer(route);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([
    ['node_1.html', '01', null, '2', '为了留住街巷原来的尺度'],
    ['node_2.html', '02', '1', null, '工程结束后，旧石板按编号'],
  ])('reads %s: page %s, jump lines from %s and to %s, markers out of the text', async (file, page, from, to, edge) => {
    await browser.open(`${server.origin}${DIR}${file}`);
    const got = await browser.detect(file, `${server.origin}${DIR}${file}`);
    expect(got.pageKind).toBe('multi-article');
    const index = got.articles.findIndex((a: { title: string }) => a.title === TITLE);
    expect(index).toBeGreaterThanOrEqual(0);
    const story = got.articles[index];
    expect(story.page).toBe(page);
    expect(story.siteName).toBe('江城日报');
    expect(story.publishedDate).toBe('2026-03-02');
    expect(got.extra[index].continuedFrom?.page ?? null).toBe(from);
    expect(got.extra[index].continuedTo?.page ?? null).toBe(to);
    const text = story.paragraphs.join('\n');
    expect(text).not.toMatch(/下转|上接/);
    expect(text).toContain(edge);
    // The other story on the page has no jump line.
    const other = got.extra.find((_: unknown, i: number) => i !== index);
    expect(other.continuedFrom ?? other.continuedTo ?? null).toBeNull();
  });
});

describe('side panel with a continued story', () => {
  let session: PageSession;
  beforeAll(async () => {
    session = await openPageWithExtension(`${DIR}node_1.html`, route);
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });

  it('lists the highlights of both pages together, in reading order, each with its page', async () => {
    const { browser } = session;
    // The inside page first: the panel must still put the front page's part first.
    const inside = await browser.context.newPage();
    const insideUrl = `${session.server.origin}${DIR}node_2.html`;
    await inside.goto(insideUrl);
    const ui = await openExtensionPage(browser, 'popup.html');
    await highlightText(inside, ui, await tabIdOf(ui, insideUrl), 'p', '旧石板按编号一块块铺回原处', 'green');
    await session.highlight('先把每一块旧石板编号拍照');
    await session.highlight('预计有四百余家企业进场', 'blue');

    const articles = await readStoreIn<{ title: string; page?: string; continuedFrom?: string | null; continuedTo?: string | null }>(ui, 'articles');
    const parts = articles.filter((a) => a.title === TITLE).map((a) => [a.page, a.continuedFrom, a.continuedTo]).sort();
    expect(parts).toEqual([['01', null, '2'], ['02', '1', null]]);

    for (const tabId of [session.tabId, await tabIdOf(ui, insideUrl)]) {
      const panel = await openExtensionPage(browser, `sidepanel.html?tab=${tabId}`);
      await panel.waitForSelector('.continued-story');
      const section = panel.locator('.article-section', { has: panel.locator('.continued-story') });
      expect(await section.locator('.highlight-card blockquote').allTextContents()).toEqual(['先把每一块旧石板编号拍照', '旧石板按编号一块块铺回原处']);
      const places = await section.locator('.highlight-place').allTextContents();
      expect(places).toHaveLength(2);
      expect(places[0]).toMatch(/01/);
      expect(places[1]).toMatch(/02/);
      expect(await section.locator('.continued-story').textContent()).toMatch(/01, 02/);
      await panel.close();
    }
    // The other story of the front page stays on its own.
    const panel = await openExtensionPage(browser, `sidepanel.html?tab=${session.tabId}`);
    await panel.waitForSelector('.continued-story');
    const quotes = await panel.locator('.article-section').allTextContents();
    expect(quotes.filter((text) => text.includes('预计有四百余家企业进场'))).toHaveLength(1);
    expect(quotes.find((text) => text.includes('预计有四百余家企业进场'))).not.toContain('旧石板按编号');
  });
});
