/**
 * CSL-JSON items for articles, the input of every citation format (CSL styles, BibTeX, RIS).
 * Type: `article-newspaper` for a story with a printed page (an e-paper) or a dated piece of a named
 * publication (a news site), which styles cite by the publication and date; `webpage` otherwise
 * (no publication name or no date: a style then cites the site, "n.d." and the access date).
 */
import type { ArticleRecord } from '../../model/records';
import { citationKey, dateParts, splitName, type CslName } from './citation';

export type CslType = 'article-newspaper' | 'webpage';

export interface CslItem {
  id: string;
  type: CslType;
  title: string;
  'container-title'?: string;
  section?: string;
  /** The printed page (版次) of an e-paper story, as printed: "01", "A3". */
  page?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: { 'date-parts': number[][] };
  accessed: { 'date-parts': number[][] };
  URL: string;
  language?: string;
  note?: string;
}

/** People as CSL names; a credit that is the publication itself ("BBC News" on bbc.com) is an organisation, kept whole. */
function people(names: readonly { name: string }[], publication: string | null = null): CslName[] {
  const org = publication?.trim().toLowerCase();
  return names
    .map((p) => (org && p.name.trim().toLowerCase() === org ? { literal: p.name.trim() } : splitName(p.name)))
    .filter((n) => ('literal' in n ? n.literal !== '' : true));
}

function accessedParts(ms: number): number[] {
  const d = new Date(ms);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** Unique, readable ids: `Roy2019`, `Roy2019a`… */
function uniqueKeys(articles: readonly ArticleRecord[]): string[] {
  const counts = new Map<string, number>();
  return articles.map((article) => {
    const key = citationKey(article);
    const seen = counts.get(key) ?? 0;
    counts.set(key, seen + 1);
    return seen === 0 ? key : `${key}${String.fromCharCode(96 + Math.min(seen, 26))}${seen > 26 ? seen : ''}`;
  });
}

const CJK_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}」”》）]$/u;

/** Title and subtitle as one: 正题名：副题名 after Chinese (GB/T 7714), "Title: Subtitle" otherwise. */
function fullTitle(article: ArticleRecord): string {
  if (!article.subtitle) return article.title;
  const subtitle = article.subtitle.replace(/^——/, '');
  return CJK_END.test(article.title) ? `${article.title}：${subtitle}` : `${article.title}: ${subtitle}`;
}

export function cslType(article: ArticleRecord): CslType {
  return article.page || (article.siteName && article.publishedDate) ? 'article-newspaper' : 'webpage';
}

export function toCslItem(article: ArticleRecord, id = citationKey(article)): CslItem {
  const item: CslItem = {
    id,
    type: cslType(article),
    title: fullTitle(article),
    accessed: { 'date-parts': [accessedParts(article.createdAt)] },
    URL: article.url,
  };
  if (article.siteName) item['container-title'] = article.siteName;
  if (article.section) item.section = article.section;
  if (article.page) item.page = article.page;
  const authors = people(article.authors, article.siteName);
  if (authors.length) item.author = authors;
  const editors = people(article.editors);
  if (editors.length) item.editor = editors;
  const issued = dateParts(article.publishedDate);
  if (issued) item.issued = { 'date-parts': [issued] };
  if (article.lang) item.language = article.lang;
  if (article.kicker) item.note = article.kicker;
  return item;
}

export function toCslItems(articles: readonly ArticleRecord[]): CslItem[] {
  const keys = uniqueKeys(articles);
  return articles.map((article, i) => toCslItem(article, keys[i]));
}

export function toCslJson(articles: readonly ArticleRecord[]): string {
  return `${JSON.stringify(toCslItems(articles), null, 2)}\n`;
}
