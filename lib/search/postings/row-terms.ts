/**
 * What the postings hold for one highlight: the words and CJK bigrams of its
 * passage, its note and its article's title, kicker, subtitle, site and
 * authors (lib/search/terms.ts), plus field terms that answer the filters.
 * Field terms start with U+0001, which no query term can contain (queries keep
 * letters and digits), so text prefixes never reach them.
 *
 * The article's fields are copied into each of its highlights' postings, so
 * every clause of a query is a postings read; an article edit reindexes its
 * highlights (a few, rarely).
 */
import type { ArticleRow, HighlightRow } from '../../model/records';
import { articleSearchTexts, termsOf } from '../terms';

export const FIELD = '\u0001';
/** Every highlight: the list a query without text walks. */
export const ALL_TERM = `${FIELD}*`;
export const NOTE_TERM = `${FIELD}n`;
export const colorTerm = (color: string) => `${FIELD}c:${color}`;
export const statusTerm = (status: string) => `${FIELD}s:${status}`;
/** A tag on the highlight itself (the overview counts these) … */
export const ownTagTerm = (tagId: string) => `${FIELD}t:${tagId}`;
/** … and one on its article (filters match either). */
export const articleTagTerm = (tagId: string) => `${FIELD}T:${tagId}`;
export const siteTerm = (site: string) => `${FIELD}w:${site}`;
export const articleTerm = (articleId: string) => `${FIELD}a:${articleId}`;
/** Published date as stored (`2022-09-05`, or a prefix of it); undated articles have `p-`. */
export const PUBLISHED_PREFIX = `${FIELD}p:`;
export const UNDATED_TERM = `${FIELD}p-`;
export const publishedTerm = (date: string | null) => (date ? PUBLISHED_PREFIX + date : UNDATED_TERM);

/** The article fields the postings copy: a change to any of them reindexes the article's highlights. */
export type IndexedArticle = Pick<ArticleRow, 'title' | 'kicker' | 'subtitle' | 'authors' | 'siteName' | 'publishedDate' | 'tagIds'>;

export function indexedArticleFields(article: ArticleRow): IndexedArticle {
  const { title, kicker, subtitle, authors, siteName, publishedDate, tagIds } = article;
  return { title, kicker, subtitle, authors, siteName, publishedDate, tagIds };
}

/** A stable string of the indexed fields, to tell whether an article edit needs a reindex. */
export const indexedArticleSignature = (article: ArticleRow | undefined): string =>
  article ? JSON.stringify(indexedArticleFields(article)) : '';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** An article's share of each of its highlights' terms, computed once per loaded article object. */
const articleTermsCache = new WeakMap<IndexedArticle, readonly string[]>();

function articleTerms(article: IndexedArticle | undefined): readonly string[] {
  if (!article) return [UNDATED_TERM];
  let terms = articleTermsCache.get(article);
  if (!terms) {
    const set = new Set(termsOf(articleSearchTexts(article)));
    for (const id of strings(article.tagIds)) set.add(articleTagTerm(id));
    if (typeof article.siteName === 'string' && article.siteName) set.add(siteTerm(article.siteName));
    set.add(publishedTerm(typeof article.publishedDate === 'string' ? article.publishedDate : null));
    terms = [...set];
    articleTermsCache.set(article, terms);
  }
  return terms;
}

export function highlightRowTerms(row: HighlightRow, article: IndexedArticle | undefined): string[] {
  const note = typeof row.note === 'string' ? row.note : '';
  const terms = new Set(termsOf([row.selectors?.quote?.exact, note]));
  for (const term of articleTerms(article)) terms.add(term);
  terms.add(ALL_TERM);
  if (note.trim().length > 0) terms.add(NOTE_TERM);
  if (typeof row.color === 'string') terms.add(colorTerm(row.color));
  if (typeof row.status === 'string') terms.add(statusTerm(row.status));
  if (typeof row.articleId === 'string') terms.add(articleTerm(row.articleId));
  for (const id of strings(row.tagIds)) terms.add(ownTagTerm(id));
  return [...terms];
}
