/**
 * Query planning. Reading from IndexedDB costs per entry read, so every read
 * here is bounded by a limit, and there are three ways to answer:
 *
 * 1. Some clause lists at most PROBE_CAP ids: intersect the small lists,
 *    load those few rows, test, sort, page. The total is exact.
 * 2. Otherwise, sorting by date annotated, time windows (time-windows.ts):
 *    newest first, each window intersects the ids that the clauses with
 *    time-ordered entries list in it, and loads only those rows; with no
 *    such clause, it loads the window's rows. Until the page is full.
 * 3. Sorting by date published: walk articles in that order.
 */
import type { GlossDatabase } from '../model/database';
import { filterClauses, queryClauses, type Clause, type IndexRange } from './clauses';
import { joinStreams, joinedWindowReader, readByTimeWindows } from './time-windows';
import type { IndexedHighlight } from './search-terms-field';
import type { LibraryQuery } from './types';

/** Ids listed per clause before it counts as too broad to list. */
const PROBE_CAP = 400;
const ARTICLE_HIGHLIGHTS_GUESS = 5;

export async function buildClauses(db: GlossDatabase, query: LibraryQuery): Promise<Clause[]> {
  const [text, filters] = await Promise.all([queryClauses(db, query.query ?? ''), filterClauses(db, query.filters ?? {})]);
  return [...text, ...filters];
}

export type RowFilter = (rows: IndexedHighlight[]) => Promise<IndexedHighlight[]>;

/** Keeps the rows passing every clause, after letting clauses load what their tests need. */
export const matchesAll = (clauses: readonly Clause[]): RowFilter => async (rows) => {
  await Promise.all(clauses.map((clause) => clause.prepare?.(rows)));
  return rows.filter((row) => clauses.every((clause) => clause.test(row)));
};

const onRange = (db: GlossDatabase, range: IndexRange) =>
  db.highlights.where(range.index).between(range.lower, range.upper, true, true);

/** A clause's ids when there are at most `cap` (a superset when it verifies rows); null when more or unindexed. */
async function listClause(db: GlossDatabase, clause: Clause, cap: number): Promise<Set<string> | null> {
  // Articles rarely have fewer than a few highlights each: many articles mean a broad clause,
  // and listing them would cost one read per article.
  if (clause.ranges === null || clause.articleIds.size > cap / ARTICLE_HIGHLIGHTS_GUESS) return null;
  const lists = await Promise.all([
    ...clause.ranges.map((range) => onRange(db, range).limit(cap + 1).primaryKeys()),
    ...[...clause.articleIds].map((id) => db.highlights.where('articleId').equals(id).limit(cap + 1).primaryKeys()),
  ]);
  const ids = new Set<string>();
  for (const list of lists) {
    for (const id of list) ids.add(id as string);
    if (ids.size > cap) return null;
  }
  return ids;
}

/** The ids matching the small clauses, or null when every clause is broad. */
export async function smallCandidates(db: GlossDatabase, clauses: readonly Clause[], cap = PROBE_CAP): Promise<Set<string> | null> {
  const lists = (await Promise.all(clauses.map((clause) => listClause(db, clause, cap)))).filter(
    (list): list is Set<string> => list !== null,
  );
  if (lists.length === 0) return null;
  const [smallest, ...rest] = lists.sort((a, b) => a.size - b.size);
  return new Set([...smallest!].filter((id) => rest.every((list) => list.has(id))));
}

export async function loadRows(db: GlossDatabase, ids: Iterable<string>): Promise<IndexedHighlight[]> {
  const rows = (await db.highlights.bulkGet([...ids])) as (IndexedHighlight | undefined)[];
  return rows.filter((row): row is IndexedHighlight => row !== undefined);
}

export interface Walked {
  rows: IndexedHighlight[];
  /** True when every possible match was seen, so `offset + rows` is the total. */
  exhausted: boolean;
}

const byAnnotated = (sign: number) => (a: IndexedHighlight, b: IndexedHighlight) =>
  sign * (a.createdAt - b.createdAt) || (a.id < b.id ? -sign : a.id > b.id ? sign : 0);

/** Rows [skip, skip + wanted) by date annotated: a windowed join when some clause allows it, else a windowed walk. */
export async function walkAnnotated(
  db: GlossDatabase,
  clauses: readonly Clause[],
  direction: LibraryQuery['direction'],
  skip: number,
  wanted: number,
): Promise<Walked> {
  const streams = await joinStreams(db, clauses);
  const readWindow =
    streams.length > 0
      ? joinedWindowReader(db, streams)
      : async (from: number, to: number) =>
          (await db.highlights.where('createdAt').between(from, to, true, false).toArray()) as IndexedHighlight[];
  const { rows, exhausted } = await readByTimeWindows(db, readWindow, direction, matchesAll(clauses), skip + wanted);
  return { rows: rows.slice(skip), exhausted };
}

export function sortByAnnotated(rows: IndexedHighlight[], direction: LibraryQuery['direction']): IndexedHighlight[] {
  return rows.sort(byAnnotated(direction === 'asc' ? 1 : -1));
}

/** Visits every highlight in chunks of bounded reads (for counts that must see everything). */
async function scanRows(db: GlossDatabase, visit: (rows: IndexedHighlight[]) => Promise<void>, chunk = 5000): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows = (await (after === null ? db.highlights.limit(chunk) : db.highlights.where(':id').above(after).limit(chunk)).toArray()) as IndexedHighlight[];
    await visit(rows);
    if (rows.length < chunk) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** Every matching row: from the small candidates, a full windowed join, or a scan of all rows. */
export async function allMatching(db: GlossDatabase, clauses: readonly Clause[]): Promise<IndexedHighlight[]> {
  const keep = matchesAll(clauses);
  const candidates = await smallCandidates(db, clauses);
  if (candidates !== null) return keep(await loadRows(db, candidates));
  const streams = clauses.length > 0 ? await joinStreams(db, clauses) : [];
  if (streams.length > 0) return (await readByTimeWindows(db, joinedWindowReader(db, streams), 'asc', keep, Infinity)).rows;
  const rows: IndexedHighlight[] = [];
  await scanRows(db, async (chunk) => {
    rows.push(...(await keep(chunk)));
  });
  return rows;
}
