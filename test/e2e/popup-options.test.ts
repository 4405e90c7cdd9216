/** The popup's quick actions and the options page, driven in the real extension. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from './harness';
import { openExtensionPage, openPageWithExtension, type PageSession } from './panel-helpers';

let session: PageSession;
let browser: Launched;
let page: Page;
let tabId: number;

beforeAll(async () => {
  session = await openPageWithExtension();
  ({ browser, page, tabId } = session);
  await session.highlight('许多上访事件源于群众对政策不理解', 'blue');
});

afterAll(async () => {
  await session?.close();
});

const popup = () => openExtensionPage(browser, `popup.html?tab=${tabId}`);

describe('popup', () => {
  it('shows the page and its highlight count', async () => {
    const ui = await popup();
    await ui.waitForSelector('.page-summary');
    expect(await ui.textContent('.page-summary')).toContain('小屋场');
    expect(await ui.textContent('.story-byline')).toContain('周瑞华');
    expect(await ui.textContent('.highlight-count')).toMatch(/1/);
    await ui.close();
  });

  it('exports this article as Markdown with the quote and a link back to it', async () => {
    const ui = await popup();
    await ui.waitForSelector('.popup-actions');
    const [download] = await Promise.all([ui.waitForEvent('download'), ui.getByRole('button', { name: /Export this article|导出本文/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/小屋场.*\.md$/);
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toMatch(/^---\n/);
    expect(markdown).toContain('许多上访事件源于群众对政策不理解');
    expect(markdown).toContain('#:~:text=');
    await ui.close();
  });

  it('turns Gloss off for the site, and on again', async () => {
    const ui = await popup();
    const toggle = ui.getByRole('checkbox');
    await toggle.uncheck();
    await ui.waitForSelector('.gloss-status:not(:empty)');
    const disabledSites = () =>
      ui.evaluate(async () => ((await chrome.storage.local.get('gloss.settings'))['gloss.settings'] as { disabledSites: string[] }).disabledSites);
    expect(await disabledSites()).toEqual(['127.0.0.1']);
    await toggle.check();
    await ui.waitForFunction(async () => ((await chrome.storage.local.get('gloss.settings'))['gloss.settings'] as { disabledSites: string[] }).disabledSites.length === 0);
    await ui.close();
  });
});

describe('options', () => {
  it('renames a colour and the side panel uses the new name', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    const name = options.getByLabel(/Name of the Question colour/);
    await name.fill('To verify');
    await name.press('Tab');
    await options.waitForSelector('.gloss-status:not(:empty)');
    const panel = await openExtensionPage(browser, `sidepanel.html?tab=${tabId}`);
    await panel.waitForSelector('.highlight-color-name');
    expect(await panel.textContent('.highlight-color-name')).toBe('To verify');
    await panel.close();
    await options.close();
  });

  it('adds a site where Gloss stays off and refuses nonsense', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    const input = options.getByLabel(/Add a site/);
    await input.fill('not a site');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.waitForSelector('[role=alert]');
    await input.fill('https://www.Example.com/news/1.html');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.waitForSelector('.site-row');
    expect(await options.textContent('.site-row span')).toBe('example.com');
    await options.close();
  });

  it('switches the interface language', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    await options.getByLabel('Language').selectOption('zh_CN');
    await options.waitForFunction(() => document.querySelector('.gloss-header h1')?.textContent?.includes('设置'));
    const panel = await openExtensionPage(browser, `sidepanel.html?tab=${tabId}`);
    await panel.waitForFunction(() => document.querySelector('.gloss-header h1')?.textContent?.includes('笔记'));
    await options.getByLabel('语言').selectOption('auto');
    await panel.waitForFunction(() => document.querySelector('.gloss-header h1')?.textContent?.includes('Notes'));
    await panel.close();
    await options.close();
  });
});
