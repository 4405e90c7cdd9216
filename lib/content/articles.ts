/**
 * The articles of a page, as anchoring sees them: a live root element and a
 * story key each. Until structure detection (lib/article) lands, the whole
 * body is one article; switching to detectPage(doc) changes only this file.
 */
import type { ArticleInput } from '@/lib/messaging';
import { pageArticle } from './page-article';

export interface PageArticle {
  root: Element;
  storyKey: string;
  /** What the background stores about the article with its first highlight. */
  describe(): ArticleInput | null;
}

export function articlesOfPage(doc: Document): PageArticle[] {
  const body = doc.body;
  if (!body) return [];
  return [{ root: body, storyKey: '0', describe: () => pageArticle(doc) }];
}

export type ArticleOfRange = { ok: true; article: PageArticle } | { ok: false; reason: 'spans-articles' | 'outside' };

/** The article holding a range; a range across two articles is refused rather than guessed. */
export function articleOfRange(articles: readonly PageArticle[], range: Range): ArticleOfRange {
  const start = articles.find((a) => a.root.contains(range.startContainer));
  const end = articles.find((a) => a.root.contains(range.endContainer));
  if (start && end && start !== end) return { ok: false, reason: 'spans-articles' };
  if (start ?? end) return { ok: true, article: (start ?? end)! };
  // A selection wrapping several articles from outside (e.g. select-all).
  if (articles.filter((a) => range.intersectsNode(a.root)).length > 1) return { ok: false, reason: 'spans-articles' };
  return { ok: false, reason: 'outside' };
}
