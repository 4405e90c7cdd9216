/** axe-core on the side panel, popup and options, with real data, in light and dark themes. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from './harness';
import { openExtensionPage, openPageWithExtension, type PageSession } from './panel-helpers';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
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

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical axe violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  // evaluate() runs over CDP, so the extension page's CSP does not block axe.
  await page.evaluate(AXE);
  const violations = (await page.evaluate(() => (globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe.run().then((r) => r.violations))) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

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
