/** Reads what an export covers from the database, grouped by article in a stable order. */
import type { GlossDatabase } from '../../model/database';
import type { ArticleRecord, HighlightRecord } from '../../model/records';
import { storedFields } from '../import/backup-schema';
import type { ArticleBundle } from './types';

export type ExportScope =
  | { kind: 'all' }
  | { kind: 'articles'; ids: readonly string[] }
  /** Highlights carrying the tag, and every highlight of articles carrying it. */
  | { kind: 'tag'; name: string }
  /** Highlights created in [from, to) (epoch ms). */
  | { kind: 'dates'; from: number; to: number };

function byCreation(a: ArticleRecord, b: ArticleRecord): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Groups highlights under their articles; articles without highlights are kept only when asked. */
export function groupBundles(articles: readonly ArticleRecord[], highlights: readonly HighlightRecord[], keepEmpty: boolean): ArticleBundle[] {
  const byArticle = new Map<string, HighlightRecord[]>();
  for (const h of highlights) {
    const list = byArticle.get(h.articleId);
    if (list) list.push(h);
    else byArticle.set(h.articleId, [h]);
  }
  return [...articles]
    .sort(byCreation)
    .map((article) => ({
      article: storedFields('articles', article),
      highlights: (byArticle.get(article.id) ?? []).map((h) => storedFields('highlights', h)),
    }))
    .filter((bundle) => keepEmpty || bundle.highlights.length > 0);
}

export async function loadBundles(db: GlossDatabase, scope: ExportScope): Promise<ArticleBundle[]> {
  return db.transaction('r', db.articles, db.highlights, async () => {
    switch (scope.kind) {
      case 'all':
        return groupBundles(await db.articles.toArray(), await db.highlights.toArray(), true);
      case 'articles': {
        const articles = (await db.articles.bulkGet([...scope.ids])).filter((a): a is ArticleRecord => a !== undefined);
        const highlights = await db.highlights.where('articleId').anyOf([...scope.ids]).toArray();
        return groupBundles(articles, highlights, true);
      }
      case 'tag': {
        const tagged = await db.highlights.where('tags').equals(scope.name).toArray();
        const taggedArticles = await db.articles.where('tags').equals(scope.name).toArray();
        const ofArticles = await db.highlights.where('articleId').anyOf(taggedArticles.map((a) => a.id)).toArray();
        const highlights = [...new Map([...tagged, ...ofArticles].map((h) => [h.id, h])).values()];
        const ids = [...new Set(highlights.map((h) => h.articleId).concat(taggedArticles.map((a) => a.id)))];
        const articles = (await db.articles.bulkGet(ids)).filter((a): a is ArticleRecord => a !== undefined);
        return groupBundles(articles, highlights, true);
      }
      case 'dates': {
        const highlights = await db.highlights.where('createdAt').between(scope.from, scope.to, true, false).toArray();
        const ids = [...new Set(highlights.map((h) => h.articleId))];
        const articles = (await db.articles.bulkGet(ids)).filter((a): a is ArticleRecord => a !== undefined);
        return groupBundles(articles, highlights, false);
      }
    }
  });
}
