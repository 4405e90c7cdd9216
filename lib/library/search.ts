/**
 * Library search: free text plus filters, sorted and paged.
 *
 * Plan: every condition is a clause with an index-count estimate. When the
 * smallest is small, its id set is listed from the index and intersected
 * with the other small ones (smallest first); those few rows are loaded,
 * tested exactly (substring verification for long CJK queries), sorted and
 * paged, and the total is exact. When every clause is large (a one-letter
 * query, `的`, no query at all) most rows match anyway, so walking the sort
 * index and testing rows until the page is full is cheaper than listing
 * tens of thousands of ids; the total is then left to `countMatches`.
 */
import type { GlossDatabase } from '../db/database';
import type { ArticleRecord } from '../db/types';
import { filterClauses, highlightsPerArticle, intersectAll, queryClauses, type Clause } from './clauses';
import { withoutSearchTerms, type IndexedHighlight } from './search-terms-field';
import {
  summarizeArticle, type ArticleSummary, type LibraryHighlight, type LibraryQuery, type PageRequest, type SearchPage,
} from './types';

export const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;
/** Above this many candidate ids, walking the sort index wins over listing and loading them. */
const KEY_SET_LIMIT = 4000;
/** Below this many candidates, testing rows is cheaper than listing another clause's ids. */
const FEW_CANDIDATES = 300;

export async function buildClauses(db: GlossDatabase, query: LibraryQuery): Promise<Clause[]> {
  const perArticle = await highlightsPerArticle(db);
  const [text, filters] = await Promise.all([
    queryClauses(db, query.query ?? '', perArticle),
    filterClauses(db, query.filters ?? {}, perArticle),
  ]);
  return [...text, ...filters];
}

/** Candidate ids from the clauses small enough to list, or null when none is. */
export async function candidateKeys(clauses: readonly Clause[]): Promise<Set<string> | null> {
  const listable = clauses.filter((c) => c.keys && c.estimate <= KEY_SET_LIMIT).sort((a, b) => a.estimate - b.estimate);
  if (listable.length === 0) return null;
  let keys = await listable[0]!.keys!();
  for (const clause of listable.slice(1)) {
    if (keys.size <= FEW_CANDIDATES) break;
    keys = intersectAll([keys, await clause.keys!()]);
  }
  return keys;
}

export const matchesAll = (clauses: readonly Clause[]) => (row: IndexedHighlight): boolean =>
  clauses.every((clause) => clause.test(row));

async function loadMatching(db: GlossDatabase, keys: Set<string>, clauses: readonly Clause[]): Promise<IndexedHighlight[]> {
  const rows = (await db.highlights.bulkGet([...keys])) as (IndexedHighlight | undefined)[];
  const test = matchesAll(clauses);
  return rows.filter((row): row is IndexedHighlight => row !== undefined && test(row));
}

async function articlesById(db: GlossDatabase, ids: Iterable<string>): Promise<Map<string, ArticleRecord>> {
  const unique = [...new Set(ids)];
  const articles = await db.articles.bulkGet(unique);
  return new Map(articles.filter((a): a is ArticleRecord => a !== undefined).map((a) => [a.id, a]));
}

/** Compares published dates, undated articles last in either direction. */
function comparePublished(a: string | null, b: string | null, sign: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -sign : sign;
}

async function sortRows(db: GlossDatabase, rows: IndexedHighlight[], query: LibraryQuery): Promise<IndexedHighlight[]> {
  const sign = query.direction === 'asc' ? 1 : -1;
  const byAnnotated = (a: IndexedHighlight, b: IndexedHighlight) =>
    sign * (a.createdAt - b.createdAt) || (a.id < b.id ? -sign : a.id > b.id ? sign : 0);
  if (query.sort !== 'published') return rows.sort(byAnnotated);
  const published = await publishedDates(db, rows.map((row) => row.articleId));
  return rows.sort(
    (a, b) =>
      comparePublished(published.get(a.articleId) ?? null, published.get(b.articleId) ?? null, sign) ||
      (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) ||
      byAnnotated(a, b),
  );
}

async function publishedDates(db: GlossDatabase, articleIds: readonly string[]): Promise<Map<string, string | null>> {
  const articles = await articlesById(db, articleIds);
  return new Map([...articles].map(([id, a]) => [id, a.publishedDate]));
}

