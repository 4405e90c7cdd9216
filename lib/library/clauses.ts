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

async function highlightsOfArticles(db: GlossDatabase, articleIds: ReadonlySet<string>): Promise<string[]> {
  if (articleIds.size === 0) return [];
  return (await db.highlights.where('articleId').anyOf([...articleIds]).primaryKeys()) as string[];
}

/** Highlights per article on average: turns an article count into a highlight estimate. */
export async function highlightsPerArticle(db: GlossDatabase): Promise<number> {
  const [highlights, articles] = await Promise.all([db.highlights.count(), db.articles.count()]);
  return articles === 0 ? 0 : highlights / articles;
}

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

async function termKeys(table: IndexedTable, ranges: [string, string][]): Promise<Set<string>> {
  const keys = await table.where('searchTerms').inAnyRange(ranges, { includeUppers: true }).primaryKeys();
  return new Set(keys as string[]);
}

function termCount(table: IndexedTable, ranges: [string, string][]): Promise<number> {
  return table.where('searchTerms').inAnyRange(ranges, { includeUppers: true }).count();
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
async function textClause(db: GlossDatabase, clause: QueryClause, perArticle: number): Promise<Clause> {
  const rangeLists = clauseRanges(clause);
  const substring = clause.kind === 'exact' ? clause.substring : null;

  // Articles are few (thousands): find the matching ones exactly, now.
  let articleIds = intersectAll(await Promise.all(rangeLists.map((ranges) => termKeys(db.articles, ranges))));
  if (substring !== null && articleIds.size > 0) {
    const articles = (await db.articles.bulkGet([...articleIds])) as (IndexedArticle | undefined)[];
    articleIds = new Set(
      articles
        .filter((a): a is IndexedArticle => !!a && foldText(articleSearchTexts(a).join('\n')).includes(substring))
        .map((a) => a.id),
    );
  }
  const counts = await Promise.all(rangeLists.map((ranges) => termCount(db.highlights, ranges)));
  return {
    estimate: Math.min(...counts) + articleIds.size * perArticle,
    verify: substring !== null,
    async keys() {
      const own = intersectAll(await Promise.all(rangeLists.map((ranges) => termKeys(db.highlights, ranges))));
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

export async function queryClauses(db: GlossDatabase, query: string, perArticle: number): Promise<Clause[]> {
  const parsed = parseQuery(query);
  return Promise.all(parsed.map((clause) => textClause(db, clause, perArticle)));
}

const tagMatches = (stored: string, wanted: string): boolean => stored === wanted || stored.startsWith(wanted + '/');

async function tagClause(db: GlossDatabase, tag: string, perArticle: number): Promise<Clause> {
  const descendants = tag + '/';
  const onTags = (table: IndexedTable) =>
    table.where('tags').inAnyRange([[tag, tag], [descendants, descendants + MAX_UNICODE]], { includeUppers: true });
  const articleIds = new Set((await onTags(db.articles).primaryKeys()) as string[]);
  const own = await onTags(db.highlights).count();
  return {
    estimate: own + articleIds.size * perArticle,
    verify: false,
    async keys() {
      const keys = new Set((await onTags(db.highlights).primaryKeys()) as string[]);
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
  const collection = () => db.highlights.where(index).anyOf([...wanted]);
  return {
    estimate: await collection().count(),
    verify: false,
    keys: async () => new Set((await collection().primaryKeys()) as string[]),
    test: (row) => wanted.has(row[index]),
  };
}

/** A clause on the article (site, published date), known as a set of article ids. */
function articleSetClause(db: GlossDatabase, articleIds: Set<string>, perArticle: number): Clause {
  return {
    estimate: articleIds.size * perArticle,
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

async function hasNoteClause(db: GlossDatabase, wanted: boolean, total: number): Promise<Clause> {
  const withNote = () => db.highlights.where('searchTerms').equals(HAS_NOTE_TERM);
  const count = await withNote().count();
  const test = (row: IndexedHighlight) => (row.note.trim().length > 0) === wanted;
  if (!wanted) return { estimate: total - count, verify: true, test };
  return { estimate: count, verify: false, test, keys: async () => new Set((await withNote().primaryKeys()) as string[]) };
}

export async function filterClauses(db: GlossDatabase, filters: LibraryFilters, perArticle: number): Promise<Clause[]> {
  const clauses: Clause[] = [];
  const total = await db.highlights.count();
  for (const tag of filters.tags ?? []) clauses.push(await tagClause(db, tag, perArticle));
  if (filters.colors?.length) clauses.push(await anyOfClause(db, 'color', filters.colors));
  if (filters.statuses?.length) clauses.push(await anyOfClause(db, 'status', filters.statuses));
  if (filters.sites?.length) {
    const ids = await db.articles.where('siteName').anyOf([...filters.sites]).primaryKeys();
    clauses.push(articleSetClause(db, new Set(ids as string[]), perArticle));
  }
  if (filters.publishedFrom !== undefined || filters.publishedTo !== undefined) {
    const from = filters.publishedFrom ?? '';
    // A prefix bound (`2022-09`) includes the whole month.
    const to = (filters.publishedTo ?? MAX_UNICODE) + MAX_UNICODE;
    const ids = await db.articles.where('publishedDate').between(from, to, true, true).primaryKeys();
    clauses.push(articleSetClause(db, new Set(ids as string[]), perArticle));
  }
  if (filters.annotatedFrom !== undefined || filters.annotatedTo !== undefined) {
    const from = filters.annotatedFrom ?? -Infinity;
    const to = filters.annotatedTo ?? Infinity;
    const estimate = await db.highlights.where('createdAt').between(from, to, true, false).count();
    clauses.push(annotatedRangeClause(db, from, to, estimate));
  }
  if (filters.hasNote !== undefined) clauses.push(await hasNoteClause(db, filters.hasNote, total));
  return clauses;
}
