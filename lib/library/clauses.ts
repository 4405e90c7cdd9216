/**
 * The conditions of a library query, each able to answer three ways:
 * estimate its size from index counts, list its highlight ids from indexes,
 * and test one loaded row. The planner (search.ts) materializes the small
 * ones and tests the rest on rows.
 */
import type { GlossDatabase } from '../db/database';
import type { IndexedHighlight, IndexedArticle } from './search-terms-field';
import { foldText } from './fold';
import {
  HAS_NOTE_TERM, articleSearchTexts, highlightSearchTexts, parseQuery, termsSatisfy, type QueryClause,
} from './terms';
import type { LibraryFilters } from './types';

export interface Clause {
  /** Upper bound of matching highlights, from index counts. */
  estimate: number;
  /** Ids of highlights that may match (a superset when `verify` is set); absent when no index helps. */
  keys?: () => Promise<Set<string>>;
  /** The exact test on a loaded row. */
  test(row: IndexedHighlight): boolean;
  /** True when `keys()` is not exact, so rows must be tested. */
  verify: boolean;
}

const MAX_UNICODE = '\uffff';

/*
 * Every index read below is one plain key range (`equals`, `between`):
 * Dexie answers those with IDB getAllKeys/count in one request, while
 * `anyOf`/`inAnyRange` walk a cursor, one round trip per entry.
 */

async function highlightsOfArticles(db: GlossDatabase, articleIds: ReadonlySet<string>): Promise<string[]> {
  const lists = await Promise.all([...articleIds].map((id) => db.highlights.where('articleId').equals(id).primaryKeys()));
  return lists.flat() as string[];
}

/** Highlights per article on average, asked for only when an article set must be estimated. */
export type PerArticle = () => Promise<number>;

export function highlightsPerArticle(db: GlossDatabase): PerArticle {
  let answer: Promise<number> | null = null;
  return () =>
    (answer ??= Promise.all([db.highlights.count(), db.articles.count()]).then(([h, a]) => (a === 0 ? 0 : h / a)));
}

const articleEstimate = async (ids: ReadonlySet<string>, perArticle: PerArticle) =>
  ids.size === 0 ? 0 : ids.size * (await perArticle());

type IndexedTable = GlossDatabase['highlights'] | GlossDatabase['articles'];

/** The index ranges of one query clause, as `[lower, upper]` pairs on `searchTerms`. */
function clauseRanges(clause: QueryClause): [string, string][][] {
  switch (clause.kind) {
    case 'prefix':
      return [[[clause.prefix, clause.prefix + MAX_UNICODE]]];
    case 'exact':
      // Every bigram must be present: one range list per bigram, intersected.
      return clause.terms.map((term) => [[term, term]]);
    case 'word': {
      const ranges: [string, string][] = [[clause.stem, clause.stem]];
      if (clause.prefix !== null) ranges.push([clause.prefix, clause.prefix + MAX_UNICODE]);
      return [ranges];
    }
  }
}

/** Primary keys of rows having any of the ranges on an index (a range is `[lower, upper]`, inclusive). */
async function rangeKeys(table: IndexedTable, index: string, ranges: [string, string][]): Promise<Set<string>> {
  const lists = await Promise.all(ranges.map(([lo, hi]) => table.where(index).between(lo, hi, true, true).primaryKeys()));
  return new Set(lists.flat() as string[]);
}

/** Sum of the ranges' entry counts: an upper bound of the rows having any of them. */
async function rangeCount(table: IndexedTable, index: string, ranges: [string, string][]): Promise<number> {
  const counts = await Promise.all(ranges.map(([lo, hi]) => table.where(index).between(lo, hi, true, true).count()));
  return counts.reduce((a, b) => a + b, 0);
}

/** Intersects sets, smallest first, without copying the largest. */
export function intersectAll(sets: Set<string>[]): Set<string> {
  if (sets.length === 0) return new Set();
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  const out = new Set<string>();
  for (const key of smallest!) if (rest.every((set) => set.has(key))) out.add(key);
  return out;
}

const foldedHighlightText = (row: IndexedHighlight): string => foldText(highlightSearchTexts(row).join('\n'));

/** One clause of the free-text query: on the highlight's own fields, or on its article's. */
async function textClause(db: GlossDatabase, clause: QueryClause, perArticle: PerArticle): Promise<Clause> {
  const rangeLists = clauseRanges(clause);
  const substring = clause.kind === 'exact' ? clause.substring : null;

  // Articles are few (thousands): find the matching ones exactly, now.
  let articleIds = intersectAll(await Promise.all(rangeLists.map((ranges) => rangeKeys(db.articles, 'searchTerms', ranges))));
  if (substring !== null && articleIds.size > 0) {
    const articles = (await db.articles.bulkGet([...articleIds])) as (IndexedArticle | undefined)[];
    articleIds = new Set(
      articles
        .filter((a): a is IndexedArticle => !!a && foldText(articleSearchTexts(a).join('\n')).includes(substring))
        .map((a) => a.id),
    );
  }
  const counts = await Promise.all(rangeLists.map((ranges) => rangeCount(db.highlights, 'searchTerms', ranges)));
  return {
    estimate: Math.min(...counts) + (await articleEstimate(articleIds, perArticle)),
    verify: substring !== null,
    async keys() {
      const own = intersectAll(await Promise.all(rangeLists.map((ranges) => rangeKeys(db.highlights, 'searchTerms', ranges))));
      for (const key of await highlightsOfArticles(db, articleIds)) own.add(key);
      return own;
    },
    test(row) {
      if (articleIds.has(row.articleId)) return true;
      if (!termsSatisfy(row.searchTerms ?? [], clause)) return false;
      return substring === null || foldedHighlightText(row).includes(substring);
    },
  };
}