/** Walks highlights newest (or oldest) first, testing each row, until `wanted` matched. */
async function walkAnnotated(db: GlossDatabase, clauses: readonly Clause[], query: LibraryQuery, skip: number, wanted: number) {
  const ordered = db.highlights.orderBy('createdAt');
  const collection = query.direction === 'asc' ? ordered : ordered.reverse();
  return (await collection.filter(matchesAll(clauses)).offset(skip).limit(wanted).toArray()) as IndexedHighlight[];
}

/** Article ids by published date (undated last), the order of the `published` sort. */
async function articlesInPublishedOrder(db: GlossDatabase, direction: LibraryQuery['direction']): Promise<string[]> {
  const dated = (await db.articles.orderBy('publishedDate').primaryKeys()) as string[];
  if (direction !== 'asc') dated.reverse();
  const datedSet = new Set(dated);
  const all = (await db.articles.toCollection().primaryKeys()) as string[];
  return [...dated, ...all.filter((id) => !datedSet.has(id))];
}

async function walkPublished(db: GlossDatabase, clauses: readonly Clause[], query: LibraryQuery, skip: number, wanted: number) {
  const order = await articlesInPublishedOrder(db, query.direction);
  const test = matchesAll(clauses);
  const found: IndexedHighlight[] = [];
  const sign = query.direction === 'asc' ? 1 : -1;
  // Articles in growing batches: few reads when matches are dense, few round trips when sparse.
  for (let i = 0, batch = 4; i < order.length && found.length < skip + wanted; i += batch, batch = Math.min(batch * 2, 256)) {
    const chunk = order.slice(i, i + batch);
    const rank = new Map(chunk.map((id, index) => [id, index]));
    const rows = ((await db.highlights.where('articleId').anyOf(chunk).toArray()) as IndexedHighlight[]).filter(test);
    rows.sort((a, b) => rank.get(a.articleId)! - rank.get(b.articleId)! || sign * (a.createdAt - b.createdAt));
    found.push(...rows);
  }
  return found.slice(skip, skip + wanted);
}

async function withArticles(db: GlossDatabase, rows: readonly IndexedHighlight[]): Promise<LibraryHighlight[]> {
  const articles = await articlesById(db, rows.map((row) => row.articleId));
  return rows.map((row) => {
    const article = articles.get(row.articleId);
    const summary: ArticleSummary | null = article ? summarizeArticle(article) : null;
    return { highlight: withoutSearchTerms(row), article: summary };
  });
}

function pageBounds(page: PageRequest): { offset: number; limit: number } {
  const offset = Math.max(0, Math.floor(page.offset ?? 0));
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(page.limit ?? DEFAULT_PAGE_SIZE)));
  return { offset, limit };
}

/** One page of highlights matching the query and filters, each with its article. */
export async function searchHighlights(db: GlossDatabase, query: LibraryQuery & PageRequest = {}): Promise<SearchPage> {
  const { offset, limit } = pageBounds(query);
  return db.transaction('r', db.highlights, db.articles, async () => {
    const clauses = await buildClauses(db, query);
    const keys = await candidateKeys(clauses);
    if (keys !== null) {
      const rows = await sortRows(db, await loadMatching(db, keys, clauses), query);
      const page = rows.slice(offset, offset + limit);
      const nextOffset = offset + limit < rows.length ? offset + limit : null;
      return { items: await withArticles(db, page), total: rows.length, nextOffset, plan: 'keys' };
    }
    const walk = query.sort === 'published' ? walkPublished : walkAnnotated;
    // One more than asked: tells whether a next page exists.
    const rows = await walk(db, clauses, query, offset, limit + 1);
    const page = rows.slice(0, limit);
    const nextOffset = rows.length > limit ? offset + limit : null;
    const total = nextOffset === null ? offset + page.length : null;
    return { items: await withArticles(db, page), total, nextOffset, plan: 'walk' };
  });
}

/** The exact number of matches; may read every row for broad queries with unindexed conditions. */
export async function countMatches(db: GlossDatabase, query: LibraryQuery = {}): Promise<number> {
  return db.transaction('r', db.highlights, db.articles, async () => {
    const clauses = await buildClauses(db, query);
    if (clauses.length === 0) return db.highlights.count();
    const keys = await candidateKeys(clauses);
    if (keys !== null) return (await loadMatching(db, keys, clauses)).length;
    if (clauses.every((clause) => clause.keys && !clause.verify)) {
      return intersectAll(await Promise.all(clauses.map((clause) => clause.keys!()))).size;
    }
    return db.highlights.filter(matchesAll(clauses)).count();
  });
}
