/** Article pages and a browser with the built extension, shared by the hostile page-script suites. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, startServer, type Launched, type StaticServer } from './harness';
import { askContent, readStore } from './highlight-helpers';

/** Every article page records, from its first script on, each message posted to the window. */
export const article = (title: string, extraHead = '') => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<script>
  window.__messages = [];
  addEventListener('message', (event) => __messages.push(JSON.stringify(event.data) ?? String(event.data)));
</script>${extraHead}</head><body>
<article><h1>${title}</h1>
<p id="first">The committee approved the revised harbour budget after a long night of debate in the town hall.</p>
<p id="second">Residents asked for more buses on the northern route, and the council promised an answer by spring.</p>
</article></body></html>`;

export interface ArticleSite {
  readonly browser: Launched;
  /** Opens `path` and waits until Gloss's content script answers there. */
  open(path: string): Promise<Page>;
  /** The stored highlights of the article at `url`. */
  highlightsOf(url: string): Promise<{ urlKey: string; note: string; selectors: { quote: { exact: string } } }[]>;
}

/** Serves `pages` (path → HTML) and launches Chromium with Gloss for the suite that calls it. */
export function articleSite(pages: Record<string, string>): ArticleSite {
  let browser: Launched;
  let server: StaticServer;
  beforeAll(async () => {
    server = await startServer((path) => (pages[path] ? { body: pages[path]!, contentType: 'text/html; charset=utf-8' } : null));
    browser = await launchChromium({ extension: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return browser;
    },
    async open(path) {
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}${path}`);
      await askContent(browser, page.url(), 'content.summary', null);
      return page;
    },
    async highlightsOf(url) {
      const rows = await readStore<{ urlKey: string; note: string; selectors: { quote: { exact: string } } }>(browser, 'highlights');
      const articles = await readStore<{ urlKey: string; url: string }>(browser, 'articles');
      const keys = new Set(articles.filter((a) => a.url === url).map((a) => a.urlKey));
      return rows.filter((r) => keys.has(r.urlKey));
    },
  };
}
