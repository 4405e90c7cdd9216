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
  const range = onRange(db, driver.ranges![0]!);
  const ordered = direction === 'asc' ? range : range.reverse();
  const need = skip + wanted;
  const [own, fromArticles] = await Promise.all([
    ordered.filter(test).limit(need).toArray() as Promise<IndexedHighlight[]>,
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
  const ordered = direction === 'asc' ? db.highlights.orderBy('createdAt') : db.highlights.orderBy('createdAt').reverse();
  const collection = clauses.length === 0 ? ordered : ordered.filter(matchesAll(clauses));
  const rows = (await collection.offset(skip).limit(wanted).toArray()) as IndexedHighlight[];
  return { rows, exhausted: rows.length < wanted };
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
