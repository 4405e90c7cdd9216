/**
 * Page snapshots: an MHTML copy of a page with highlights, saved when the user asks (proof of what the page
 * showed, images and layout included). One list per page (an e-paper page's stories share it). Metadata and bytes
 * are stored apart so a list reads no file.
 */
import type { MessageKey } from '../i18n';
import type { GlossDatabase } from '../model/database';
import type { SnapshotRecord } from '../model/records';
import { newUuid } from '../model/uuid';
import { sha256Hex } from '../versions';

/** A page saved with its images rarely passes 20 MB; past this it is refused rather than filling the disk. */
export const MAX_SNAPSHOT_BYTES = 100 * 1024 * 1024;
/** Snapshots kept per page; the user deletes one to save another. */
export const MAX_SNAPSHOTS_PER_PAGE = 20;

/** Why a snapshot was not saved, with the UI string that says it (the message is the English one, for logs). */
export class SnapshotRefusal extends Error {
  constructor(readonly key: MessageKey, message: string, readonly substitutions: readonly (string | number)[] = []) {
    super(message);
    this.name = 'SnapshotRefusal';
  }
}

export interface NewSnapshot {
  /** The page's (first) article: the page must have one, so a snapshot always belongs to annotated reading. */
  articleId: string;
  url: string;
  title: string;
  data: Uint8Array<ArrayBuffer>;
  capturedAt?: number;
}

/**
 * Stores a capture of an article's page. Idempotent: the same bytes for the same page answer the snapshot
 * already stored. Throws, in plain words, for an unknown article, an empty or oversized file, or a full list.
 */
export async function saveSnapshot(db: GlossDatabase, snapshot: NewSnapshot): Promise<SnapshotRecord> {
  const { articleId, data } = snapshot;
  if (data.byteLength === 0) throw new SnapshotRefusal('snapshotEmpty', 'The page snapshot is empty: nothing was saved.');
  if (data.byteLength > MAX_SNAPSHOT_BYTES) {
    const mb = [Math.ceil(data.byteLength / 1048576), MAX_SNAPSHOT_BYTES / 1048576];
    throw new SnapshotRefusal('snapshotTooBig', `The page snapshot is ${mb[0]} MB, over the ${mb[1]} MB Gloss keeps: nothing was saved.`, mb);
  }
  const sha256 = await sha256Hex(data);
  return db.transaction('rw', db.articles, db.snapshots, db.snapshotFiles, async () => {
    const article = await db.articles.get(articleId);
    if (!article) throw new SnapshotRefusal('snapshotNoArticle', 'This article is not in Gloss any more: the page snapshot was not saved.');
    const same = await db.snapshots.where('[urlKey+sha256]').equals([article.urlKey, sha256]).first();
    if (same) return same;
    if ((await db.snapshots.where('urlKey').equals(article.urlKey).count()) >= MAX_SNAPSHOTS_PER_PAGE) {
      throw new SnapshotRefusal('snapshotFull', `This page already has ${MAX_SNAPSHOTS_PER_PAGE} snapshots: delete one to save another.`, [MAX_SNAPSHOTS_PER_PAGE]);
    }
    const record: SnapshotRecord = {
      id: newUuid(),
      articleId,
      urlKey: article.urlKey,
      url: snapshot.url,
      title: snapshot.title,
      capturedAt: snapshot.capturedAt ?? Date.now(),
      sha256,
      bytes: data.byteLength,
    };
    await db.snapshotFiles.add({ id: record.id, data });
    await db.snapshots.add(record);
    return record;
  });
}

/** A page's snapshots, newest first, without their bytes. */
export async function listSnapshots(db: GlossDatabase, urlKey: string): Promise<SnapshotRecord[]> {
  const rows = await db.snapshots.where('urlKey').equals(urlKey).toArray();
  return rows.sort((a, b) => b.capturedAt - a.capturedAt);
}

/** The MHTML bytes of a snapshot, or null once it was deleted. */
export async function snapshotData(db: GlossDatabase, id: string): Promise<Uint8Array<ArrayBuffer> | null> {
  return (await db.snapshotFiles.get(id))?.data ?? null;
}

export async function deleteSnapshot(db: GlossDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.snapshots, db.snapshotFiles, async () => {
    await db.snapshots.delete(id);
    await db.snapshotFiles.delete(id);
  });
}
