/** The side panel's library: search in Chinese and English, filter by tag and colour, keyboard, overview. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, ROOT, sharedFixtureRoute, startServer, type Launched, type StaticServer } from './harness';
import { corpusRoute } from './highlight-helpers';
import { highlightText, openExtensionPage, tabIdOf } from './panel-helpers';

const ENGLISH = '042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856';
let browser: Launched;
let server: StaticServer;
let panel: Page;

async function tag(ui: Page, id: string, tags: string[]) {
  const reply = await ui.evaluate(
    ([id, tags]) => chrome.runtime.sendMessage({ channel: 'gloss/1', type: 'highlight.update', data: { id, patch: { tags } } }),
    [id, tags] as const,
  );
  expect(reply.ok).toBe(true);
}

beforeAll(async () => {
  server = await startServer((path) => sharedFixtureRoute(path) ?? corpusRoute(path));
  browser = await launchChromium({ extension: true });
  const ui = await openExtensionPage(browser, 'popup.html');

  const zhUrl = `${server.origin}/fixtures/news-zh/02-founder-article-lead.html`;
  const zh = await browser.context.newPage();
  await zh.goto(zhUrl);
  const zhTab = await tabIdOf(ui, zhUrl);
  const a = await highlightText(zh, ui, zhTab, 'p', '许多上访事件源于群众对政策不理解', 'blue');
  const b = await highlightText(zh, ui, zhTab, 'p', '屋场恳谈会成功的关键是让群众把心里话说出来', 'green');
  await tag(ui, a.id, ['基层治理/信访']);
  await tag(ui, b.id, ['基层治理']);

  const enUrl = `${server.origin}/corpus/${ENGLISH}.html`;
  const en = await browser.context.newPage();
  await en.goto(enUrl);
  const enTab = await tabIdOf(ui, enUrl);
  const c = await highlightText(en, ui, enTab, 'p', 'Gaming used to be so simple', 'yellow');
  await tag(ui, c.id, ['games']);
  await ui.close();

  panel = await openExtensionPage(browser, 'sidepanel.html?view=library');
  await panel.setViewportSize({ width: 420, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const resultQuotes = () => panel.$$eval('.result-item blockquote', (els) => els.map((e) => e.textContent ?? ''));

async function search(text: string) {
  await panel.fill('.search-input', text);
  await panel.waitForFunction(
    (text) => document.querySelector('.results-count')?.textContent !== '' && (document.querySelector('.search-input') as HTMLInputElement).value === text,
    text,
  );
  await panel.waitForTimeout(300);
}

describe('library', () => {
  it('shows the overview and recent articles before any search', async () => {
    await panel.waitForSelector('.recent-item >> nth=1');
    expect(await panel.$$eval('.recent-item strong', (els) => els.length)).toBe(2);
    expect(await panel.textContent('.tag-bars')).toContain('基层治理');
    await panel.screenshot({ path: join(ROOT, 'test-results/library-overview.png'), fullPage: true });
  });

  it('finds Chinese text without word boundaries, and only what matches', async () => {
    await search('心里话');
    expect(await resultQuotes()).toEqual(['屋场恳谈会成功的关键是让群众把心里话说出来']);
    // The article's kicker names 屋场恳谈会: a search for it finds the article's highlights too.
    await search('恳谈会');
    expect((await resultQuotes()).sort()).toEqual(['许多上访事件源于群众对政策不理解', '屋场恳谈会成功的关键是让群众把心里话说出来'].sort());
    await search('政策');
    expect(await resultQuotes()).toEqual(['许多上访事件源于群众对政策不理解']);
  });

  it('finds English words case-insensitively and by prefix', async () => {
    await search('GAMING');
    expect(await resultQuotes()).toEqual(['Gaming used to be so simple']);
    await search('simpl');
    expect(await resultQuotes()).toEqual(['Gaming used to be so simple']);
    await panel.screenshot({ path: join(ROOT, 'test-results/library-search.png'), fullPage: true });
  });

  it('filters by a tag and its children, and by colour', async () => {
    await search('');
    await panel.locator('.tag-filter summary').click();
    await panel.getByRole('treeitem', { name: /^基层治理/ }).first().click();
    await panel.waitForSelector('.result-item >> nth=1');
    expect((await resultQuotes()).sort()).toEqual(['许多上访事件源于群众对政策不理解', '屋场恳谈会成功的关键是让群众把心里话说出来'].sort());
    await panel.getByRole('button', { name: /Only Evidence/ }).click();
    await panel.waitForFunction(() => document.querySelectorAll('.result-item').length === 1);
    expect(await resultQuotes()).toEqual(['屋场恳谈会成功的关键是让群众把心里话说出来']);
    await panel.getByRole('button', { name: /Clear filters/ }).click();
  });

  it('works from the keyboard: / focuses search, arrows move through results', async () => {
    await panel.click('.gloss-header');
    await panel.keyboard.press('/');
    expect(await panel.evaluate(() => document.activeElement?.className)).toContain('search-input');
    await panel.keyboard.type('基层');
    await panel.waitForSelector('.result-item >> nth=1');
    await panel.focus('.result-item');
    await panel.keyboard.press('ArrowDown');
    const focused = await panel.evaluate(() => [...document.querySelectorAll('.result-item')].indexOf(document.activeElement!));
    expect(focused).toBe(1);
  });
});
