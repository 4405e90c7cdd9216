/**
 * Applies a restore in ONE transaction over articles, highlights, tags and the
 * search index: the plan is recomputed inside it, writes go in chunks with
 * progress, and an abort or any failure rolls everything back (a crash
 * mid-restore leaves the old data, never half of the new). The plan's records
 * become rows holding the ids of the tags stored or added with it.
 *
 * A large restore defers the index and rebuilds it in one pass after the rows
 * (lib/search/postings/rebuild.ts): keeping it row batch by row batch would
 * rewrite each term's chunks once per batch.
 */
import type { Table } from 'dexie';
import type { GlossDatabase } from '../../model/database';
import { articleToRow, highlightToRow } from '../../model/rows';
import { tagMapsOf } from '../../db/tag-maps';
import { deferSearchIndex, rebuildSearchIndex } from '../../search/postings';
import type { RecordSet } from './backup-schema';
import { verifiedSnapshots } from './restore-snapshots';
import { planRestore, planSize, type PlannedChanges, type RestorePlan } from './restore-plan';

const CHUNK = 1_000;
/** Restores writing fewer highlights than this, or under a quarter of the library, keep the index row by row. */
const REBUILD_MIN_HIGHLIGHTS = 500;

function rebuildsIndex(plan: RestorePlan, storedHighlights: number): boolean {
  const written = plan.highlights.add.length + plan.highlights.update.length;
  return written >= REBUILD_MIN_HIGHLIGHTS && written * 4 >= storedHighlights + plan.highlights.add.length;
}

export interface RestoreProgress {
  done: number;
  total: number;
}

export interface RestoreOptions {
  onProgress?: (progress: RestoreProgress) => void;
  signal?: AbortSignal;
}

export class RestoreAbortedError extends Error {
  constructor() {
    super('The restore was cancelled; the database is unchanged.');
    this.name = 'RestoreAbortedError';
  }
}

/**
 * New rows go in with bulkAdd (no lookup of an existing row, which write hooks would need for a put). Records
 * become rows a chunk at a time, so a large restore holds one copy of its records, not two.
 */
async function writeAll<R, T>(
  table: Table<T, string>,
  changes: Pick<PlannedChanges<R>, 'add' | 'update'>,
  toRow: (record: R) => T,
  tick: (n: number) => void,
): Promise<void> {
  for (const [records, write] of [
    [changes.add, (chunk: T[]) => table.bulkAdd(chunk)],
    [changes.update, (chunk: T[]) => table.bulkPut(chunk)],
  ] as const) {
    for (let i = 0; i < records.length; i += CHUNK) {
      const chunk = records.slice(i, i + CHUNK).map(toRow);
      await write(chunk);
      tick(chunk.length);
    }
  }
}

/** Restores the records; resolves with the plan that was applied. Throws RestoreAbortedError when cancelled. */
export async function applyRestore(db: GlossDatabase, incoming: RecordSet, options: RestoreOptions = {}): Promise<RestorePlan> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw new RestoreAbortedError();
  try {
    // Snapshot files are hashed first: the transaction cannot wait for crypto.
    const { kept: snapshots, damaged } = await verifiedSnapshots(incoming.snapshots ?? []);
    return await db.transaction('rw', [db.articles, db.highlights, db.tags, db.versions, db.snapshots, db.snapshotFiles, db.postings], async (tx) => {
      const plan = await planRestore(db, { ...incoming, snapshots });
      plan.snapshots.skip += damaged;
      const stored = await db.highlights.count();
      const rebuild = rebuildsIndex(plan, stored);
      // Indexing counts as one step per highlight of the library after the restore.
      const total = planSize(plan) + (rebuild ? stored + plan.highlights.add.length : 0);
      let done = 0;
      onProgress?.({ done, total });
      const tick = (n: number) => {
        done += n;
        onProgress?.({ done, total });
        // Throwing inside the transaction aborts it: nothing written so far is kept.
        if (signal?.aborted) throw new RestoreAbortedError();
      };
      if (rebuild) deferSearchIndex(tx.idbtrans);
      const { idOf } = tagMapsOf([...(await db.tags.toArray()), ...plan.tags.add]);
      await writeAll(db.articles, plan.articles, (a) => articleToRow(a, idOf), tick);
      await writeAll(db.tags, { add: plan.tags.add, update: [] }, (t) => t, tick);
      await writeAll(db.highlights, plan.highlights, (h) => highlightToRow(h, idOf), tick);
      await writeAll(db.versions, plan.versions, (v) => v, tick);
      for (const { record, file } of plan.snapshots.add) {
        await db.snapshotFiles.add(file);
        await db.snapshots.add(record);
        tick(1);
      }
      if (rebuild) {
        const written = done;
        await rebuildSearchIndex(tx, { signal, onProgress: (p) => onProgress?.({ done: written + p.done, total }) });
      }
      if (signal?.aborted) throw new RestoreAbortedError();
      return plan;
    });
  } catch (error) {
    if (signal?.aborted) throw new RestoreAbortedError();
    throw error;
  }
}
