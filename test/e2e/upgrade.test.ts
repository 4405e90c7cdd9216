/**
 * Upgrading a real library: 20,000 highlights written as schema v2 stored
 * them, in the built extension's own database in Chromium. The extension's
 * worker is stopped part-way through its upgrade to v3; the old data must
 * still be there, whole, and the next start must upgrade it (through v4, which adds
 * each article's first version), keeping every row, with search answering from the new index.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry } from '../../scripts/harness/bundle.mjs';
import { newsSentences } from '../../scripts/bench/kit.mjs';
import { launchChromium, ROOT, type Launched } from './harness';

const HIGHLIGHTS = 20_000;
const ARTICLES = 1_000;

let browser: Launched;
let page: Page;

type V2 = { glossV2: Record<string, (...args: unknown[]) => Promise<unknown> | unknown> };
const call = <T>(name: string, ...args: unknown[]) =>
  page.evaluate(([n, a]) => (globalThis as unknown as V2).glossV2[n as string]!(...(a as unknown[])), [name, args] as const) as Promise<T>;
const ask = <T>(ui: Page, type: string) =>
  ui.evaluate((type) => chrome.runtime.sendMessage({ channel: 'gloss/1', type, data: null }), type) as Promise<{ ok: boolean; value: T; error?: unknown }>;

beforeAll(async () => {
  const script = await bundleEntry({
    entry: join(ROOT, 'test/e2e/upgrade/v2-writer.ts'), outDir: join(ROOT, '.cache/e2e-upgrade'), fileName: 'v2-writer.js', format: 'iife', name: 'GlossV2Writer',
  });
  browser = await launchChromium({ extension: true });
  // A page of the extension's origin that opens no database itself: the web-accessible session script, shown as text.
  page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/content-session.js`);
  await page.evaluate(readFileSync(script, 'utf8'));
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('upgrading 20,000 highlights from schema v2 to v3 in Chromium', () => {
  it('survives the worker stopping mid-upgrade, then upgrades every row', async () => {
    const written = await call<{ verno: number; highlights: number; articles: number; tags: number }>('write', newsSentences(), ARTICLES, HIGHLIGHTS);
    expect(written).toMatchObject({ verno: 2, highlights: HIGHLIGHTS, articles: ARTICLES });

    // The worker opens the database on its first request and asks for v3; the open v2 connection holds it back.
    const pending = ask(page, 'stats.get').catch((error: Error) => ({ ok: false, value: null, error: error.message }));
    await expect.poll(() => call<boolean>('asked'), { timeout: 15_000 }).toBe(true);
    await call('release');
    // Let the upgrade start, then stop the worker while it runs.
    await page.waitForTimeout(300);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const first = await pending;
    expect(first.ok).not.toBe(true);
    // Nothing of the half-done upgrade was kept.
    expect(await call<{ version: number | null }>('inspect')).toEqual({ version: 20 });

    // The next request starts the worker again, which upgrades from the start.
    const started = Date.now();
    const stats = await ask<{ articles: number; highlights: number; tags: number }>(page, 'stats.get');
    const upgradeMs = Date.now() - started;
    expect(stats.ok).toBe(true);
    expect(stats.value).toEqual({ articles: ARTICLES, highlights: HIGHLIGHTS, tags: written.tags });
    // IndexedDB's version is Dexie's times ten: v2 straight to the current v4 (v3's tag ids, then v4's first versions).
    expect(await call<{ version: number | null }>('inspect')).toEqual({ version: 40 });
    console.log(`v2 → v4 upgrade of ${HIGHLIGHTS} highlights in Chromium: ${upgradeMs} ms`);

    // Every tag name is still carried, counted from the tag-id index.
    const tags = await ask<{ name: string; highlights: number }[]>(page, 'tags.list');
    expect(tags.ok).toBe(true);
    expect(tags.value.reduce((n, t) => n + t.highlights, 0)).toBeGreaterThan(HIGHLIGHTS * 0.3);
  }, 180_000);

  it('answers library searches in the side panel from the rebuilt index', async () => {
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?view=library`);
    await panel.fill('.search-input', 'pollution');
    await panel.waitForFunction(() => /\d/.test(document.querySelector('.results-count')?.textContent ?? ''), null, { timeout: 20_000 });
    expect(await panel.locator('.result-item').count()).toBeGreaterThan(0);
    await panel.close();
  }, 60_000);
});
