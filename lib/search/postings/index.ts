/**
 * The search index in its own table: for each term, the sorted `seq`s of the
 * highlights having it, in chunks. Kept by a DBCore middleware in the rows'
 * own transactions; rebuilt in one pass by bulk writers and the v3 upgrade.
 */
import type { Transaction } from 'dexie';
import { rebuildSearchIndex as rebuild, type IndexTables, type RebuildOptions } from './rebuild';

export { searchIndexMiddleware, deferSearchIndex } from './middleware';
export type { RebuildOptions } from './rebuild';

/** Rebuilds the index inside `tx`, which must include highlights, articles and postings. */
export function rebuildSearchIndex(tx: Transaction, options: RebuildOptions = {}): Promise<void> {
  const tables = { highlights: tx.table('highlights'), articles: tx.table('articles'), postings: tx.table('postings') } as IndexTables;
  return rebuild(tables, options);
}
