/**
 * Query planning. Reading from IndexedDB costs per entry read, so every read
 * here is bounded by a limit, and there are three ways to answer:
 *
 * 1. Some clause lists at most PROBE_CAP ids: intersect the small lists,
 *    load those few rows, test, sort, page. The total is exact.
 * 2. Otherwise, sorting by date annotated, one clause whose single index
 *    range is already in annotation order (a term's `[term, createdAt]`
 *    entries, or a `createdAt` range) drives: its rows are read newest
 *    first, tested, and merged with the highlights of its matching
 *    articles, until the page is full.
 * 3. Otherwise walk the sort index itself, testing rows until the page is full.
 */
import type { GlossDatabase } from '../db/database';
import { filterClauses, isTimeOrdered, queryClauses, type Clause, type IndexRange } from './clauses';
import type { IndexedHighlight } from './search-terms-field';
import type { LibraryQuery } from './types';

/** Ids listed per clause before it counts as too broad to list. */
const PROBE_CAP = 400;
/** A driving clause may bring in the highlights of at most this many articles. */
const MERGE_ARTICLES_LIMIT = 40;

export async function buildClauses(db: GlossDatabase, query: LibraryQuery): Promise<Clause[]> {
  const [text, filters] = await Promise.all([queryClauses(db, query.query ?? ''), filterClauses(db, query.filters ?? {})]);
  return [...text, ...filters];
}

export const matchesAll = (clauses: readonly Clause[]) => (row: IndexedHighlight): boolean =>
  clauses.every((clause) => clause.test(row));

const onRange = (db: GlossDatabase, range: IndexRange) =>
  db.highlights.where(range.index).between(range.lower, range.upper, true, true);

/** A clause's ids when there are at most `cap` (a superset when it verifies rows); null when more or unindexed. */
async function listClause(db: GlossDatabase, clause: Clause, cap: number): Promise<Set<string> | null> {
  if (clause.ranges === null || clause.articleIds.size > cap) return null;
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

/** The clause that can drive an annotation-order read: one time-ordered range, fewest articles to merge. */
function drivingClause(clauses: readonly Clause[]): Clause | null {
  const candidates = clauses.filter(
    (c) => c.ranges?.length === 1 && isTimeOrdered(c.ranges[0]!) && c.articleIds.size <= MERGE_ARTICLES_LIMIT,
  );
  const termLength = (c: Clause) => String((c.ranges![0]!.lower as unknown[])[0] ?? '').length;
  // Fewer articles to merge first, then the longer term: longer terms are rarer.
  candidates.sort((a, b) => a.articleIds.size - b.articleIds.size || termLength(b) - termLength(a));
  return candidates[0] ?? null;
}

export interface Walked {
  rows: IndexedHighlight[];
  /** True when every possible match was seen, so `offset + rows` is the total. */
  exhausted: boolean;
}

const byAnnotated = (sign: number) => (a: IndexedHighlight, b: IndexedHighlight) =>
  sign * (a.createdAt - b.createdAt) || (a.id < b.id ? -sign : a.id > b.id ? sign : 0);

/** Plan 2: rows [skip, skip + wanted) in annotation order, driven by one clause's time-ordered range. */
async function walkDriven(
  db: GlossDatabase,
  driver: Clause,
  clauses: readonly Clause[],
  direction: LibraryQuery['direction'],
  skip: number,
  wanted: number,
): Promise<Walked> {
  const test = matchesAll(clauses);
  const range = driver.ranges![0]!;
  const need = skip + wanted;
  const inWindow =
    range.index === 'createdAt'
      ? (from: number, to: number) =>
          db.highlights.where('createdAt').between(Math.max(from, range.lower as number), Math.min(to, range.upper as number), true, false)
      : (from: number, to: number) => {
          const term = (range.lower as unknown[])[0];
          return db.highlights.where('searchTerms').between([term, from], [term, to], true, false);
        };
  const [{ rows: own }, fromArticles] = await Promise.all([
    readByTimeWindows(db, inWindow, direction, test, need),
    Promise.all([...driver.articleIds].map((id) => db.highlights.where('articleId').equals(id).toArray())),
  ]);
  const seen = new Set(own.map((row) => row.id));
  const extra = (fromArticles.flat() as IndexedHighlight[]).filter((row) => !seen.has(row.id) && test(row));
  const merged = [...own, ...extra].sort(byAnnotated(direction === 'asc' ? 1 : -1));
  // Own rows past the limit come after every row kept, so the first `need` of the merge are right.
  return { rows: merged.slice(skip, need), exhausted: own.length < need };
}

/** Plan 3: walk the `createdAt` index itself. */
async function walkAll(db: GlossDatabase, clauses: readonly Clause[], direction: LibraryQuery['direction'], skip: number, wanted: number): Promise<Walked> {
  const inWindow = (from: number, to: number) => db.highlights.where('createdAt').between(from, to, true, false);
  const { rows, exhausted } = await readByTimeWindows(db, inWindow, direction, matchesAll(clauses), skip + wanted);
  return { rows: rows.slice(skip), exhausted };
}

const FIRST_WINDOW_MS = 86_400_000;

/**
 * Reads rows in annotation order through time windows, each one bounded
 * `getAll` (a cursor costs a round trip per row, several times more), the
 * window doubling while it finds too little, until `need` rows pass `test`.
 */
async function readByTimeWindows(
  db: GlossDatabase,
  inWindow: (from: number, to: number) => { toArray(): PromiseLike<unknown[]> },
  direction: LibraryQuery['direction'],
  test: (row: IndexedHighlight) => boolean,
  need: number,
): Promise<Walked> {
  const [first, last] = await Promise.all([db.highlights.orderBy('createdAt').first(), db.highlights.orderBy('createdAt').last()]);
  if (!first || !last) return { rows: [], exhausted: true };
  const start = first.createdAt;
  const end = last.createdAt + 1;
  const found: IndexedHighlight[] = [];
  const ascending = direction === 'asc';
  let width = FIRST_WINDOW_MS;
  for (let edge = ascending ? start : end; ascending ? edge < end : edge > start; width *= 2) {
    const [from, to] = ascending ? [edge, Math.min(end, edge + width)] : [Math.max(start, edge - width), edge];
    const rows = ((await inWindow(from, to).toArray()) as IndexedHighlight[]).filter(test);
    rows.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    found.push(...(ascending ? rows : rows.reverse()));
    if (found.length >= need) return { rows: found.slice(0, need), exhausted: false };
    edge = ascending ? to : from;
  }
  return { rows: found, exhausted: true };
}

export function walkAnnotated(db: GlossDatabase, clauses: readonly Clause[], direction: LibraryQuery['direction'], skip: number, wanted: number): Promise<Walked> {
  const driver = drivingClause(clauses);
  return driver ? walkDriven(db, driver, clauses, direction, skip, wanted) : walkAll(db, clauses, direction, skip, wanted);
}

export function sortByAnnotated(rows: IndexedHighlight[], direction: LibraryQuery['direction']): IndexedHighlight[] {
  return rows.sort(byAnnotated(direction === 'asc' ? 1 : -1));
}

/** Visits every highlight in chunks of bounded reads (for counts that must see everything). */
export async function scanRows(db: GlossDatabase, visit: (row: IndexedHighlight) => void, chunk = 5000): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows = (await (after === null ? db.highlights.limit(chunk) : db.highlights.where(':id').above(after).limit(chunk)).toArray()) as IndexedHighlight[];
    rows.forEach(visit);
    if (rows.length < chunk) return;
    after = rows[rows.length - 1]!.id;
  }
}
