/**
 * "Save page snapshot" in Chromium: the page saved as MHTML, listed with its SHA-256, downloaded byte for byte,
 * deleted. The shipped build asks for pageCapture when first used, and a headless browser cannot answer that
 * prompt; so this test loads a copy of the same build whose manifest already grants it (the only difference).
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT, launchChromium, sharedFixtureRoute, startServer, type Launched, type StaticServer } from './harness';
import { highlightText, openExtensionPage, tabIdOf } from './panel-helpers';

const SHIPPED = join(ROOT, '.output/chrome-mv3');
let dir: string;
let browser: Launched;
let server: StaticServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gloss-snapshot-build-'));
  cpSync(SHIPPED, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.permissions = [...manifest.permissions, 'pageCapture'];
  manifest.optional_permissions = manifest.optional_permissions.filter((p: string) => p !== 'pageCapture');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  server = await startServer(sharedFixtureRoute);
  browser = await launchChromium({ extension: true, dist: dir });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('ships pageCapture as an optional permission only', () => {
  const manifest = JSON.parse(readFileSync(join(SHIPPED, 'manifest.json'), 'utf8'));
  expect(manifest.optional_permissions).toEqual(['pageCapture']);
  expect(manifest.permissions).not.toContain('pageCapture');
});

it('saves the page as MHTML, lists it with the SHA-256 of the file it downloads, and deletes it', async () => {
  const url = `${server.origin}/fixtures/news-zh/02-founder-article-lead.html`;
  const page = await browser.context.newPage();
  await page.goto(url);
  const ui = await openExtensionPage(browser, 'popup.html');
  const tabId = await tabIdOf(ui, url);
  await highlightText(page, ui, tabId, 'p', '屋场恳谈会成功的关键是让群众把心里话说出来');

  const panel = await openExtensionPage(browser, `sidepanel.html?tab=${tabId}`);
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.getByRole('button', { name: /Save page snapshot|保存网页快照/ }).click();
  const item = panel.locator('.snapshot-item');
  await item.waitFor({ timeout: 20_000 });
  const shown = (await item.locator('.snapshot-hash').textContent())!.replace(/^SHA-256[:：]\s*/, '');
  expect(shown).toMatch(/^[0-9a-f]{64}$/);
  await panel.locator('.snapshots').screenshot({ path: join(ROOT, 'test-results/sidepanel-snapshots.png') });

  const [download] = await Promise.all([panel.waitForEvent('download'), item.getByRole('button', { name: /Download|下载/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^gloss-snapshot-\d{4}-\d{2}-\d{2}-\d{4}\.mhtml$/);
  const file = readFileSync((await download.path())!);
  expect(createHash('sha256').update(file).digest('hex')).toBe(shown);
  const text = file.toString('latin1');
  expect(text).toMatch(/^From: <Saved by Blink>/);
  expect(text).toContain(`Snapshot-Content-Location: ${url}`);
  expect(text).toContain('multipart/related');

  await item.getByRole('button', { name: /Delete|删除/ }).click();
  await panel.waitForFunction(() => document.querySelectorAll('.snapshot-item').length === 0);
  const left = await panel.evaluate(() => new Promise<number>((resolve) => {
    const open = indexedDB.open('gloss');
    open.onsuccess = () => {
      const count = open.result.transaction('snapshotFiles').objectStore('snapshotFiles').count();
      count.onsuccess = () => resolve(count.result);
    };
  }));
  expect(left).toBe(0);
});
