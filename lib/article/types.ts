/** Typed result of article-structure detection on a live page. */
import type { PageKind, Person } from '../model/records';

export interface Continuation {
  page: string | null;
  marker: string;
  markerInline?: boolean;
}

export type BlockKind = 'paragraph' | 'heading' | 'quote' | 'list-item' | 'caption';

export interface DetectedArticle {
  /** Smallest element holding all of this story's text and none of another story's. */
  root: Element;
  titleElement: Element | null;
  /** One element per entry of `paragraphs` (the block it came from). */
  paragraphElements: Element[];
  /** What each paragraph is: body paragraph, subheading, quote, list item. */
  paragraphKinds: BlockKind[];
  captionElements: Element[];
  /** Stable across visits: '0' on single-article pages, else derived from the title. */
  storyKey: string;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  authors: Person[];
  editors: Person[];
  dateline: string | null;
  datelineInline: boolean;
  bylineText: string | null;
  publishedDate: string | null;
  modifiedDate: string | null;
  siteName: string | null;
  section: string | null;
  page: string | null;
  source: string | null;
  summary: string | null;
  lang: string | null;
  paragraphs: string[];
  captions: string[];
  continuedFrom: Continuation | null;
  continuedTo: Continuation | null;
  truncatedStart: boolean;
}

export type NonArticleKind = 'nav' | 'ad' | 'notice' | 'caption';

export interface NonArticle {
  kind: NonArticleKind;
  element: Element;
  textStart: string;
}

export interface Edition {
  paper: string | null;
  date: string | null;
  issueNo: string | null;
  page: string | null;
  pageName: string | null;
}

export interface PageStructure {
  pageKind: PageKind;
  /**
   * 0–1: how far the reading can be trusted. For articles, from body text mass, its share of the
   * page's prose, paragraph count, link density and metadata agreement; for 'none', 1 minus the
   * confidence of the best reading that was rejected (1: nothing on the page reads as an article).
   */
  confidence: number;
  articles: DetectedArticle[];
  nonArticles: NonArticle[];
  edition?: Edition;
}

export interface DetectOptions {
  /** Only look inside this element. */
  root?: Element;
  /** Reference time for relative dates ("5 hours ago"). */
  now?: Date;
  /** The page address, when the document's own URL is not the real one. */
  url?: string;
}
