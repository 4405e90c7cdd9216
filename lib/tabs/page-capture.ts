/**
 * "Save page snapshot": Chrome's pageCapture saves the tab as one MHTML file. The permission is optional, asked
 * the first time the user saves one; Firefox has no pageCapture (its build does not list the permission).
 */
import { browser } from 'wxt/browser';
import { SnapshotRefusal, saveSnapshot } from '../db/snapshots';
import type { GlossDatabase } from '../model/database';
import type { ArticleRecord, SnapshotRecord } from '../model/records';
import { summaryOfTab } from './active-tab';

/** A new object each time: the browser APIs take a mutable list. */
const permission = () => ({ permissions: ['pageCapture' as const] });

type PageCapture = { saveAsMHTML(details: { tabId: number }): Promise<Blob | undefined> };

/** Whether this browser can save page snapshots at all (Chrome: yes, once allowed; Firefox: never). */
export function pageCaptureSupported(): boolean {
  const manifest = browser.runtime.getManifest();
  return [...(manifest.optional_permissions ?? []), ...(manifest.permissions ?? [])].includes('pageCapture');
}

/**
 * Asks for the permission. Call it first thing in the click handler: the browser shows its prompt only while the
 * click's user activation lasts. Answers whether it is granted.
 */
export function requestPageCapture(): Promise<boolean> {
  return browser.permissions.request(permission());
}

/**
 * Saves the tab as MHTML for `article`'s page. The tab must show that page before and after the capture (a
 * navigation in between would file another page's copy under this one). Errors are in plain words.
 */
export async function capturePage(db: GlossDatabase, tabId: number, article: ArticleRecord): Promise<SnapshotRecord> {
  if (!(await browser.permissions.contains(permission()))) {
    throw new SnapshotRefusal('snapshotNotAllowed', 'Gloss was not allowed to save page snapshots: nothing was saved.');
  }
  const showsArticle = async () => (await summaryOfTab(tabId))?.urlKey === article.urlKey;
  const before = await summaryOfTab(tabId);
  if (before?.urlKey !== article.urlKey) throw new SnapshotRefusal('snapshotTabMoved', 'The tab no longer shows this article: nothing was saved.');
  const capture = (browser as unknown as { pageCapture?: PageCapture }).pageCapture;
  if (!capture) throw new SnapshotRefusal('snapshotUnsupported', 'This browser cannot save page snapshots.');
  const blob = await capture.saveAsMHTML({ tabId });
  if (!blob) throw new SnapshotRefusal('snapshotFailed', 'The browser could not save this page: nothing was saved.');
  const data = new Uint8Array(await blob.arrayBuffer());
  if (!(await showsArticle())) throw new SnapshotRefusal('snapshotPageChanged', 'The page changed while it was being saved: nothing was saved. Try again.');
  return saveSnapshot(db, { articleId: article.id, url: before.url, title: before.title, data });
}
