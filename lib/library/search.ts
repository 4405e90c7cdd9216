/**
 * Library search: free text plus filters, sorted and paged.
 *
 * Every condition is a clause with an index-count estimate (plan.ts). When
 * some are small enough, their id sets are listed and intersected, and the
 * page is cut from the candidates in sort order. When every clause is huge
 * (a one-letter query, `的`, no query at all), most rows match anyway, so
 * walking the sort index and testing rows until the page is full is cheaper;
 * the total is then left to `countMatches` unless the walk reached the end.
 */
import type { GlossDatabase } from '../db/database';
import type { ArticleRecord } from '../db/types';
import { intersectAll, type Clause } from './clauses';
import {
  ROW_LOAD_LIMIT, buildClauses, candidateKeys, loadMatching, matchesAll, pageInAnnotatedOrder, type Candidates,
} from './plan';
import { withoutSearchTerms, type IndexedHighlight } from './search-terms-field';
import {
  summarizeArticle, type ArticleSummary, type LibraryHighlight, type LibraryQuery, type PageRequest, type SearchPage,
} from './types';

export const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;
const FEW_ROWS = 150;

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

async function pageFromCandidates(
  db: GlossDatabase,
  candidates: Candidates,
  query: LibraryQuery,
  offset: number,
  limit: number,
): Promise<{ rows: IndexedHighlight[]; total: number | null; hasMore: boolean }> {
  if (query.sort === 'published' && candidates.keys.size > ROW_LOAD_LIMIT) {
    const inCandidates: Clause = { estimate: candidates.keys.size, verify: false, test: (row) => candidates.keys.has(row.id) };
    const rows = await walkPublished(db, [inCandidates, ...candidates.rowTests], query, offset, limit + 1);
    return { rows: rows.slice(0, limit), total: candidates.rowTests.length === 0 ? candidates.keys.size : null, hasMore: rows.length > limit };
  }
  // Few candidates: loading them all is cheaper than reading every id in sort order.
  const loadAll =
    query.sort === 'published' ||
    candidates.keys.size <= FEW_ROWS ||
    (candidates.rowTests.length > 0 && candidates.keys.size <= ROW_LOAD_LIMIT);
  if (loadAll) {
    const rows = await sortRows(db, await loadMatching(db, candidates), query);
    return { rows: rows.slice(offset, offset + limit), total: rows.length, hasMore: offset + limit < rows.length };
  }
  const { rows, matched, exhausted } = await pageInAnnotatedOrder(db, candidates, query.direction, offset, limit + 1);
  return { rows: rows.slice(0, limit), total: exhausted ? matched : null, hasMore: rows.length > limit };
}

/** One page of highlights matching the query and filters, each with its article. */
export async function searchHighlights(db: GlossDatabase, query: LibraryQuery & PageRequest = {}): Promise<SearchPage> {
  const { offset, limit } = pageBounds(query);
  return db.transaction('r', db.highlights, db.articles, async () => {
    const clauses = await buildClauses(db, query);
    const candidates = await candidateKeys(clauses);
    if (candidates !== null) {
      const { rows, total, hasMore } = await pageFromCandidates(db, candidates, query, offset, limit);
      return { items: await withArticles(db, rows), total, nextOffset: hasMore ? offset + limit : null, plan: 'keys' };
    }
    const walk = query.sort === 'published' ? walkPublished : walkAnnotated;
    // One more than asked: tells whether a next page exists.
    const rows = await walk(db, clauses, query, offset, limit + 1);
    const page = rows.slice(0, limit);
    const hasMore = rows.length > limit;
    let total = hasMore ? null : offset + page.length;
    if (clauses.length === 0) total = await db.highlights.count();
    return { items: await withArticles(db, page), total, nextOffset: hasMore ? offset + limit : null, plan: 'walk' };
  });
}

/** The exact number of matches; may read every row for broad queries with unindexed conditions. */
export async function countMatches(db: GlossDatabase, query: LibraryQuery = {}): Promise<number> {
  return db.transaction('r', db.highlights, db.articles, async () => {
    const clauses = await buildClauses(db, query);
    if (clauses.length === 0) return db.highlights.count();
    const candidates = await candidateKeys(clauses);
    if (candidates !== null) {
      if (candidates.rowTests.length === 0) return candidates.keys.size;
      return (await loadMatching(db, candidates)).length;
    }
    if (clauses.every((clause: Clause) => clause.keys && !clause.verify)) {
      return intersectAll(await Promise.all(clauses.map((clause) => clause.keys!()))).size;
    }
    return db.highlights.filter(matchesAll(clauses)).count();
  });
}
