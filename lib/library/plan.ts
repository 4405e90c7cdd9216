/**
 * Query planning: which clauses to answer from index key sets, and how to
 * page the result in sort order while loading as few rows as possible.
 *
 * Reading ids from an index is cheap (one getAllKeys, no row decoded);
 * loading rows is what costs. So small clauses are listed and intersected,
 * smallest first; when the result needs no row test, only the page's rows
 * are loaded, placed by the `createdAt` index's id order. Rows are tested
 * (substring verification, unlisted clauses) chunk by chunk in sort order,
 * stopping once the page is full.
 */
import type { GlossDatabase } from '../db/database';
import { filterClauses, highlightsPerArticle, intersectAll, queryClauses, type Clause } from './clauses';
import type { IndexedHighlight } from './search-terms-field';
import type { LibraryQuery } from './types';

/** Clauses estimated above this are not listed: walking the sort index finds their matches sooner. */
const KEY_SET_LIMIT = 20_000;
/** Once the candidates are this few, testing their rows beats listing another clause. */
const FEW_CANDIDATES = 200;
/** Up to this many candidates needing a row test are all loaded (exact total); beyond, only enough for the page. */
const ROW_LOAD_LIMIT = 600;

export async function buildClauses(db: GlossDatabase, query: LibraryQuery): Promise<Clause[]> {
  const perArticle = highlightsPerArticle(db);
  const [text, filters] = await Promise.all([
    queryClauses(db, query.query ?? '', perArticle),
    filterClauses(db, query.filters ?? {}, perArticle),
  ]);
  return [...text, ...filters];
}

export interface Candidates {
  keys: Set<string>;
  /** Clauses that still need a test on each row. */
  rowTests: Clause[];
}

/** Candidate ids from the clauses small enough to list, or null when none is. */
export async function candidateKeys(clauses: readonly Clause[]): Promise<Candidates | null> {
  const listable = clauses.filter((c) => c.keys && c.estimate <= KEY_SET_LIMIT).sort((a, b) => a.estimate - b.estimate);
  if (listable.length === 0) return null;
  const listed = new Set<Clause>([listable[0]!]);
  let keys = await listable[0]!.keys!();
  for (const clause of listable.slice(1)) {
    if (keys.size <= FEW_CANDIDATES) break;
    keys = intersectAll([keys, await clause.keys!()]);
    listed.add(clause);
  }
  return { keys, rowTests: clauses.filter((c) => !listed.has(c) || c.verify) };
}

export const matchesAll = (clauses: readonly Clause[]) => (row: IndexedHighlight): boolean =>
  clauses.every((clause) => clause.test(row));

export async function loadRows(db: GlossDatabase, ids: Iterable<string>): Promise<IndexedHighlight[]> {
  const rows = (await db.highlights.bulkGet([...ids])) as (IndexedHighlight | undefined)[];
  return rows.filter((row): row is IndexedHighlight => row !== undefined);
}

/** Every candidate row that passes the remaining tests. */
export async function loadMatching(db: GlossDatabase, candidates: Candidates): Promise<IndexedHighlight[]> {
  const test = matchesAll(candidates.rowTests);
  return (await loadRows(db, candidates.keys)).filter(test);
}

/** Highlight ids in annotation order, from the `createdAt` index alone. */
export async function idsByAnnotated(db: GlossDatabase, direction: LibraryQuery['direction']): Promise<string[]> {
  const ids = (await db.highlights.orderBy('createdAt').primaryKeys()) as string[];
  return direction === 'asc' ? ids : ids.reverse();
}

/**
 * The rows at positions [skip, skip + wanted) among candidates in annotation
 * order, testing rows in growing chunks; the boolean says whether every
 * candidate was examined (then the count of matches seen is the total).
 */
export async function pageInAnnotatedOrder(
  db: GlossDatabase,
  candidates: Candidates,
  direction: LibraryQuery['direction'],
  skip: number,
  wanted: number,
): Promise<{ rows: IndexedHighlight[]; matched: number; exhausted: boolean }> {
  const ordered = (await idsByAnnotated(db, direction)).filter((id) => candidates.keys.has(id));
  const test = matchesAll(candidates.rowTests);
  if (candidates.rowTests.length === 0) {
    // Exact candidates: positions are known without loading anything but the page.
    const rows = await loadRows(db, ordered.slice(skip, skip + wanted));
    return { rows, matched: ordered.length, exhausted: true };
  }
  const found: IndexedHighlight[] = [];
  let matched = 0;
  let next = 0;
  for (let chunk = Math.max(wanted, 32); next < ordered.length && matched < skip + wanted; chunk *= 2) {
    for (const row of await loadRows(db, ordered.slice(next, next + chunk))) {
      if (!test(row)) continue;
      if (matched >= skip && found.length < wanted) found.push(row);
      matched++;
    }
    next += chunk;
  }
  return { rows: found, matched, exhausted: next >= ordered.length };
}

export { ROW_LOAD_LIMIT };
