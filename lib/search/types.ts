/** Public types of the library's queries: plain data. */
import type { AnchorStatus, ArticleRecord, HighlightRecord, Person } from '../model/records';

export type LibrarySort = 'annotated' | 'published';
export type SortDirection = 'desc' | 'asc';

export interface LibraryFilters {
  /**
   * Tag names as stored (TagRecord.name); every one must match. A tag matches
   * itself and its descendants (`politics` matches `politics/local`), on the
   * highlight or on its article.
   */
  tags?: readonly string[];
  /** Any of these colours. */
  colors?: readonly string[];
  /** Any of these article site names. */
  sites?: readonly string[];
  /** Annotated (`createdAt`) within [from, to), epoch ms. */
  annotatedFrom?: number;
  annotatedTo?: number;
  /** Article published within [from, to], `YYYY-MM-DD` or a prefix (`2022-09`). */
  publishedFrom?: string;
  publishedTo?: string;
  /** true: only highlights with a note; false: only without. */
  hasNote?: boolean;
  /** Any of these anchoring statuses (`['orphan']` lists the orphans). */
  statuses?: readonly AnchorStatus[];
}

export interface LibraryQuery {
  /** Free text; empty or absent lists everything that passes the filters. */
  query?: string;
  filters?: LibraryFilters;
  /** By date annotated (default) or by the article's published date. */
  sort?: LibrarySort;
  direction?: SortDirection;
}

export interface PageRequest {
  offset?: number;
  /** Default 50, at most 500. */
  limit?: number;
}

export interface ArticleSummary {
  id: string;
  title: string;
  url: string;
  siteName: string | null;
  publishedDate: string | null;
  authors: Person[];
  lang: string | null;
}

export interface LibraryHighlight {
  /** The stored highlight, with its tags by name. */
  highlight: HighlightRecord;
  article: ArticleSummary | null;
}

export interface SearchPage {
  items: LibraryHighlight[];
  /** Exact number of matches when it came for free, else null (ask `countMatches`). */
  total: number | null;
  /** Offset of the next page, or null at the end. */
  nextOffset: number | null;
  /** How it was answered: from index key sets, or by walking the sort index. */
  plan: 'keys' | 'walk';
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface RecentArticle {
  article: ArticleSummary;
  highlightCount: number;
  /** The article's `updatedAt`: last time a highlight was made on it. */
  lastAnnotatedAt: number;
}

export interface RecentArticlesPage {
  items: RecentArticle[];
  nextOffset: number | null;
}

export type ActivityPeriod = 'week' | 'month';

export interface ActivityBucket {
  /** Start of the period: `YYYY-MM-DD` (a Monday, UTC) for weeks, `YYYY-MM` for months. */
  period: string;
  count: number;
}

export function summarizeArticle(article: Omit<ArticleRecord, 'tags'>): ArticleSummary {
  const { id, title, url, siteName, publishedDate, authors, lang } = article;
  return { id, title, url, siteName, publishedDate, authors, lang };
}
