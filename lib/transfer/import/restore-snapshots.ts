/**
 * Restoring page snapshots. A snapshot's file must hash to the SHA-256 it was listed with (checked before the
 * restore's transaction, which cannot wait for crypto); it joins the stored article its file's article was
 * matched to, and one already stored (same id, or same bytes for the same page) is skipped: a snapshot never
 * changes once saved.
 */
import { sha256Hex } from '../../versions';
import type { GlossDatabase } from '../../model/database';
import type { SnapshotFile, SnapshotRecord } from '../../model/records';
import { base64ToBytes } from '../base64';
import type { BackupSnapshot } from './backup-schema';

export interface PlannedSnapshots {
  add: { record: SnapshotRecord; file: SnapshotFile }[];
  update: never[];
  skip: number;
}

/** The snapshots whose bytes match their SHA-256 and size; `damaged` counts the others (left out). */
export async function verifiedSnapshots(snapshots: readonly BackupSnapshot[]): Promise<{ kept: BackupSnapshot[]; damaged: number }> {
  const kept: BackupSnapshot[] = [];
  for (const snapshot of snapshots) {
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = base64ToBytes(snapshot.data);
    } catch {
      continue;
    }
    if (bytes.byteLength === snapshot.bytes && (await sha256Hex(bytes)) === snapshot.sha256) kept.push(snapshot);
  }
  return { kept, damaged: snapshots.length - kept.length };
}

/** `articleOf` maps a file's article id to the stored (or added) article, undefined when it has none. */
export async function planSnapshots(
  db: GlossDatabase,
  incoming: readonly BackupSnapshot[],
  articleOf: (fileArticleId: string) => { id: string; urlKey: string } | undefined,
): Promise<PlannedSnapshots> {
  const planned: PlannedSnapshots = { add: [], update: [], skip: 0 };
  const taken = new Set((await db.snapshots.bulkGet(incoming.map((s) => s.id))).flatMap((row) => (row ? [row.id] : [])));
  const seen = new Set<string>();
  for (const { data, ...record } of incoming) {
    const article = articleOf(record.articleId);
    const same = `${article?.urlKey}\u0000${record.sha256}`;
    if (!article || taken.has(record.id) || seen.has(same)
      || (await db.snapshots.where('[urlKey+sha256]').equals([article.urlKey, record.sha256]).count()) > 0) {
      planned.skip++;
      continue;
    }
    seen.add(same);
    planned.add.push({ record: { ...record, articleId: article.id, urlKey: article.urlKey }, file: { id: record.id, data: base64ToBytes(data) } });
  }
  return planned;
}
