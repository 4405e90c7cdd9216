/**
 * Applies a restore in ONE transaction over articles, highlights and tags:
 * the plan is recomputed inside it, writes go in chunks with progress, and an
 * abort or any failure rolls everything back.
 */
import type { Table } from 'dexie';
import type { GlossDatabase } from '../../model/database';
import type { RecordSet } from './backup-schema';
import { planRestore, planSize, type RestorePlan } from './restore-plan';

const CHUNK = 1_000;

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

/** New rows go in with bulkAdd (no lookup of an existing row, which write hooks would need for a put). */
async function writeAll<T>(table: Table<T, string>, changes: { add: readonly T[]; update: readonly T[] }, tick: (n: number) => void): Promise<void> {
  for (const [rows, write] of [
    [changes.add, (chunk: T[]) => table.bulkAdd(chunk)],
    [changes.update, (chunk: T[]) => table.bulkPut(chunk)],
  ] as const) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
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
    return await db.transaction('rw', db.articles, db.highlights, db.tags, async () => {
      const plan = await planRestore(db, incoming);
      const total = planSize(plan);
      let done = 0;
      onProgress?.({ done, total });
      const tick = (n: number) => {
        done += n;
        onProgress?.({ done, total });
        // Throwing inside the transaction aborts it: nothing written so far is kept.
        if (signal?.aborted) throw new RestoreAbortedError();
      };
      await writeAll(db.articles, plan.articles, tick);
      await writeAll(db.tags, { add: plan.tags.add, update: [] }, tick);
      await writeAll(db.highlights, plan.highlights, tick);
      if (signal?.aborted) throw new RestoreAbortedError();
      return plan;
    });
  } catch (error) {
    if (signal?.aborted) throw new RestoreAbortedError();
    throw error;
  }
}
