/** Shared steps for tests that drive Gloss's pages: find a tab, select text, ask the content script. */
import type { Page } from 'playwright-core';
import { launchChromium, sharedFixtureRoute, startServer, type Launched, type Served, type StaticServer } from './harness';

export async function openExtensionPage(browser: Launched, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/**
 * Tab id of a page, as the extension sees it. Without the "tabs" permission
 * tab URLs are hidden, so ask each tab's content script where it is.
 */
export async function tabIdOf(ui: Page, url: string): Promise<number> {
  return ui.evaluate(async (target) => {
    for (const tab of await chrome.tabs.query({})) {
      const reply = await chrome.tabs
        .sendMessage(tab.id!, { channel: 'gloss/1', type: 'content.summary', data: null }, { frameId: 0 })
        .catch(() => null);
      if (reply?.ok && reply.value.url === target) return tab.id!;
    }
    throw new Error(`no content script answers for ${target}`);
  }, url);
}

/** Sends a Gloss message to the content script of a tab's frame (0: the page) from an extension page; returns the raw reply envelope. */
export function askContent(ui: Page, tabId: number, type: string, data: unknown, frameId = 0) {
  return ui.evaluate(
    ([id, type, data, frameId]) => chrome.tabs.sendMessage(id as number, { channel: 'gloss/1', type, data }, { frameId: frameId as number }),
    [tabId, type, data, frameId] as const,
  );
}

/** Selects the text of `needle` inside the first element matching `selector` that contains it. */
export async function selectText(page: Page, selector: string, needle: string): Promise<string> {
  return page.evaluate(
    ([selector, needle]) => {
      const element = [...document.querySelectorAll(selector!)].find((e) => (e.textContent ?? '').includes(needle!));
      if (!element) throw new Error(`no ${selector} contains ${needle}`);
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(needle!);
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + needle!.length);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          return getSelection()!.toString();
        }
      }
      throw new Error(`"${needle}" is split across elements in ${selector}`);
    },
    [selector, needle] as const,
  );
}

/** Highlights `needle` through the content script, as the popup's button does. */
export async function highlightText(page: Page, ui: Page, tabId: number, selector: string, needle: string, color = 'yellow') {
  await selectText(page, selector, needle);
  const reply = (await askContent(ui, tabId, 'content.highlightSelection', { color })) as {
    ok: boolean;
    error?: string;
    value: { ok: boolean; highlight: { id: string } };
  };
  if (!reply.ok || !reply.value.ok) throw new Error(`highlight failed: ${JSON.stringify(reply)}`);
  return reply.value.highlight;
}

/**
 * All rows of a store of the extension's database, straight from IndexedDB (not through Gloss's code). Runs in an
 * extension page of either driver: `page.evaluate(storeRows, 'highlights')`.
 */
export function storeRows(store: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('gloss');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction(store, 'readonly').objectStore(store).getAll();
      request.onsuccess = () => {
        open.result.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
    };
  });
}

/** All rows of a store of the extension's database, read in an extension page. */
export function readStoreIn<T = unknown>(ui: Page, store: string): Promise<T[]> {
  return ui.evaluate(storeRows, store) as Promise<T[]>;
}

export interface PageSession {
  browser: Launched;
  server: StaticServer;
  /** The served page, open in a tab. */
  page: Page;
  url: string;
  /** That tab's id, as the extension sees it. */
  tabId: number;
  /** Highlights `needle` in the page through its content script. */
  highlight(needle: string, color?: string, selector?: string): Promise<{ id: string }>;
  close(): Promise<void>;
}

/** Chromium with the built extension, a server, and one served page open in a tab: every panel test starts here. */
export async function openPageWithExtension(
  path = '/fixtures/news-zh/02-founder-article-lead.html',
  route: (path: string) => Served | null = sharedFixtureRoute,
): Promise<PageSession> {
  const server = await startServer(route);
  const browser = await launchChromium({ extension: true });
  const url = `${server.origin}${path}`;
  const page = await browser.context.newPage();
  await page.goto(url);
  const ui = await openExtensionPage(browser, 'popup.html');
  const tabId = await tabIdOf(ui, url);
  return {
    browser,
    server,
    page,
    url,
    tabId,
    highlight: (needle, color = 'yellow', selector = 'p') => highlightText(page, ui, tabId, selector, needle, color),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
