/**
 * Reading in annotation order through time windows. A highlight's index
 * entries are `[term, createdAt]`, so one term's matches inside a window are
 * one bounded key range: a window can intersect several terms' ids (keys
 * only, cheap) and load just the rows in the intersection. Windows start at
 * a day and double while they find too little, so recent matches cost little
 * and rare ones a few dozen reads.
 */
import type { GlossDatabase } from '../model/database';
import { isTimeOrdered, type Clause, type IndexRange } from './clauses';
import { rowTerms, type IndexedHighlight } from './search-terms-field';
import type { LibraryQuery } from './types';

const FIRST_WINDOW_MS = 86_400_000;
/** A prefix expanding to more terms than this is tested on rows instead. */
const MAX_PREFIX_TERMS = 24;
/**
 * Shorter prefixes (one CJK character, one or two letters) are not expanded:
 * their terms are many, each costs a read, and their matches are dense enough
 * for a plain walk by date.
 */
const MIN_EXPANDED_PREFIX = 3;
/** A clause may bring in the highlights of at most this many articles. */
const MAX_JOIN_ARTICLES = 60;

/** The part of a clause that a window can list: time-ordered ranges plus its articles' highlights. */
export interface JoinStream {
  ranges: IndexRange[];
  articleHighlights: ReadonlySet<string>;
}

const isPrefixRange = (range: IndexRange) =>
  range.index === 'searchTerms' && (range.lower as unknown[])[0] !== (range.upper as unknown[])[0];

/** The distinct terms in a prefix range, one row read per term; null when more than `max`. */
async function expandPrefix(db: GlossDatabase, range: IndexRange, max: number): Promise<string[] | null> {
  const prefix = (range.lower as [string, number])[0];
  const terms: string[] = [];
  let lower: unknown = range.lower;
  for (;;) {
    const row = (await db.highlights.where('searchTerms').between(lower, range.upper, terms.length === 0, true).first()) as
      | IndexedHighlight
      | undefined;
    if (!row) return terms;
    const last = terms.at(-1);
    // The first entry's term is the smallest term of this row past the previous one.
    const next = [...rowTerms(row)].filter((t) => t.startsWith(prefix) && (last === undefined || t > last)).sort()[0];
    if (next === undefined || terms.length === max) return next === undefined ? terms : null;
    terms.push(next);
    lower = [next, Infinity];
  }
}

async function timeOrderedRanges(db: GlossDatabase, clause: Clause): Promise<IndexRange[] | null> {
  if (clause.ranges === null || clause.ranges.length === 0) return null;
  const out: IndexRange[] = [];
  for (const range of clause.ranges) {
    if (isTimeOrdered(range)) out.push(range);
    else if (isPrefixRange(range) && Array.from((range.lower as [string, number])[0]).length >= MIN_EXPANDED_PREFIX) {
      const terms = await expandPrefix(db, range, MAX_PREFIX_TERMS);
      if (terms === null) return null;
      for (const term of terms) out.push({ index: 'searchTerms', lower: [term, -Infinity], upper: [term, Infinity] });
    } else return null;
  }
  return out;
}

/** The clauses that can take part in a windowed join. */
export async function joinStreams(db: GlossDatabase, clauses: readonly Clause[]): Promise<JoinStream[]> {
  const streams = await Promise.all(
    clauses.map(async (clause): Promise<JoinStream | null> => {
      if (clause.articleIds.size > MAX_JOIN_ARTICLES) return null;
      const ranges = await timeOrderedRanges(db, clause);
      if (ranges === null) return null;
      const lists = await Promise.all([...clause.articleIds].map((id) => db.highlights.where('articleId').equals(id).primaryKeys()));
      return { ranges, articleHighlights: new Set(lists.flat() as string[]) };
    }),
  );
  return streams.filter((stream): stream is JoinStream => stream !== null);
}

function windowKeys(db: GlossDatabase, range: IndexRange, from: number, to: number) {
  if (range.index === 'createdAt') {
    const lower = Math.max(from, range.lower as number);
    const upper = Math.min(to, range.upper as number);
    if (!(lower < upper)) return Promise.resolve([]);
    return db.highlights.where('createdAt').between(lower, upper, true, false).primaryKeys();
  }
  const term = (range.lower as unknown[])[0];
  return db.highlights.where('searchTerms').between([term, from], [term, to], true, false).primaryKeys();
}

/** Reads a window as the intersection of the streams' ids in it, loading only those rows (each once). */
export function joinedWindowReader(db: GlossDatabase, streams: readonly JoinStream[]) {
  const loaded = new Map<string, IndexedHighlight | undefined>();
  return async (from: number, to: number): Promise<IndexedHighlight[]> => {
    const sets = await Promise.all(
      streams.map(async (stream) => {
        const ids = new Set((await Promise.all(stream.ranges.map((r) => windowKeys(db, r, from, to)))).flat() as string[]);
        for (const id of stream.articleHighlights) ids.add(id);
        return ids;
      }),
    );
    const [smallest, ...rest] = sets.sort((a, b) => a.size - b.size);
    const ids = [...smallest!].filter((id) => rest.every((set) => set.has(id)));
    const missing = ids.filter((id) => !loaded.has(id));
    const rows = await db.highlights.bulkGet(missing);
    missing.forEach((id, i) => loaded.set(id, rows[i] as IndexedHighlight | undefined));
    // Article highlights are listed in every window: keep each in its own.
    return ids
      .map((id) => loaded.get(id))
      .filter((row): row is IndexedHighlight => row !== undefined && row.createdAt >= from && row.createdAt < to);
  };
}

/** Rows that `keep` keeps, in annotation order, window by window until `need` are found. */
export async function readByTimeWindows(
  db: GlossDatabase,
  readWindow: (from: number, to: number) => Promise<IndexedHighlight[]>,
  direction: LibraryQuery['direction'],
  keep: (rows: IndexedHighlight[]) => Promise<IndexedHighlight[]>,
  need: number,
): Promise<{ rows: IndexedHighlight[]; exhausted: boolean }> {
  const [first, last] = await Promise.all([db.highlights.orderBy('createdAt').first(), db.highlights.orderBy('createdAt').last()]);
  if (!first || !last) return { rows: [], exhausted: true };
  const start = first.createdAt;
  const end = last.createdAt + 1;
  const found: IndexedHighlight[] = [];
  const ascending = direction === 'asc';
  let width = FIRST_WINDOW_MS;
  for (let edge = ascending ? start : end; ascending ? edge < end : edge > start; width *= 2) {
    const [from, to] = ascending ? [edge, Math.min(end, edge + width)] : [Math.max(start, edge - width), edge];
    const rows = await keep(await readWindow(from, to));
    rows.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    found.push(...(ascending ? rows : rows.reverse()));
    if (found.length >= need) return { rows: found.slice(0, need), exhausted: false };
    edge = ascending ? to : from;
  }
  return { rows: found, exhausted: true };
}
