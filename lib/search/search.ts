/**
 * Library search: free text plus filters, sorted and paged.
 *
 * Every condition is a clause (clauses.ts); plan.ts decides what to read.
 * The total comes for free when the candidates were few or the walk reached
 * the end; otherwise it is null and `countMatches` gives it.
 */
import type { GlossDatabase } from '../model/database';
import type { ArticleRecord } from '../model/records';
import type { Clause } from './clauses';
import { allMatching, buildClauses, loadRows, matchesAll, smallCandidates, sortByAnnotated, walkAnnotated, type Walked } from './plan';
import { withoutSearchTerms, type IndexedHighlight } from './search-terms-field';
import {
  summarizeArticle, type ArticleSummary, type LibraryHighlight, type LibraryQuery, type PageRequest, type SearchPage,
} from './types';

export const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;

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
  sortByAnnotated(rows, query.direction);
  if (query.sort !== 'published') return rows;
  const published = await publishedDates(db, rows.map((row) => row.articleId));
  // Stable sort: within an article, annotation order is kept.
  return rows.sort(
    (a, b) =>
      comparePublished(published.get(a.articleId) ?? null, published.get(b.articleId) ?? null, sign) ||
      (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0),
  );
}

async function publishedDates(db: GlossDatabase, articleIds: readonly string[]): Promise<Map<string, string | null>> {
  const articles = await articlesById(db, articleIds);
  return new Map([...articles].map(([id, a]) => [id, a.publishedDate]));
}

/** Article ids by published date (undated last), the order of the `published` sort. */
async function articlesInPublishedOrder(db: GlossDatabase, direction: LibraryQuery['direction']): Promise<string[]> {
  const dated = (await db.articles.orderBy('publishedDate').primaryKeys()) as string[];
  if (direction !== 'asc') dated.reverse();
  const datedSet = new Set(dated);
  const all = (await db.articles.toCollection().primaryKeys()) as string[];
  return [...dated, ...all.filter((id) => !datedSet.has(id))];
}

async function walkPublished(db: GlossDatabase, clauses: readonly Clause[], query: LibraryQuery, skip: number, wanted: number): Promise<Walked> {
  const order = await articlesInPublishedOrder(db, query.direction);
  const keep = matchesAll(clauses);
  const found: IndexedHighlight[] = [];
  const sign = query.direction === 'asc' ? 1 : -1;
  // Articles in growing batches: few reads when matches are dense, few round trips when sparse.
  for (let i = 0, batch = 4; i < order.length && found.length < skip + wanted; i += batch, batch = Math.min(batch * 2, 256)) {
    const chunk = order.slice(i, i + batch);
    const rank = new Map(chunk.map((id, index) => [id, index]));
    const rows = await keep((await db.highlights.where('articleId').anyOf(chunk).toArray()) as IndexedHighlight[]);
    rows.sort((a, b) => rank.get(a.articleId)! - rank.get(b.articleId)! || sign * (a.createdAt - b.createdAt));
    found.push(...rows);
  }
  return { rows: found.slice(skip, skip + wanted), exhausted: found.length < skip + wanted };
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
    const candidates = await smallCandidates(db, clauses);
    if (candidates !== null) {
      const rows = await sortRows(db, await matchesAll(clauses)(await loadRows(db, candidates)), query);
      const nextOffset = offset + limit < rows.length ? offset + limit : null;
      return { items: await withArticles(db, rows.slice(offset, offset + limit)), total: rows.length, nextOffset, plan: 'keys' };
    }
    // One more than asked: tells whether a next page exists.
    const walked =
      query.sort === 'published'
        ? await walkPublished(db, clauses, query, offset, limit + 1)
        : await walkAnnotated(db, clauses, query.direction, offset, limit + 1);
    const page = walked.rows.slice(0, limit);
    const hasMore = walked.rows.length > limit;
    const total = walked.exhausted ? offset + walked.rows.length : null;
    return { items: await withArticles(db, page), total, nextOffset: hasMore ? offset + limit : null, plan: 'walk' };
  });
}

/** The exact number of matches; for broad queries this reads many rows. */
export async function countMatches(db: GlossDatabase, query: LibraryQuery = {}): Promise<number> {
  return db.transaction('r', db.highlights, db.articles, async () => {
    const clauses: Clause[] = await buildClauses(db, query);
    if (clauses.length === 0) return db.highlights.count();
    return (await allMatching(db, clauses)).length;
  });
}
