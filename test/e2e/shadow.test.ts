/**
 * An article rendered inside nested open shadow roots (web components): selected with the mouse and highlighted
 * with `h`, painted there (with Gloss's `::highlight` rules in that shadow root), painted again after a reload, and
 * listed in the side panel.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, ROOT, startServer, type Launched, type StaticServer } from './harness';
import { collectGlossErrors, readStore } from './highlight-helpers';
import { framePage, otherHost } from './frame-pages';
import { openExtensionPage, tabIdOf } from './panel-helpers';

let browser: Launched;
let server: StaticServer;

beforeAll(async () => {
  server = await startServer((path) => framePage(path, otherHost(server.origin)));
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  browser = await launchChromium({ extension: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Texts painted in the page (ranges inside shadow roots included). */
const painted = (page: Page): Promise<string[]> =>
  page.evaluate(() => [...CSS.highlights.values()].flatMap((h) => [...h].map((r) => (r as Range).toString())));

/** The inner component's shadow root, where the story's paragraphs are. */
const innerRoot = () => document.querySelector('news-story')!.shadowRoot!.querySelector('story-body')!.shadowRoot!;

async function dragOver(page: Page, phrase: string) {
  const box = await page.evaluate(
    ({ needle, root }) => {
      const tree = new Function(`return (${root})()`)() as ShadowRoot;
      const walker = document.createTreeWalker(tree, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        const rects = [...range.getClientRects()];
        return { x1: rects[0]!.left + 1, y1: rects[0]!.top + rects[0]!.height / 2, x2: rects.at(-1)!.right + 1, y2: rects.at(-1)!.top + rects.at(-1)!.height / 2 };
      }
      throw new Error(`not found: ${needle}`);
    },
    { needle: phrase, root: innerRoot.toString() },
  );
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
        await dragOver(page, phrase);
        await page.waitForTimeout(400);
        await page.keyboard.press('h');
        await page.waitForTimeout(300);
        return painted(page);
      }, { timeout: 15_000 })
      .toEqual([phrase]);
    // The colour rules are in the shadow root that holds the passage (page styles do not reach into it).
    expect(await page.evaluate((root) => {
      const tree = new Function(`return (${root})()`)() as ShadowRoot;
      return tree.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('::highlight(gloss-')));
    }, innerRoot.toString())).toBe(true);

    const stored = await readStore<{ selectors: { quote: { exact: string } }; status: string }>(browser, 'highlights');
    expect(stored.map((h) => h.selectors.quote.exact)).toEqual([phrase]);

    await page.reload();
    await expect.poll(() => painted(page), { timeout: 10_000 }).toEqual([phrase]);
    await page.screenshot({ path: join(ROOT, 'test-results/shadow-page.png') });

    const probe = await openExtensionPage(browser, 'popup.html');
    const tabId = await tabIdOf(probe, `${server.origin}/shadow.html`);
    await probe.close();
    const panel = await openExtensionPage(browser, `sidepanel.html?tab=${tabId}`);
    const card = panel.locator('.highlight-card', { hasText: phrase });
    await card.waitFor();
    expect(await panel.locator('.orphans').count()).toBe(0);
    await panel.close();
    expect(errors).toEqual([]);
    await page.close();
  });
});
