/**
 * Export and restore in a real Chromium with the built extension: highlights
 * made in a news page, Markdown exported from the side panel (the download is
 * captured and read), and a full backup restored into a fresh profile.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Launched, type StaticServer } from './harness';
import { openExtensionPage, openPageWithExtension, type PageSession } from './panel-helpers';

let session: PageSession;
let browser: Launched;
let server: StaticServer;
let tabId: number;
const URL_PATH = '/fixtures/news-zh/02-founder-article-lead.html';

async function readStores(page: Page) {
  return page.evaluate(async () => {
    const open = indexedDB.open('gloss');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (name: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const result = { articles: await all('articles'), highlights: await all('highlights') };
    db.close();
    return result;
  });
}

beforeAll(async () => {
  session = await openPageWithExtension(URL_PATH);
  ({ browser, server, tabId } = session);
  await session.highlight('屋场恳谈会成功的关键是让群众把心里话说出来', 'green');
  await session.highlight('感谢屋场恳谈会，解决了我们和周边6个组的土地权属纠纷', 'yellow');
});

afterAll(async () => {
  await session?.close();
});

describe('export and restore', () => {
  let backupPath = '';
  let original: Awaited<ReturnType<typeof readStores>>;

  it('exports this article as Markdown from the side panel; the download is captured', async () => {
    const panel = await openExtensionPage(browser, `sidepanel.html?tab=${tabId}`);
    await panel.click('.export-button');
    await panel.waitForSelector('.export-dialog .export-download');
    // The dialog offers this page's article first.
    expect(await panel.isChecked('.export-dialog input[value=articles]')).toBe(true);
    await panel.selectOption('.export-dialog .export-format', 'markdown');
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.click('.export-dialog .export-download')]);
    expect(download.suggestedFilename()).toBe('「小屋场」撬动基层治理「大能量」.md');
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toMatch(/^---\ntitle: "「小屋场」撬动基层治理「大能量」"\n/);
    // Reading order: the yellow passage comes first in the article although it was highlighted second.
    const first = markdown.indexOf('> 感谢屋场恳谈会，解决了我们和周边6个组的土地权属纠纷');
    const second = markdown.indexOf('> 屋场恳谈会成功的关键是让群众把心里话说出来');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(markdown).toContain(`${server.origin}${URL_PATH}#:~:text=`);
    original = await readStores(panel);
    expect(original.highlights).toHaveLength(2);
    await panel.close();
  });

  it('downloads a full backup', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    await options.waitForSelector('.backup-panel .backup-download');
    const [download] = await Promise.all([options.waitForEvent('download'), options.click('.backup-panel .backup-download')]);
    expect(download.suggestedFilename()).toMatch(/^gloss-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupPath = (await download.path())!;
    const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
    expect(backup).toMatchObject({ format: 'gloss-backup', version: 1 });
    expect(backup.highlights).toHaveLength(2);
    await options.close();
  });

  it('restores the backup into a fresh profile, every field equal', async () => {
    const fresh = await launchChromium({ extension: true });
    try {
      const options = await openExtensionPage(fresh, 'options.html');
      await options.waitForSelector('.backup-panel .restore-file');
      await options.setInputFiles('.backup-panel .restore-file', backupPath);
      await options.waitForSelector('.restore-preview');
      expect(await options.textContent('.restore-preview')).toMatch(/Highlights: 2 to add, 0 to update, 0 already there|划线：新增 2/);
      await options.click('.restore-apply');
      await options.waitForFunction(() => /Restored|已恢复/.test(document.querySelector('.backup-panel [role=status]')?.textContent ?? ''));
      const restored = await readStores(options);
      const strip = (rows: unknown[]) =>
        (rows as Record<string, unknown>[]).map(({ searchTerms: _derived, seq: _indexed, ...rest }) => rest).sort((a, b) => String(a.id).localeCompare(String(b.id)));
      expect(strip(restored.highlights)).toEqual(strip(original.highlights));
      expect(strip(restored.articles)).toEqual(strip(original.articles));
    } finally {
      await fresh.close();
    }
  });
});
