/** CSL-JSON items for articles (type article-newspaper), the input of every citation format. */
import type { ArticleRecord } from '../../model/records';
import { citationKey, dateParts, splitName, type CslName } from './citation';

export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title'?: string;
  section?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: { 'date-parts': number[][] };
  accessed: { 'date-parts': number[][] };
  URL: string;
  language?: string;
  note?: string;
}

function people(names: readonly { name: string }[]): CslName[] {
  return names.map((p) => splitName(p.name)).filter((n) => ('literal' in n ? n.literal !== '' : true));
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

export function toCslItem(article: ArticleRecord, id = citationKey(article)): CslItem {
  const item: CslItem = {
    id,
    type: 'article-newspaper',
    title: article.subtitle ? `${article.title}: ${article.subtitle.replace(/^——/, '')}` : article.title,
    accessed: { 'date-parts': [accessedParts(article.createdAt)] },
    URL: article.url,
  };
  if (article.siteName) item['container-title'] = article.siteName;
  if (article.section) item.section = article.section;
  const authors = people(article.authors);
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
