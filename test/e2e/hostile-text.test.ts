/**
 * Page-provided text is rendered as text: an HTML payload in the title,
 * byline, quote, note and tags never becomes markup in Gloss's pages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, startServer, type Launched, type StaticServer } from './harness';
import { highlightText, openExtensionPage, tabIdOf } from './panel-helpers';

const PAYLOAD = '<img src=x onerror="window.__pwned=1">';
const MARKDOWN = '[click](javascript:alert(1)) **bold** `code`';
const HOSTILE_PAGE = `<!doctype html><html><head><meta charset="utf-8">
<title>${PAYLOAD.replace(/</g, '&lt;')} ${MARKDOWN}</title>
<meta property="og:site_name" content="&lt;script&gt;alert(1)&lt;/script&gt;">
</head><body><article><h1>${PAYLOAD.replace(/</g, '&lt;')} Headline</h1>
<p>Before. ${PAYLOAD.replace(/</g, '&lt;')} quoted &lt;b&gt;markup&lt;/b&gt; after ${MARKDOWN}.</p></article></body></html>`;

let browser: Launched;
let server: StaticServer;
let tabId: number;

beforeAll(async () => {
  server = await startServer((path) => (path === '/hostile.html' ? { body: HOSTILE_PAGE, contentType: 'text/html; charset=utf-8' } : null));
  browser = await launchChromium({ extension: true });
  const url = `${server.origin}/hostile.html`;
  const page = await browser.context.newPage();
  await page.goto(url);
  const ui = await openExtensionPage(browser, 'popup.html');
  tabId = await tabIdOf(ui, url);
  const h = await highlightText(page, ui, tabId, 'p', `${PAYLOAD} quoted <b>markup</b>`);
  const reply = await ui.evaluate(
    ([id, note, tag]) => chrome.runtime.sendMessage({ channel: 'gloss/1', type: 'highlight.update', data: { id, patch: { note, tags: [tag] } } }),
    [h.id, `${PAYLOAD}\n${MARKDOWN}`, PAYLOAD] as const,
  );
  expect(reply.ok).toBe(true);
  await ui.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function expectInert(page: Page) {
  expect(await page.$$('main img, main script, main b')).toHaveLength(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.$$eval('a[href^="javascript:"]', (els) => els.length)).toBe(0);
}

it('shows hostile text literally in the side panel, library and popup', async () => {
  const dialogs: string[] = [];
  browser.context.on('dialog', (d) => void dialogs.push(d.message()));

  const panel = await openExtensionPage(browser, `sidepanel.html?tab=${tabId}`);
  await panel.waitForSelector('.highlight-note');
  expect(await panel.textContent('.highlight-card blockquote')).toBe(`${PAYLOAD} quoted <b>markup</b>`);
  expect(await panel.textContent('.highlight-note')).toBe(`${PAYLOAD}\n${MARKDOWN}`);
  expect(await panel.textContent('.tag-chip')).toBe(PAYLOAD);
  expect(await panel.textContent('.article-title')).toContain(PAYLOAD);
  await expectInert(panel);

  await panel.getByRole('tab', { name: 'Library' }).click();
  await panel.fill('.search-input', 'markup');
  await panel.waitForSelector('.result-item');
  expect(await panel.textContent('.result-item blockquote')).toContain('<b>');
  await expectInert(panel);

  const popup = await openExtensionPage(browser, `popup.html?tab=${tabId}`);
  await popup.waitForSelector('.page-summary');
  expect(await popup.textContent('.page-summary')).toContain(PAYLOAD);
  await expectInert(popup);
  expect(dialogs).toEqual([]);
});
