/** The side panel's page snapshots: listed and saved in the extension's own database (no page repaints for them). */
import { deleteSnapshot, listSnapshots, snapshotData } from '@/lib/db/snapshots';
import type { ArticleRecord, SnapshotRecord } from '@/lib/model/records';
import { capturePage } from '@/lib/tabs/page-capture';
import { db } from './db';

export const pageSnapshots = (urlKey: string) => listSnapshots(db, urlKey);
export const saveSnapshotOf = (tabId: number, article: ArticleRecord) => capturePage(db, tabId, article);
export const removeSnapshot = (id: string) => deleteSnapshot(db, id);

/** "gloss-snapshot-2026-12-03-1405.mhtml": sorts by date in a folder. */
export function snapshotFileName(snapshot: SnapshotRecord): string {
  const at = new Date(snapshot.capturedAt).toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return `gloss-snapshot-${at}.mhtml`;
}

/** Hands the file to the browser's downloads, as a link click (no downloads permission needed). */
export async function downloadSnapshot(snapshot: SnapshotRecord): Promise<boolean> {
  const data = await snapshotData(db, snapshot.id);
  if (!data) return false;
  const url = URL.createObjectURL(new Blob([data], { type: 'multipart/related' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: snapshotFileName(snapshot) });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
