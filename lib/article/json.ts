/** The JSON shape printed by `npm run detect` (one object per page). */
import type { Person } from '../model/records';
import type { PageStructure } from './types';

export interface DetectJsonArticle {
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  authors: Person[];
  editors: Person[];
  dateline: string | null;
  publishedDate: string | null;
  modifiedDate: string | null;
  siteName: string | null;
  section: string | null;
  page: string | null;
  lang: string | null;
  paragraphs: string[];
  captions: string[];
}

export interface DetectJson {
  input: string;
  pageKind: PageStructure['pageKind'];
  confidence: number;
  articles: DetectJsonArticle[];
  ms: number;
}

export function toDetectJson(structure: PageStructure, input: string, ms: number): DetectJson {
  return {
    input,
    pageKind: structure.pageKind,
    confidence: structure.confidence,
    articles: structure.articles.map((article) => ({
      kicker: article.kicker,
      title: article.title || null,
      subtitle: article.subtitle,
      authors: article.authors.map(({ name, role }) => ({ name, role })),
      editors: article.editors.map(({ name, role }) => ({ name, role })),
      dateline: article.dateline,
      publishedDate: article.publishedDate,
      modifiedDate: article.modifiedDate,
      siteName: article.siteName,
      section: article.section,
      page: article.page,
      lang: article.lang,
      paragraphs: [...article.paragraphs],
      captions: [...article.captions],
    })),
    ms: Math.round(ms * 100) / 100,
  };
}