export async function queryClauses(db: GlossDatabase, query: string, perArticle: PerArticle): Promise<Clause[]> {
  const parsed = parseQuery(query);
  return Promise.all(parsed.map((clause) => textClause(db, clause, perArticle)));
}

const tagMatches = (stored: string, wanted: string): boolean => stored === wanted || stored.startsWith(wanted + '/');

async function tagClause(db: GlossDatabase, tag: string, perArticle: PerArticle): Promise<Clause> {
  const descendants = tag + '/';
  const ranges: [string, string][] = [[tag, tag], [descendants, descendants + MAX_UNICODE]];
  const articleIds = await rangeKeys(db.articles, 'tags', ranges);
  const own = await rangeCount(db.highlights, 'tags', ranges);
  return {
    estimate: own + (await articleEstimate(articleIds, perArticle)),
    verify: false,
    async keys() {
      const keys = await rangeKeys(db.highlights, 'tags', ranges);
      for (const key of await highlightsOfArticles(db, articleIds)) keys.add(key);
      return keys;
    },
    test: (row) => articleIds.has(row.articleId) || row.tags.some((stored) => tagMatches(stored, tag)),
  };
}

/** A clause on an indexed highlight field with any of some values. */
async function anyOfClause(
  db: GlossDatabase,
  index: 'color' | 'status',
  values: readonly string[],
): Promise<Clause> {
  const wanted = new Set(values);
  const ranges = [...wanted].map((value): [string, string] => [value, value]);
  return {
    estimate: await rangeCount(db.highlights, index, ranges),
    verify: false,
    keys: () => rangeKeys(db.highlights, index, ranges),
    test: (row) => wanted.has(row[index]),
  };
}

/** A clause on the article (site, published date), known as a set of article ids. */
async function articleSetClause(db: GlossDatabase, articleIds: Set<string>, perArticle: PerArticle): Promise<Clause> {
  return {
    estimate: await articleEstimate(articleIds, perArticle),
    verify: false,
    keys: async () => new Set(await highlightsOfArticles(db, articleIds)),
    test: (row) => articleIds.has(row.articleId),
  };
}

function annotatedRangeClause(db: GlossDatabase, from: number, to: number, estimate: number): Clause {
  return {
    estimate,
    verify: false,
    keys: async () => new Set((await db.highlights.where('createdAt').between(from, to, true, false).primaryKeys()) as string[]),
    test: (row) => row.createdAt >= from && row.createdAt < to,
  };
}

async function hasNoteClause(db: GlossDatabase, wanted: boolean): Promise<Clause> {
  const withNote = () => db.highlights.where('searchTerms').equals(HAS_NOTE_TERM);
  const count = await withNote().count();
  const test = (row: IndexedHighlight) => (row.note.trim().length > 0) === wanted;
  if (!wanted) return { estimate: (await db.highlights.count()) - count, verify: true, test };
  return { estimate: count, verify: false, test, keys: async () => new Set((await withNote().primaryKeys()) as string[]) };
}

export async function filterClauses(db: GlossDatabase, filters: LibraryFilters, perArticle: PerArticle): Promise<Clause[]> {
  const clauses: Clause[] = [];
  for (const tag of filters.tags ?? []) clauses.push(await tagClause(db, tag, perArticle));
  if (filters.colors?.length) clauses.push(await anyOfClause(db, 'color', filters.colors));
  if (filters.statuses?.length) clauses.push(await anyOfClause(db, 'status', filters.statuses));
  if (filters.sites?.length) {
    const sites = filters.sites.map((site): [string, string] => [site, site]);
    clauses.push(await articleSetClause(db, await rangeKeys(db.articles, 'siteName', sites), perArticle));
  }
  if (filters.publishedFrom !== undefined || filters.publishedTo !== undefined) {
    const from = filters.publishedFrom ?? '';
    // A prefix bound (`2022-09`) includes the whole month.
    const to = (filters.publishedTo ?? MAX_UNICODE) + MAX_UNICODE;
    const ids = await db.articles.where('publishedDate').between(from, to, true, true).primaryKeys();
    clauses.push(await articleSetClause(db, new Set(ids as string[]), perArticle));
  }
  if (filters.annotatedFrom !== undefined || filters.annotatedTo !== undefined) {
    const from = filters.annotatedFrom ?? -Infinity;
    const to = filters.annotatedTo ?? Infinity;
    const estimate = await db.highlights.where('createdAt').between(from, to, true, false).count();
    clauses.push(annotatedRangeClause(db, from, to, estimate));
  }
  if (filters.hasNote !== undefined) clauses.push(await hasNoteClause(db, filters.hasNote));
  return clauses;
}
