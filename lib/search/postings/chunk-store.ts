/**
 * Writing postings: each term's keys live in chunks of at most CHUNK_SIZE
 * sorted keys, keyed `[term, first key]`. A change reads only the chunks its
 * keys fall in (a new highlight, the newest key, touches each term's last
 * chunk), merges, and packs them again. Works on Dexie's DBCore so the
 * middleware (middleware.ts) can write in the caller's own transaction.
 */
import type { DBCoreKeyRange, DBCoreTable, DBCoreTransaction } from 'dexie';
import type { PostingRow } from '../../model/records';
import { chunkKeys, makeChunk } from './encoding';
import { concatKeys, sortedKeys, subtractKeys, unionKeys, type Keys } from './keys';

export const CHUNK_SIZE = 1000;
const RANGE = 2 as DBCoreKeyRange['type'];

/** Keys to add and to remove, per term. */
export class PostingChanges {
  readonly add = new Map<string, number[]>();
  readonly remove = new Map<string, number[]>();

  private push(into: Map<string, number[]>, term: string, key: number): void {
    const list = into.get(term);
    if (list) list.push(key);
    else into.set(term, [key]);
  }

  /** Records the move of one highlight from (oldKey, oldTerms) to (newKey, newTerms); either side may be absent. */
  diff(oldKey: number | undefined, oldTerms: readonly string[], newKey: number | undefined, newTerms: readonly string[]): void {
    const same = oldKey === newKey;
    const kept = same ? new Set(oldTerms) : new Set<string>();
    const added = same ? new Set(newTerms) : new Set<string>();
    if (oldKey !== undefined) for (const term of oldTerms) if (!same || !added.has(term)) this.push(this.remove, term, oldKey);
    if (newKey !== undefined) for (const term of newTerms) if (!same || !kept.has(term)) this.push(this.add, term, newKey);
  }

  get size(): number {
    return this.add.size + this.remove.size;
  }
}

/** Packs sorted keys into chunk rows of at most CHUNK_SIZE (all full but the last). */
export function packChunks(term: string, keys: Keys): PostingRow[] {
  const rows: PostingRow[] = [];
  for (let i = 0; i < keys.length; i += CHUNK_SIZE) rows.push(makeChunk(term, keys.subarray(i, i + CHUNK_SIZE)));
  return rows;
}

const range = (lower: unknown, upper: unknown, lowerOpen = false): DBCoreKeyRange => ({ type: RANGE, lower, upper, lowerOpen, upperOpen: false });

async function applyTerm(table: DBCoreTable, trans: DBCoreTransaction, term: string, add: Keys, remove: Keys): Promise<void> {
  const lo = Math.min(add[0] ?? Infinity, remove[0] ?? Infinity);
  const hi = Math.max(add.at(-1) ?? -Infinity, remove.at(-1) ?? -Infinity);
  const index = table.schema.primaryKey;
  // The chunk a key below every chunk start would join, then every chunk up to the highest key.
  const before = (await table.query({ trans, values: true, limit: 1, direction: 'prev', query: { index, range: range([term, -Infinity], [term, lo]) } })).result as PostingRow[];
  const lower = before[0] ? before[0].start : -Infinity;
  const after =
    before.length > 0 && lower >= hi
      ? []
      : ((await table.query({ trans, values: true, query: { index, range: range([term, lower], [term, hi], before.length > 0) } })).result as PostingRow[]);
  let chunks = [...before, ...after];
  if (chunks.length === 0) {
    // Keys below the first chunk join it.
    chunks = (await table.query({ trans, values: true, limit: 1, query: { index, range: range([term, hi], [term, Infinity], true) } })).result as PostingRow[];
  }
  const merged = subtractKeys(unionKeys([concatKeys(chunks.map(chunkKeys)), add]), remove);
  const rows = packChunks(term, merged);
  const kept = new Set(rows.map((row) => row.start));
  const stale = chunks.filter((chunk) => !kept.has(chunk.start)).map((chunk) => [term, chunk.start]);
  if (stale.length > 0) await table.mutate({ type: 'delete', trans, keys: stale });
  if (rows.length > 0) await table.mutate({ type: 'put', trans, values: rows, keys: rows.map((row) => [term, row.start]) });
}

export async function applyPostingChanges(table: DBCoreTable, trans: DBCoreTransaction, changes: PostingChanges): Promise<void> {
  const terms = new Set([...changes.add.keys(), ...changes.remove.keys()]);
  await Promise.all(
    [...terms].map((term) =>
      applyTerm(table, trans, term, sortedKeys(changes.add.get(term) ?? []), sortedKeys(changes.remove.get(term) ?? [])),
    ),
  );
}
