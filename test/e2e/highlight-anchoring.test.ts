/**
 * Highlights in a real Chromium with the built extension: select, press a
 * key, reload, and the same text is painted again; edited pages anchor
 * fuzzily or leave an orphan; delete and overlaps work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, sharedFixtureRoute, startServer, type Launched, type StaticServer } from './harness';
import {
  askContent, collectGlossErrors, corpusRoute, highlightWithKey, paintedTexts, readStore, selectText, waitForPainted,
} from './highlight-helpers';
import { uiOf } from './page-ui';
import { openExtensionPage, tabIdOf } from './panel-helpers';

const CORPUS_ID = 'bdb56ac83513635db1d8b9eb46b2da4c0de8da2f1f28f5bf5163df3eb3d3ec06';
const ZH = '/fixtures/news-zh/02-founder-article-lead.html';
let browser: Launched;
let server: StaticServer;
/** Replacements applied to the served page, to play the publisher editing it. */
let edits: [string, string][] = [];

beforeAll(async () => {
  server = await startServer((path, request) => {
    const served = sharedFixtureRoute(path) ?? corpusRoute(path.replace(/^\/edited/, ''));
    if (!served || !edits.length || !request.url?.includes('edited')) return served;
    let html = served.body.toString();
    for (const [from, to] of edits) html = html.replace(from, to);
    return { ...served, body: html };
  });
  browser = await launchChromium({ extension: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Report {
  anchored: number;
  fuzzy: number;
  orphans: number;
  highlights: { id: string; status: string; currentText: string | null }[];
}

describe('highlights in Chromium', () => {
  it('highlights Chinese text with the h key and paints it again after a reload', async () => {
    const page = await browser.context.newPage();
    const errors = collectGlossErrors(page);
    await page.goto(server.origin + ZH);
    await highlightWithKey(page, 'h', '屋场恳谈会成功的关键', '倾情诉');
    await waitForPainted(page, 1);
    const before = await paintedTexts(page);
    expect(before['gloss-yellow']).toEqual(['屋场恳谈会成功的关键是让群众把心里话说出来。该县坚持不拘形式轻松谈、不限时间随意谈、不定内容广泛谈、不打板子敞开谈的“四不四谈”原则，让群众直言相告、倾情诉']);
    await page.reload();
    await waitForPainted(page, 1);
    expect(await paintedTexts(page)).toEqual(before);
    const report = await askContent<Report>(browser, page.url(), 'content.anchorStatus', null);
    expect(report).toMatchObject({ anchored: 1, fuzzy: 0, orphans: 0 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('highlights across paragraphs of an English news page, with a colour key, and keeps it after reload', async () => {
    const page = await browser.context.newPage();
    const errors = collectGlossErrors(page);
    const url = `${server.origin}/corpus/${CORPUS_ID}.html`;
    await page.goto(url);
    const [from, to] = await page.evaluate(() => {
      const paragraphs = [...document.querySelectorAll('p')].filter((p) => (p.textContent ?? '').trim().split(/\s+/).length > 30);
      const words = (p: Element) => (p.textContent ?? '').trim().split(/\s+/);
      return [words(paragraphs[2]!).slice(-6).join(' '), words(paragraphs[3]!).slice(0, 5).join(' ')];
    });
    const selected = await selectText(page, from!, to!);
    expect(selected).toMatch(/\n/);
    await uiOf(page).waitFor('.toolbar');
    await page.keyboard.press('2');
    await waitForPainted(page, 1);
    const painted = (await paintedTexts(page))['gloss-green']!;
    expect(painted[0]).toContain(from);
    expect(painted[0]).toContain(to);
    const [stored] = await readStore<{ selectors: { quote: { exact: string }; position: { start: number } } }>(browser, 'highlights').then(
      (rows) => rows.filter((r) => r.selectors.quote.exact.includes(from!)),
    );
    expect(stored?.selectors.position.start).toBeGreaterThan(0);
    await page.reload();
    await waitForPainted(page, 1);
    expect((await paintedTexts(page))['gloss-green']).toEqual(painted);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('anchors fuzzily after the publisher edits the passage, and keeps an orphan with its quote when it is gone', async () => {
    const url = `${server.origin}/edited/corpus/${CORPUS_ID}.html`;
    const page = await browser.context.newPage();
    const errors = collectGlossErrors(page);
    edits = [];
    await page.goto(url);
    const sentences = await page.evaluate(() => {
      // Plain paragraphs (one text node), so the served-page edit below can find the sentence in the HTML.
      const paragraphs = [...document.querySelectorAll('p')].filter(
        (p) => p.childNodes.length === 1 && p.firstChild!.nodeType === 3 && (p.textContent ?? '').trim().split(/\s+/).length > 30,
      );
      return [paragraphs[1]!, paragraphs[3]!].map((p) => (p.textContent ?? '').trim().split(/(?<=\.)\s/)[0]!);
    });
    const [changing, vanishing] = sentences as [string, string];
    await highlightWithKey(page, 'h', changing);
    await waitForPainted(page, 1);
    await highlightWithKey(page, '3', vanishing);
    await waitForPainted(page, 2);

    // The publisher changes a word in the first passage and removes the second one.
    const words = changing.split(' ');
    const replaced = words[Math.floor(words.length / 2)]!;
    const edited = changing.replace(` ${replaced} `, ` ${replaced.toUpperCase()}X `);
    edits = [[changing, edited], [vanishing, 'A new sentence the newsroom wrote instead.']];
    await page.reload();
    await waitForPainted(page, 1);
    const report = await askContent<Report>(browser, url, 'content.anchorStatus', null);
    expect(report).toMatchObject({ anchored: 0, fuzzy: 1, orphans: 1 });
    const fuzzy = report.highlights.find((h) => h.status === 'anchored-fuzzy')!;
    expect(fuzzy.currentText).toBe(edited);
    expect((await paintedTexts(page))['gloss-yellow']).toEqual([edited]);

    // The side panel shows what the page found now, before the orphan's status is stored (once the page settled).
    const probe = await openExtensionPage(browser, 'popup.html');
    const tabId = await tabIdOf(probe, url);
    await probe.close();
    const panel = await openExtensionPage(browser, `sidepanel.html?tab=${tabId}`);
    await panel.waitForSelector('.orphans', { timeout: 3000 });
    expect(await panel.locator('.orphans').innerText()).toContain(vanishing);
    await panel.close();

    // Never dropped: the orphan is still stored, with its quote and its status (saved once the page settled, ~6 s).
    type Row = { status: string; selectors: { quote: { exact: string } } };
    const statusOf = async (quote: string) => (await readStore<Row>(browser, 'highlights')).find((r) => r.selectors.quote.exact === quote)?.status;
    await expect.poll(() => statusOf(vanishing), { timeout: 15_000, interval: 500 }).toBe('orphan');
    const rows = await readStore<{ id: string; status: string; currentText: string | null; selectors: { quote: { exact: string } } }>(browser, 'highlights');
    const orphan = rows.find((r) => r.selectors.quote.exact === vanishing);
    expect(orphan?.status).toBe('orphan');
    expect(rows.find((r) => r.id === fuzzy.id)).toMatchObject({ status: 'anchored-fuzzy', currentText: edited });

    // Clicking the fuzzy highlight shows the old and the new text.
    const box = await page.evaluate(() => {
      const range = [...CSS.highlights.get('gloss-yellow')!][0] as Range;
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + 5, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(box.x, box.y);
    await uiOf(page).waitFor('.popover [data-status="anchored-fuzzy"]');
    expect(await uiOf(page).text('.popover ins')).toBe(edited);
    expect(errors).toEqual([]);
    edits = [];
    await page.close();
  });

  it('paints overlapping highlights in both colours and deletes one from its popover', async () => {
    const page = await browser.context.newPage();
    const errors = collectGlossErrors(page);
    await page.goto(`${server.origin}/fixtures/news-zh/03-portal-article-shigu.html`);
    const paragraph = await page.evaluate(() =>
      [...document.querySelectorAll('p')].map((p) => (p.textContent ?? '').trim()).find((t) => t.length > 80)!,
    );
    const chars = [...paragraph];
    const first = chars.slice(5, 30).join('');
    const second = chars.slice(20, 50).join('');
    await highlightWithKey(page, '4', first);
    await waitForPainted(page, 1);
    await highlightWithKey(page, '5', second);
    await waitForPainted(page, 2);
    const painted = await paintedTexts(page);
    expect(painted['gloss-pink']).toEqual([first]);
    expect(painted['gloss-purple']).toEqual([second]);

    // Click where only the pink one is, delete it in the popover.
    const point = await page.evaluate(() => {
      const range = [...CSS.highlights.get('gloss-pink')!][0] as Range;
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + 4, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(point.x, point.y);
    await uiOf(page).waitFor('.popover');
    expect(await uiOf(page).text('.popover .quote')).toBe(first);
    await uiOf(page).click('.popover [data-action="delete"]');
    await waitForPainted(page, 1);
    expect((await paintedTexts(page))['gloss-purple']).toEqual([second]);
    // Undo puts it back, painted on the same text; then delete it for good.
    await uiOf(page).click('.message [data-action="undo"]');
    await waitForPainted(page, 2);
    expect((await paintedTexts(page))['gloss-pink']).toEqual([first]);
    await page.mouse.click(point.x, point.y);
    await uiOf(page).waitFor('.popover');
    await uiOf(page).click('.popover [data-action="delete"]');
    await waitForPainted(page, 1);
    const rows = await readStore<{ selectors: { quote: { exact: string } } }>(browser, 'highlights');
    expect(rows.some((r) => r.selectors.quote.exact === first)).toBe(false);
    expect(rows.some((r) => r.selectors.quote.exact === second)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
