/**
 * "Copy citation" in the built extension: the style chosen in the options is what the side panel puts on the
 * clipboard, for an article (the e-paper lead story: paper, date and page) and for a highlight (quote, citation,
 * passage link). The clipboard is read back by pasting it into a page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from './harness';
import { openExtensionPage, openPageWithExtension, readStoreIn, type PageSession } from './panel-helpers';

let session: PageSession;
let browser: Launched;
let panel: Page;
const QUOTE = '感谢屋场恳谈会，解决了我们和周边6个组的土地权属纠纷';

async function chooseStyle(style: string) {
  const options = await openExtensionPage(browser, 'options.html');
  await options.waitForSelector('select.citation-style');
  await options.selectOption('select.citation-style', style);
  await options.waitForFunction(
    (style) => chrome.storage.local.get('gloss.settings').then((s) => (s['gloss.settings'] as { citationStyle?: string })?.citationStyle === style),
    style,
  );
  await options.close();
}

/**
 * What the clipboard holds, read as a user would: pasted into a text box of an ordinary page. An extension page
 * cannot be granted clipboard-read (Chromium refuses permissions for its origin), and pasting needs none.
 */
async function pasted(): Promise<string> {
  const page = session.page;
  await page.bringToFront();
  await page.evaluate(() => {
    document.getElementById('paste-here')?.remove();
    const box = document.createElement('textarea');
    box.id = 'paste-here';
    document.body.prepend(box);
    box.focus();
  });
  await page.keyboard.press('Control+V');
  return page.evaluate(() => (document.getElementById('paste-here') as HTMLTextAreaElement).value);
}

/** What a click in the panel put on the clipboard: waits until the clipboard holds something new. */
async function copiedAfter(click: () => Promise<void>): Promise<string> {
  const before = await pasted();
  await panel.bringToFront();
  await click();
  for (let tries = 0; tries < 50; tries++) {
    const text = await pasted();
    if (text !== before) return text;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the clipboard did not change');
}

beforeAll(async () => {
  session = await openPageWithExtension();
  browser = session.browser;
  await session.highlight(QUOTE, 'yellow');
  panel = await openExtensionPage(browser, `sidepanel.html?tab=${session.tabId}`);
  await panel.waitForSelector('.highlight-card');
}, 60_000);

afterAll(async () => {
  await session?.close();
});

describe('Copy citation', () => {
  it('copies the article in the chosen style: GB/T 7714 with the paper, date and page', async () => {
    await chooseStyle('gbt7714-numeric');
    const [article] = await readStoreIn<{ url: string; page?: string; createdAt: number }>(panel, 'articles');
    expect(article!.page).toBe('01');
    const accessed = new Date(article!.createdAt).toISOString().slice(0, 10);
    const text = await copiedAfter(() => panel.locator('.article-card .copy-citation').click());
    expect(await panel.textContent('.gloss-toast')).toMatch(/Citation copied|引文已复制/);
    expect(text).toBe(`周瑞华, 谭明星, 罗军. 「小屋场」撬动基层治理「大能量」[N/OL]. 衡阳日报, 2022-09-05(01)[${accessed}]. ${article!.url}.`);
  });

  it('copies a highlight as quote, citation in the newly chosen style and passage link', async () => {
    await chooseStyle('apa');
    const text = await copiedAfter(() => panel.locator('.highlight-card .copy-citation').first().click());
    const [quote, citation, link] = text.split(/\n+/);
    expect(quote).toBe(`“${QUOTE}”`);
    expect(citation).toMatch(/^周瑞华, 谭明星, & 罗军\. \(2022, September 5\)\. 「小屋场」撬动基层治理「大能量」\. 衡阳日报, 01\. http/);
    // The passage link: the article's address with a text fragment holding the whole quote (with context).
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/fixtures\/news-zh\/02-founder-article-lead\.html#:~:text=/);
    expect(link).toContain(encodeURIComponent(QUOTE));
  });
});
