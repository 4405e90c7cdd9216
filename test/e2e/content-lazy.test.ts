/**
 * The content script's loader in real Chromium: a page without highlights parses the loader only; the session is
 * imported for the user's selection, on a page whose CSP forbids every script and style of its own too, and it
 * comes back by itself on the next visit to a page with highlights.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type Launched, type StaticServer } from './harness';
import { highlightWithKey, readStore, waitForPainted } from './highlight-helpers';
import { article } from './security-pages';

const STRICT_CSP = "default-src 'none'; script-src 'none'; style-src 'none'; img-src 'none'";
let browser: Launched;
let server: StaticServer;

beforeAll(async () => {
  server = await startServer((path) => {
    if (path === '/plain.html') return { body: article('Plain page'), contentType: 'text/html; charset=utf-8' };
    if (path === '/strict.html') return { body: article('Strict page'), contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': STRICT_CSP } };
    return null;
  });
  browser = await launchChromium({ extension: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Records the scripts parsed in the page's worlds (the page's own and the content script's). */
async function watchScripts(page: Page): Promise<{ names(): string[]; cdp: CDPSession }> {
  const cdp = await browser.context.newCDPSession(page);
  const urls: string[] = [];
  cdp.on('Debugger.scriptParsed', (event) => void (event.url && urls.push(event.url)));
  await cdp.send('Debugger.enable');
  return { names: () => urls.filter((u) => u.startsWith('chrome-extension://')).map((u) => new URL(u).pathname), cdp };
}

describe('the content script loads in two parts', () => {
  it('parses only the loader on a page without highlights, and the session once the user selects text', async () => {
    const page = await browser.context.newPage();
    const scripts = await watchScripts(page);
    await page.goto(`${server.origin}/plain.html`);
    await page.waitForTimeout(1500);
    expect(scripts.names()).toEqual(['/content-loader.js']);
    await highlightWithKey(page, 'h', 'harbour budget');
    await waitForPainted(page, 1);
    expect(scripts.names()).toEqual(['/content-loader.js', '/content-session.js']);

    // The next visit has a highlight: the session comes by itself and paints it.
    const again = await browser.context.newPage();
    const next = await watchScripts(again);
    await again.goto(`${server.origin}/plain.html`);
    await waitForPainted(again, 1);
    expect(next.names()).toEqual(['/content-loader.js', '/content-session.js']);
    await page.close();
    await again.close();
  });

  it('highlights and repaints on a page whose CSP forbids all scripts and styles', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/strict.html`);
    await highlightWithKey(page, 'h', 'northern route');
    await waitForPainted(page, 1);
    await page.reload();
    await waitForPainted(page, 1);
    const rows = await readStore<{ urlKey: string; selectors: { quote: { exact: string } } }>(browser, 'highlights');
    expect(rows.filter((r) => r.urlKey.endsWith('/strict.html')).map((r) => r.selectors.quote.exact)).toEqual(['northern route']);
    await page.close();
  });
});
