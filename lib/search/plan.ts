/**
 * Query planning on postings. Every clause that the postings can list is a
 * sorted key list; their intersection is the candidates, already in
 * annotation order (a key is `createdAt` × 1,000 + tie-breaker). Without row
 * tests the candidates are the answer: the total is exact and a page is a
 * slice. With row tests (CJK phrases, broad prefixes), candidates are loaded
 * in sort order, in growing batches, until the page is full.
 */
import type { GlossDatabase } from '../model/database';
import type { QueryPlanInput } from './clauses';
import { publishedOrder } from './clauses';
import { intersectKeys, keysBetween, subtractKeys, type Keys } from './postings/keys';
import { termKeys } from './postings/read';
import { ALL_TERM } from './postings/row-terms';
import { TIES } from './postings/seq';
import type { LoadedRow, RowLoader } from './rows';
import type { LibraryQuery } from './types';

type RowTest = (row: LoadedRow) => boolean;

export interface Candidates {
  keys: Keys;
  tests: RowTest[];
}

const timeKey = (time: number) => (Number.isFinite(time) ? Math.ceil(time) * TIES : time);

export async function candidatesOf(db: GlossDatabase, input: QueryPlanInput): Promise<Candidates> {
  const listed = input.clauses.flatMap((clause) => (clause.keys ? [clause.keys] : [])).sort((a, b) => a.length - b.length);
  let keys = listed.length > 0 ? listed.reduce((acc, list) => intersectKeys(acc, list)) : await termKeys(db, ALL_TERM);
  for (const excluded of input.exclude) keys = subtractKeys(keys, excluded);
  if (input.annotated) keys = keysBetween(keys, timeKey(input.annotated.from), timeKey(input.annotated.to));
  return { keys, tests: input.clauses.flatMap((clause) => (clause.test ? [clause.test] : [])) };
}

export interface Walked {
  rows: LoadedRow[];
  /** True when every candidate was seen, so the rows found are all the matches. */
  exhausted: boolean;
}

const passes = (tests: readonly RowTest[]) => (row: LoadedRow) => tests.every((test) => test(row));

/** The first `need` matches in annotation order (newest first for `desc`). */
export async function walkAnnotated(loader: RowLoader, { keys, tests }: Candidates, direction: LibraryQuery['direction'], skip: number, need: number): Promise<Walked> {
  const ordered = direction === 'asc' ? keys : keys.slice().reverse();
  if (tests.length === 0) {
    const page = ordered.subarray(skip, skip + need);
    return { rows: await loader.load(page), exhausted: skip + need >= ordered.length };
  }
  const keep = passes(tests);
  const found: LoadedRow[] = [];
  let at = 0;
  for (let batch = Math.max(64, (skip + need) * 2); at < ordered.length && found.length < skip + need; batch = Math.min(batch * 2, 4096)) {
    found.push(...(await loader.load(ordered.subarray(at, at + batch))).filter(keep));
    at += batch;
  }
  return { rows: found.slice(skip, skip + need), exhausted: at >= ordered.length };
}

/** Sorts by published date (as the `published` term orders it), then article, then annotation time. */
function sortWithinPublished(rows: LoadedRow[], sign: number): LoadedRow[] {
  return rows.sort((a, b) => (a.row.articleId < b.row.articleId ? -1 : a.row.articleId > b.row.articleId ? 1 : 0) || sign * (a.row.seq! - b.row.seq!));
}

/** Candidates few enough to load at once and sort in memory. */
const LOAD_ALL = 2000;

export async function walkPublished(db: GlossDatabase, loader: RowLoader, { keys, tests }: Candidates, direction: LibraryQuery['direction'], skip: number, need: number): Promise<Walked> {
  const sign = direction === 'asc' ? 1 : -1;
  const keep = passes(tests);
  const order = await publishedOrder(db, direction === 'asc' ? 'asc' : 'desc');
  const rank = new Map(order.map((term, i) => [term.slice(3), i]));
  if (keys.length <= LOAD_ALL) {
    const rows = (await loader.load(keys)).filter(keep);
    const dateRank = (row: LoadedRow) => rank.get(row.article?.publishedDate ?? '') ?? order.length;
    sortWithinPublished(rows, sign).sort((a, b) => dateRank(a) - dateRank(b));
    return { rows: rows.slice(skip, skip + need), exhausted: true };
  }
  const found: LoadedRow[] = [];
  for (const term of order) {
    if (found.length >= skip + need) return { rows: found.slice(skip, skip + need), exhausted: false };
    const day = intersectKeys(await termKeys(db, term), keys);
    if (day.length > 0) found.push(...sortWithinPublished((await loader.load(day)).filter(keep), sign));
  }
  return { rows: found.slice(skip, skip + need), exhausted: true };
}

/** Every match (for exact counts): the candidates, tested in batches when tests remain. */
export async function countAll(loader: RowLoader, { keys, tests }: Candidates): Promise<number> {
  if (tests.length === 0) return keys.length;
  const keep = passes(tests);
  let count = 0;
  for (let at = 0; at < keys.length; at += 2000) count += (await loader.load(keys.subarray(at, at + 2000))).filter(keep).length;
  return count;
}
