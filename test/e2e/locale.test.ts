/** The extension's pages follow the browser's language: Simplified Chinese under a zh-CN browser. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, type Launched } from './harness';

let browser: Launched;
beforeAll(async () => {
  browser = await launchChromium({ extension: true, args: ['--lang=zh-CN'] });
});
afterAll(async () => {
  await browser?.close();
});

it('renders the side panel and options in Simplified Chinese', async () => {
  for (const [path, title] of [['sidepanel.html', '笔记'], ['options.html', '设置']] as const) {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
    await page.waitForSelector('.gloss-header h1');
    expect(await page.textContent('.gloss-header h1')).toContain(title);
    expect(await page.getAttribute('.gloss-app', 'lang')).toBe('zh-CN');
    await page.close();
  }
});
