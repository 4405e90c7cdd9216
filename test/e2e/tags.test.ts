/**
 * Tags end to end: tag a highlight from a topic suggestion in the side panel,
 * rename the tag in the tag manager (keyboard only), filter the library by it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from './harness';
import { openExtensionPage, openPageWithExtension, type PageSession } from './panel-helpers';

let session: PageSession;
let browser: Launched;
let panel: Page;
let highlightId: string;

/** The highlight's tags as stored: its tag ids, named by the tags store. */
const storedTags = () =>
  panel.evaluate(
    (id) =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('gloss');
        open.onsuccess = () => {
          const tx = open.result.transaction(['highlights', 'tags']);
          const row = tx.objectStore('highlights').get(id);
          const tags = tx.objectStore('tags').getAll();
          tx.oncomplete = () => {
            const names = new Map((tags.result as { id: string; name: string }[]).map((t) => [t.id, t.name]));
            resolve((row.result.tagIds as string[]).map((tagId) => names.get(tagId) ?? `<no tag ${tagId}>`));
          };
        };
      }),
    highlightId,
  );

beforeAll(async () => {
  session = await openPageWithExtension();
  ({ browser } = session);
  highlightId = (await session.highlight('自首推屋场恳谈会制度以来，衡南县激发了群众主人翁意识')).id;
  panel = await openExtensionPage(browser, `sidepanel.html?tab=${session.tabId}`);
});

afterAll(async () => {
  await session?.close();
});

describe('tags', () => {
  it('tags a highlight from a suggested topic', async () => {
    await panel.getByRole('button', { name: /Tags…/ }).click();
    const suggestion = panel.getByRole('button', { name: 'Add suggested tag 屋场恳谈会' });
    await suggestion.waitFor();
    await suggestion.focus();
    await panel.keyboard.press('Enter');
    await panel.waitForFunction(() => document.querySelector('.highlight-card')?.textContent?.includes('屋场恳谈会'));
    expect(await storedTags()).toEqual(['屋场恳谈会']);
  });

  it('renames the tag with the keyboard, and the highlight carries the new name', async () => {
    await panel.getByRole('tab', { name: 'Tags' }).click();
    await panel.getByRole('button', { name: 'Rename' }).first().focus();
    await panel.keyboard.press('Enter');
    const field = panel.getByLabel('New name for 屋场恳谈会');
    await field.fill('基层治理/屋场恳谈会');
    await field.press('Enter');
    await panel.waitForFunction(() => document.body.textContent?.includes('基层治理/屋场恳谈会'));
    expect(await storedTags()).toEqual(['基层治理/屋场恳谈会']);
  });

  it('filters the library by the parent tag in the tree', async () => {
    await panel.getByRole('tab', { name: 'Library' }).click();
    await panel.locator('.tag-filter summary').click();
    await panel.getByRole('treeitem', { name: /^基层治理/ }).first().click();
    await panel.waitForSelector('.result-item');
    expect(await panel.$$eval('.result-item blockquote', (els) => els.map((e) => e.textContent))).toEqual([
      '自首推屋场恳谈会制度以来，衡南县激发了群众主人翁意识',
    ]);
    await panel.reload();
    await panel.waitForSelector('.highlight-card');
    expect(await storedTags()).toEqual(['基层治理/屋场恳谈会']);
  });
});
