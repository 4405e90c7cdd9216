/**
 * Document frequencies of candidate terms across the user's own articles: the
 * "IDF" half of the scoring. Building it segments every article once, so the
 * caller (background or an extension page) should build it once and keep it.
 */
import { articleFields, extractCandidates, languageOf, type ArticleForTopics } from './extract';

export interface LibraryStats {
  documentCount: number;
  documentFrequency: Map<string, number>;
}

export const emptyLibraryStats = (): LibraryStats => ({ documentCount: 0, documentFrequency: new Map() });

/** Adds one article's terms (each once) to the stats, in place. */
export function addToLibraryStats(stats: LibraryStats, article: ArticleForTopics): LibraryStats {
  const fields = articleFields(article);
  const keys = new Set(extractCandidates(fields, languageOf(fields, article.lang), 'index').map((c) => c.key));
  stats.documentCount += 1;
  for (const key of keys) stats.documentFrequency.set(key, (stats.documentFrequency.get(key) ?? 0) + 1);
  return stats;
}

export function buildLibraryStats(articles: Iterable<ArticleForTopics>): LibraryStats {
  const stats = emptyLibraryStats();
  for (const article of articles) addToLibraryStats(stats, article);
  return stats;
}
