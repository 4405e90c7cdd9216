/**
 * Versions of an article in Chromium with the built extension: highlight an article, the publisher edits it, a
 * revisit stores the new text, and the side panel says it changed since it was clipped and shows the word diff.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { ROOT, sharedFixtureRoute } from './harness';
import { openExtensionPage, openPageWithExtension, readStoreIn, type PageSession } from './panel-helpers';

const SHOTS = join(ROOT, 'test-results');
/** Replacements applied to the served page, to play the publisher editing it. */
let edits: [string, string][] = [];
let session: PageSession;
let panel: Page;

interface StoredVersion {
  articleId: string;
  hash: string;
  text: string | null;
  patch: string | null;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  session = await openPageWithExtension(undefined, (path) => {
    const served = sharedFixtureRoute(path);
    if (!served || !edits.length) return served;
    let html = served.body.toString();
    for (const [from, to] of edits) html = html.replace(from, to);
    return { ...served, body: html };
  });
  await session.highlight('感谢屋场恳谈会，解决了我们和周边6个组的土地权属纠纷', 'yellow');
});

afterAll(async () => {
  await session?.close();
});

describe('versions of an article', () => {
  it('stores the edited text on a revisit and shows "Changed since you clipped it" with the word diff', async () => {
    const { browser, page, tabId } = session;
    panel = await openExtensionPage(browser, `sidepanel.html?tab=${tabId}`);
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.waitForSelector('.highlight-card');
    // Unchanged so far: no notice.
    expect(await panel.$('.article-changed')).toBeNull();

    edits = [['全县共召开屋场恳谈会12298场次', '全县共召开屋场恳谈会12398场次'], ['激发了群众主人翁意识', '充分激发了群众主人翁意识']];
    await page.reload();
    // The content script reports the article's text once the page settled (about six seconds after the load).
    await panel.waitForSelector('.article-changed', { timeout: 30_000 });
    const versions = await readStoreIn<StoredVersion>(panel, 'versions');
    expect(versions).toHaveLength(2);
    expect(versions.filter((v) => v.text !== null)).toHaveLength(1);
    expect(versions.find((v) => v.patch !== null)!.patch).toContain('+自首推屋场恳谈会制度以来，衡南县充分激发了群众主人翁意识');

    const notice = panel.locator('.article-changed');
    expect(await notice.textContent()).toMatch(/Changed since you clipped it|自你摘录以来/);
    expect(await notice.textContent()).toMatch(/Clipped .+ · last seen .+|摘录于 .+ · 最近一次看到 .+/);
    await notice.getByRole('button', { name: /Show changes|显示改动/ }).click();
    await panel.waitForSelector('.version-diff ins');
    expect(await panel.$$eval('.version-diff ins', (els) => els.map((e) => e.textContent))).toEqual(['充分', '12398']);
    expect(await panel.$$eval('.version-diff del', (els) => els.map((e) => e.textContent))).toEqual(['12298']);
    await notice.screenshot({ path: join(SHOTS, 'sidepanel-changed.png') });
    await panel.screenshot({ path: join(SHOTS, 'sidepanel-changed-full.png'), fullPage: true });
    // The notice, its diff and the snapshots section pass axe in both themes.
    for (const colorScheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme });
      expect(await seriousViolations(panel)).toEqual([]);
    }

    // The highlight's passage did not change: it is still anchored exactly.
    expect(await panel.locator('.highlight-card').count()).toBe(1);
  });

  it('exports the text as clipped with its SHA-256 and the diff to the current version, when asked', async () => {
    await panel.click('.export-button');
    await panel.waitForSelector('.export-dialog .export-download');
    await panel.selectOption('.export-dialog .export-format', 'markdown');
    await panel.check('.export-dialog .export-proof input');
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.click('.export-dialog .export-download')]);
    const markdown = readFileSync((await download.path())!, 'utf8');
    const clipped = markdown.match(/SHA-256 `([0-9a-f]{64})`\n\n~~~text\n([\s\S]*?)\n~~~\n/);
    expect(clipped).not.toBeNull();
    // The stated hash is the SHA-256 of the text as printed, and that text is the original (not the edited) one.
    expect(clipped![1]).toBe(createHash('sha256').update(clipped![2]!).digest('hex'));
    expect(clipped![2]).toContain('全县共召开屋场恳谈会12298场次');
    expect(markdown).toMatch(/~~~diff\n[\s\S]*\n-[^\n]*12298场次[\s\S]*\n\+[^\n]*12398场次/);
    await panel.keyboard.press('Escape');
  });

  it('stores nothing more when the same edited text is seen again', async () => {
    await session.page.reload();
    await session.page.waitForTimeout(8_000);
    expect(await readStoreIn<StoredVersion>(panel, 'versions')).toHaveLength(2);
  });

  it('shows an orphan whose passage the publisher rewrote with the date it was last seen', async () => {
    const { page } = session;
    await session.highlight('许多上访事件源于群众对政策不理解', 'blue');
    edits = [...edits, ['许多上访事件源于群众对政策不理解', '不少信访问题来自对政策的误读']];
    await page.reload();
    const orphan = panel.locator('.highlight-card.status-orphan');
    await orphan.waitFor({ timeout: 30_000 });
    // The visit's text comes about six seconds after the load; then the orphan says when its words were last there.
    await orphan.locator('.orphan-last-seen').waitFor({ timeout: 30_000 });
    expect(await orphan.locator('blockquote').textContent()).toBe('许多上访事件源于群众对政策不理解');
    expect(await orphan.locator('.orphan-last-seen').textContent()).toMatch(/Last seen on the page .+|最后一次在网页上见到这段文字是 .+/);
    expect(await readStoreIn<StoredVersion>(panel, 'versions')).toHaveLength(3);
    await orphan.screenshot({ path: join(SHOTS, 'sidepanel-orphan-last-seen.png') });
    expect(await seriousViolations(panel)).toEqual([]);
  });
});
