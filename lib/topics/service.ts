/**
 * Suggestions against the stored library, for the background or an extension
 * page (never the content script: it has no database and should stay small).
 * Document frequencies are built from the most recent articles and kept until
 * the articles change.
 */
import type { GlossDatabase } from '../model/database';
import { listTagUsage, usageScore } from '../db/tags-ranking';
import { tagMaps } from '../db/tag-maps';
import type { ArticleRow } from '../model/records';
import type { ArticleForTopics } from './extract';
import { buildLibraryStats, type LibraryStats } from './library-stats';
import { suggestTopics, suggestTopicsForHighlight, type TopicSuggestion } from './suggest';

/** Newest articles used for document frequencies: enough for IDF, bounded in time (~5 ms per article). */
export const LIBRARY_SAMPLE = 400;

export function articleForTopics(article: Pick<ArticleRow, 'title' | 'kicker' | 'subtitle' | 'text' | 'lang'>): ArticleForTopics {
  return { title: article.title, kicker: article.kicker, subtitle: article.subtitle, text: article.text, lang: article.lang };
}

export interface TopicService {
  suggestForArticle(articleId: string, limit?: number): Promise<TopicSuggestion[]>;
  suggestForHighlight(highlightId: string, limit?: number): Promise<TopicSuggestion[]>;
}

export function createTopicService(db: GlossDatabase): TopicService {
  let cached: { signature: string; stats: LibraryStats } | null = null;

  async function library(): Promise<LibraryStats> {
    // Cheap signature (count and latest change) so the texts are read only when the library changed.
    const latest = await db.articles.orderBy('updatedAt').last();
    const signature = `${await db.articles.count()}:${latest?.id}@${latest?.updatedAt}`;
    if (cached?.signature !== signature) {
      const newest = await db.articles.orderBy('updatedAt').reverse().limit(LIBRARY_SAMPLE).toArray();
      cached = { signature, stats: buildLibraryStats(newest.map(articleForTopics)) };
    }
    return cached.stats;
  }

  /** The user's tag names, most used first (they rank first when they fit). */
  async function existingTags(): Promise<string[]> {
    const now = Date.now();
    return (await listTagUsage(db)).sort((a, b) => usageScore(b, now) - usageScore(a, now)).map((usage) => usage.name);
  }

  /** The names of the tags a row already carries: suggestions leave them out. */
  async function carried(tagIds: readonly string[]): Promise<string[]> {
    if (tagIds.length === 0) return [];
    const { nameOf } = await tagMaps(db);
    return tagIds.flatMap((id) => nameOf(id) ?? []);
  }

  return {
    async suggestForArticle(articleId, limit) {
      const article = await db.articles.get(articleId);
      if (!article) return [];
      return suggestTopics(articleForTopics(article), { library: await library(), existingTags: await existingTags(), exclude: await carried(article.tagIds), limit });
    },
    async suggestForHighlight(highlightId, limit) {
      const highlight = await db.highlights.get(highlightId);
      if (!highlight) return [];
      const article = await db.articles.get(highlight.articleId);
      const { exact, prefix, suffix } = highlight.selectors.quote;
      return suggestTopicsForHighlight(
        { exact, prefix, suffix, lang: article?.lang },
        { article: article ? articleForTopics(article) : null, library: await library(), existingTags: await existingTags(), exclude: await carried(highlight.tagIds), limit },
      );
    },
  };
}
