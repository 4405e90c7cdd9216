/** axe-core on the side panel, popup and options, with real data, in light and dark themes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import type { Launched } from './harness';
import { openExtensionPage, openPageWithExtension, type PageSession } from './panel-helpers';

let session: PageSession;
let browser: Launched;
let tabId: number;

beforeAll(async () => {
  session = await openPageWithExtension();
  ({ browser, tabId } = session);
  await session.highlight('许多上访事件源于群众对政策不理解', 'blue');
});

afterAll(async () => {
  await session?.close();
});

const PAGES: [string, string][] = [
  [`sidepanel.html?tab=TAB`, '.highlight-card'],
  [`sidepanel.html?view=library`, '.recent-item'],
  [`popup.html?tab=TAB`, '.page-summary'],
  ['options.html', '.storage-summary'],
];

describe.each(['light', 'dark'] as const)('accessibility (%s theme)', (colorScheme) => {
  it.each(PAGES)('%s has no serious or critical violations', async (path, ready) => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(`chrome-extension://${browser.extensionId}/${path.replace('TAB', String(tabId))}`);
    await page.waitForSelector(ready);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
