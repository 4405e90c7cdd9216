/**
 * The built extension in a real Chromium: the content script answers on a
 * served page, the background writes to the extension's IndexedDB, and the
 * popup, side panel and options pages render.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, sharedFixtureRoute, startServer, type Launched, type StaticServer } from './harness';
import { askContent, openExtensionPage, readStoreIn, tabIdOf } from './panel-helpers';

let browser: Launched;
let server: StaticServer;

beforeAll(async () => {
  server = await startServer(sharedFixtureRoute);
  browser = await launchChromium({ extension: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const extensionPage = (path: string) => openExtensionPage(browser, path);

describe('the built extension in Chromium', () => {
  it('starts its background service worker', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('runs the content script on a news page and saves a highlight through the background', async () => {
    const url = `${server.origin}/fixtures/news-zh/02-founder-article-lead.html`;
    const page = await browser.context.newPage();
    await page.goto(url);
    const ui = await extensionPage('popup.html');
    const tabId = await tabIdOf(ui, url);

    const summary = (await askContent(ui, tabId, 'content.summary', null)) as { ok: boolean; value: { title: string; urlKey: string } };
    expect(summary.ok).toBe(true);
    expect(summary.value.title).toContain('小屋场');
    expect(summary.value.urlKey).toBe(`127.0.0.1:${new URL(server.origin).port}/fixtures/news-zh/02-founder-article-lead.html`);

    // Select a Chinese passage in the page, then ask the content script to highlight it.
    const quote = await page.evaluate(() => {
      const paragraph = [...document.querySelectorAll('p')].find((p) => (p.textContent ?? '').includes('屋场恳谈会'))!;
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString().trim();
    });
    expect(quote.length).toBeGreaterThan(10);
    const created = (await askContent(ui, tabId, 'content.highlightSelection', { color: 'green' })) as {
      ok: boolean;
      value: { ok: boolean; highlight: { id: string } };
    };
    expect(created.ok).toBe(true);
    expect(created.value.ok).toBe(true);

    const highlights = (await readStoreIn(ui, 'highlights')) as { id: string; color: string; selectors: { quote: { exact: string } } }[];
    const stored = highlights.find((h) => h.id === created.value.highlight.id);
    expect(stored?.selectors.quote.exact).toBe(quote);
    expect(stored?.color).toBe('green');
    const articles = (await readStoreIn(ui, 'articles')) as { urlKey: string; text: string }[];
    expect(articles.some((a) => a.urlKey === summary.value.urlKey && a.text.includes('屋场恳谈会'))).toBe(true);
    await page.close();
    await ui.close();
  });

  it('refuses to highlight when nothing is selected', async () => {
    const url = `${server.origin}/fixtures/news-zh/03-portal-article-shigu.html`;
    const page = await browser.context.newPage();
    await page.goto(url);
    const ui = await extensionPage('popup.html');
    const reply = (await askContent(ui, await tabIdOf(ui, url), 'content.highlightSelection', {})) as {
      value: { ok: boolean; reason: string };
    };
    expect(reply.value).toEqual({ ok: false, reason: 'no-selection' });
    await page.close();
    await ui.close();
  });

  it('renders the popup, side panel and options pages', async () => {
    for (const [path, name] of [['popup.html', 'popup'], ['sidepanel.html', 'side panel'], ['options.html', 'options']] as const) {
      const page = await extensionPage(path);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.waitForSelector('.gloss-header h1');
      expect(await page.textContent('.gloss-header h1'), name).toContain('Gloss');
      expect(errors, name).toEqual([]);
      await page.close();
    }
  });

  it('shows stored counts on the options page, read through the background', async () => {
    const page = await extensionPage('options.html');
    await page.waitForSelector('.storage-summary');
    expect(await page.textContent('.storage-summary')).toMatch(/1 highlights|1 条划线/);
    await page.close();
  });
});
