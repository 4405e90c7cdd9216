/** The library's first screen: the most recently annotated articles, with highlight counts. */
import type { GlossDatabase } from '../model/database';
import type { ArticleRow } from '../model/records';
import { termKeys } from './postings/read';
import { articleTerm } from './postings/row-terms';
import { summarizeArticle, type PageRequest, type RecentArticlesPage } from './types';

const DEFAULT_ARTICLES_PAGE = 30;
const MAX_ARTICLES_PAGE = 200;

/**
 * Articles by `updatedAt`, newest first (the repository bumps it with every
 * new highlight). Counts come from each article's postings: no highlight is loaded.
 */
export async function recentArticles(db: GlossDatabase, page: PageRequest = {}): Promise<RecentArticlesPage> {
  const offset = Math.max(0, Math.floor(page.offset ?? 0));
  const limit = Math.min(MAX_ARTICLES_PAGE, Math.max(1, Math.floor(page.limit ?? DEFAULT_ARTICLES_PAGE)));
  return db.transaction('r', db.articles, db.postings, async () => {
    const articles: ArticleRow[] = await db.articles.orderBy('updatedAt').reverse().offset(offset).limit(limit + 1).toArray();
    const shown = articles.slice(0, limit);
    const counts = await Promise.all(shown.map(async (a) => (await termKeys(db, articleTerm(a.id))).length));
    return {
      items: shown.map((article, i) => ({
        article: summarizeArticle(article),
        highlightCount: counts[i]!,
        lastAnnotatedAt: article.updatedAt,
      })),
      nextOffset: articles.length > limit ? offset + limit : null,
    };
  });
}
