/**
 * Library search: free text plus filters, sorted and paged.
 *
 * Every condition is a clause read from the postings (clauses.ts); plan.ts
 * intersects them and walks the candidates. The total is exact whenever no
 * row had to be tested, or the walk saw every candidate; otherwise it is null
 * and `countMatches` gives it.
 */
import type { GlossDatabase } from '../model/database';
import { highlightFromRow } from '../model/rows';
import { resolveTags } from '../tags/tag-aliases';
import { buildPlanInput } from './clauses';
import { candidatesOf, countAll, walkAnnotated, walkPublished, type Candidates } from './plan';
import { RowLoader, type LoadedRow } from './rows';
import { summarizeArticle, type LibraryHighlight, type LibraryQuery, type PageRequest, type SearchPage } from './types';

export const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;

function pageBounds(page: PageRequest): { offset: number; limit: number } {
  const offset = Math.max(0, Math.floor(page.offset ?? 0));
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(page.limit ?? DEFAULT_PAGE_SIZE)));
  return { offset, limit };
}

function toItems(loader: RowLoader, rows: readonly LoadedRow[]): LibraryHighlight[] {
  const nameOf = (id: string) => loader.tagNames.get(id);
  return rows.map(({ row, article }) => ({ highlight: highlightFromRow(row, nameOf), article: article ? summarizeArticle(article) : null }));
}

async function prepare(db: GlossDatabase, query: LibraryQuery): Promise<{ loader: RowLoader; candidates: Candidates }> {
  const tags = resolveTags(await db.tags.toArray());
  const loader = new RowLoader(db, tags.names);
  const input = await buildPlanInput(db, query.query ?? '', query.filters ?? {}, tags);
  return { loader, candidates: await candidatesOf(db, input) };
}

const readTables = (db: GlossDatabase) => [db.highlights, db.articles, db.tags, db.postings];

/** One page of highlights matching the query and filters, each with its article. */
export async function searchHighlights(db: GlossDatabase, query: LibraryQuery & PageRequest = {}): Promise<SearchPage> {
  const { offset, limit } = pageBounds(query);
  return db.transaction('r', readTables(db), async () => {
    const { loader, candidates } = await prepare(db, query);
    // One more than asked: tells whether a next page exists.
    const walked =
      query.sort === 'published'
        ? await walkPublished(db, loader, candidates, query.direction, offset, limit + 1)
        : await walkAnnotated(loader, candidates, query.direction, offset, limit + 1);
    const exact = candidates.tests.length === 0;
    const hasMore = walked.rows.length > limit;
    const total = exact ? candidates.keys.length : walked.exhausted ? offset + walked.rows.length : null;
    return { items: toItems(loader, walked.rows.slice(0, limit)), total, nextOffset: hasMore ? offset + limit : null, plan: exact ? 'keys' : 'walk' };
  });
}

/** The exact number of matches; when rows must be tested (long CJK phrases, broad prefixes) it reads them. */
export async function countMatches(db: GlossDatabase, query: LibraryQuery = {}): Promise<number> {
  return db.transaction('r', readTables(db), async () => {
    const { loader, candidates } = await prepare(db, query);
    return countAll(loader, candidates);
  });
}
