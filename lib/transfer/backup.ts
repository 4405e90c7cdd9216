/**
 * Backup of the whole database as versioned JSON, produced as a stream of
 * string parts (one record per line) read page by page, so 100,000 highlights
 * never become one giant string or one giant array.
 */
import type { Table } from 'dexie';
import type { GlossDatabase } from '../model/database';
import type { ArticleRow, HighlightRow, SnapshotRecord, TagRecord } from '../model/records';
import { articleFromRow, highlightFromRow } from '../model/rows';
import { CURRENT_VERSION } from '../db/schema';
import { tagMapsOf } from '../db/tag-maps';
import { isAlias } from '../tags/tag-aliases';
import { storedFields } from './import/backup-schema';
import { bytesToBase64 } from './base64';

export const BACKUP_FORMAT = 'gloss-backup';
export const BACKUP_VERSION = 1;
const PAGE_SIZE = 2_000;

export interface BackupProgress {
  done: number;
  total: number;
}

export interface BackupOptions {
  /** The `exportedAt` time (epoch ms); now by default. */
  now?: number;
  onProgress?: (progress: BackupProgress) => void;
  signal?: AbortSignal;
}

/** Rows of a table in primary-key order, a page at a time. */
async function* pagesOf<T extends { id: string }>(table: Table<T, string>, signal?: AbortSignal): AsyncGenerator<T[]> {
  let last: string | null = null;
  for (;;) {
    signal?.throwIfAborted();
    const page: T[] = await (last === null ? table.orderBy(':id') : table.where(':id').above(last)).limit(PAGE_SIZE).toArray();
    if (page.length === 0) return;
    yield page;
    last = page[page.length - 1]!.id;
    if (page.length < PAGE_SIZE) return;
  }
}

export async function* backupParts(db: GlossDatabase, options: BackupOptions = {}): AsyncGenerator<string> {
  const { signal, onProgress } = options;
  const [articles, highlights, versions, snapshots, tagRows] = await Promise.all([
    db.articles.count(), db.highlights.count(), db.versions.count(), db.snapshots.count(), db.tags.toArray(),
  ]);
  // Rows hold tag ids; the backup holds names, as it always has (old backups restore, new ones read alike).
  const { nameOf } = tagMapsOf(tagRows);
  const asRecord = {
    articles: (row: object) => articleFromRow(row as ArticleRow, nameOf),
    highlights: (row: object) => highlightFromRow(row as HighlightRow, nameOf),
    tags: (row: object) => row,
    versions: (row: object) => row,
  };
  // Aliases are internal: records already name their targets, so a backup after a merge reads as if rewritten.
  const kept = { articles: () => true, highlights: () => true, tags: (row: object) => !isAlias(row as TagRecord), versions: () => true };
  const total = articles + highlights + tagRows.filter(kept.tags).length + versions + snapshots;
  let done = 0;
  const header = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: CURRENT_VERSION,
    exportedAt: new Date(options.now ?? Date.now()).toISOString(),
  };
  yield `${JSON.stringify(header).slice(0, -1)},\n`;
  const tables = [
    ['articles', db.articles],
    ['highlights', db.highlights],
    ['tags', db.tags],
    ['versions', db.versions],
  ] as const;
  for (const [name, table] of tables) {
    yield `"${name}": [`;
    let first = true;
    for await (const page of pagesOf<{ id: string }>(table as unknown as Table<{ id: string }, string>, signal)) {
      const rows = page.filter(kept[name]);
      yield rows.map((row) => `${first ? ((first = false), '\n') : ',\n'}${JSON.stringify(storedFields(name, asRecord[name](row)))}`).join('');
      done += rows.length;
      onProgress?.({ done, total });
    }
    yield `${first ? '' : '\n'}],\n`;
  }
  // Snapshots last, one per line with its file (base64): the largest lines of a backup.
  yield '"snapshots": [';
  let first = true;
  for await (const page of pagesOf<SnapshotRecord>(db.snapshots as unknown as Table<SnapshotRecord, string>, signal)) {
    for (const snapshot of page) {
      const file = await db.snapshotFiles.get(snapshot.id);
      if (!file) continue;
      const record = storedFields('snapshots', { ...snapshot, data: bytesToBase64(file.data) });
      yield `${first ? ((first = false), '\n') : ',\n'}${JSON.stringify(record)}`;
      onProgress?.({ done: ++done, total });
    }
  }
  yield `${first ? '' : '\n'}]\n`;
  yield '}\n';
}

/** The whole backup as one string: for tests and small databases only. */
export async function backupToString(db: GlossDatabase, options: BackupOptions = {}): Promise<string> {
  const parts: string[] = [];
  for await (const part of backupParts(db, options)) parts.push(part);
  return parts.join('');
}

// Parts are handed to a Blob about every megabyte: the browser keeps Blob data out of the JS heap.
const FLUSH_CHARS = 1 << 20;

/** The backup as a Blob, built in slices so memory stays bounded whatever the database's size. */
export async function backupToBlob(db: GlossDatabase, options: BackupOptions = {}): Promise<Blob> {
  const slices: Blob[] = [];
  let parts: string[] = [];
  let pending = 0;
  for await (const part of backupParts(db, options)) {
    parts.push(part);
    pending += part.length;
    if (pending >= FLUSH_CHARS) {
      slices.push(new Blob(parts));
      parts = [];
      pending = 0;
    }
  }
  slices.push(new Blob(parts));
  return new Blob(slices, { type: 'application/json' });
}
