/**
 * The side panel with real highlights made in a page: reading order, notes that
 * persist, delete with undo, jump to passage, article corrections.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type Launched } from './harness';
import { openExtensionPage, openPageWithExtension, type PageSession } from './panel-helpers';

const SHOTS = join(ROOT, 'test-results');
let session: PageSession;
let browser: Launched;
let page: Page;
let panel: Page;
let tabId: number;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  session = await openPageWithExtension();
  ({ browser, page, tabId } = session);
  // Made out of reading order on purpose: the panel must sort them.
  await session.highlight('屋场恳谈会成功的关键是让群众把心里话说出来', 'green');
  await session.highlight('感谢屋场恳谈会，解决了我们和周边6个组的土地权属纠纷', 'yellow');
  panel = await openExtensionPage(browser, `sidepanel.html?tab=${tabId}`);
  await panel.setViewportSize({ width: 420, height: 900 });
});

afterAll(async () => {
  await session?.close();
});

const quotes = () => panel.$$eval('.highlight-card blockquote', (els) => els.map((e) => e.textContent));

describe('side panel', () => {
  it('lists the page article with its metadata and highlights in reading order', async () => {
    await panel.waitForSelector('.highlight-card >> nth=1');
    expect(await panel.textContent('.article-title')).toContain('小屋场');
    expect(await quotes()).toEqual(['感谢屋场恳谈会，解决了我们和周边6个组的土地权属纠纷', '屋场恳谈会成功的关键是让群众把心里话说出来']);
    await panel.screenshot({ path: join(SHOTS, 'sidepanel-zh.png'), fullPage: true });
  });

  it('saves a note that survives a reload', async () => {
    const first = panel.locator('.highlight-card').first();
    await first.getByRole('button', { name: /Add note|添加笔记/ }).click();
    await first.locator('textarea').fill('关键：**源头治理** <img src=x onerror=alert(1)>');
    await first.getByRole('button', { name: /Save|保存/ }).click();
    await panel.reload();
    await panel.waitForSelector('.highlight-note');
    expect(await panel.textContent('.highlight-note')).toBe('关键：**源头治理** <img src=x onerror=alert(1)>');
    expect(await panel.$('.highlight-note img')).toBeNull();
  });

  it('deletes with undo', async () => {
    const second = panel.locator('.highlight-card').nth(1);
    await second.getByRole('button', { name: /Delete|删除/ }).click();
    await panel.waitForFunction(() => document.querySelectorAll('.highlight-card').length === 1);
    await panel.getByRole('button', { name: /Undo|撤销/ }).click();
    await panel.waitForFunction(() => document.querySelectorAll('.highlight-card').length === 2);
    expect(await quotes()).toHaveLength(2);
  });

  it('jumps to the passage in the page', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await panel.locator('.highlight-card').nth(1).getByRole('button', { name: /Go to passage|跳到原文/ }).click();
    await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  it('keeps a corrected title', async () => {
    await panel.getByRole('button', { name: /Edit details|编辑信息/ }).click();
    await panel.getByLabel(/^Title$|^标题$/).fill('小屋场 撬动 大能量');
    await panel.getByRole('button', { name: /^(Save|保存)$/ }).click();
    await panel.waitForSelector('.corrected');
    await panel.reload();
    await panel.waitForSelector('.article-title');
    expect(await panel.textContent('.article-title')).toBe('小屋场 撬动 大能量');
  });
});
