/** Page-side helpers for the highlight end-to-end tests. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { SHARED, type Launched, type Served } from './harness';
import { uiOf } from './page-ui';
import { askContent as askTab, openExtensionPage, readStoreIn, tabIdOf } from './panel-helpers';

/** /corpus/<id>.html serves a scrapinghub-dev page, unzipped. */
export function corpusRoute(path: string): Served | null {
  const match = /^\/corpus\/([0-9a-f]{64})\.html$/.exec(path);
  if (!match) return null;
  const file = join(SHARED, 'corpus/scrapinghub-dev/html', `${match[1]}.html.gz`);
  return existsSync(file) ? { body: gunzipSync(readFileSync(file)), contentType: 'text/html; charset=utf-8' } : null;
}

/** Selects from the start of `from` to the end of `to` (both searched in the body's text nodes), as a user would. */
export async function selectText(page: Page, from: string, to: string = from): Promise<string> {
  return page.evaluate(
    ([from, to]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const find = (needle: string, after: { node: Text; offset: number } | null) => {
        let started = !after;
        for (const node of nodes) {
          if (!started) {
            if (node !== after!.node) continue;
            started = true;
          }
          const at = node.data.indexOf(needle, node === after?.node ? after.offset : 0);
          if (at !== -1) return { node, offset: at };
        }
        throw new Error(`text not found: ${needle}`);
      };
      const start = find(from, null);
      const end = find(to, start);
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset + to.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    },
    [from, to] as const,
  );
}

/** Text of every range painted per colour, read in the page's main world (the registry is per document). */
export function paintedTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) out[name] = [...highlight].map((r) => (r as Range).toString());
    return out;
  });
}

export async function waitForPainted(page: Page, count: number): Promise<void> {
  await page.waitForFunction((count) => {
    let total = 0;
    for (const [, highlight] of CSS.highlights) total += highlight.size;
    return total === count;
  }, count);
}

/** Selects, waits for the toolbar, presses a key. Right after navigation the content script may not run yet: select again then. */
export async function highlightWithKey(page: Page, key: string, from: string, to?: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await selectText(page, from, to);
    try {
      await uiOf(page).waitFor('.toolbar', { timeout: attempt < 4 ? 2000 : 30_000 });
      break;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
  await page.keyboard.press(key);
}

/** Sends a Gloss message to the content script of the tab showing `url`, from an extension page. */
export async function askContent<T>(browser: Launched, url: string, type: string, data: unknown): Promise<T> {
  const ui = await openExtensionPage(browser, 'popup.html');
  try {
    const reply = (await askTab(ui, await tabIdOf(ui, url), type, data)) as { ok: boolean; value: T; error?: string } | undefined;
    if (!reply?.ok) throw new Error(`${type} failed: ${reply?.error}`);
    return reply.value;
  } finally {
    await ui.close();
  }
}

/** All rows of a store of the extension's database. */
export async function readStore<T>(browser: Launched, store: string): Promise<T[]> {
  const ui = await openExtensionPage(browser, 'popup.html');
  try {
    return await readStoreIn<T>(ui, store);
  } finally {
    await ui.close();
  }
}

/** Console errors and uncaught exceptions that come from Gloss (not from the page's own scripts or blocked requests). */
export function collectGlossErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => {
    if (/gloss|chrome-extension:/i.test(`${error.message}\n${error.stack ?? ''}`)) errors.push(error.message);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/gloss|chrome-extension:/i.test(`${message.text()} ${message.location().url}`)) errors.push(message.text());
  });
  return errors;
}
