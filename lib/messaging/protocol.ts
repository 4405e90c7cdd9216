/**
 * The one message contract between Gloss's contexts. Each entry maps a message
 * type to its request and response. `BackgroundProtocol` is answered by the
 * background (which owns the database); `ContentProtocol` by the content script
 * of a tab.
 */
import type { AnchorStatus, ArticleRecord, HighlightRecord, Person, TextPositionSelector, TextQuoteSelector } from '../db/types';

/** What the content script knows of an article when it first saves a highlight in it. */
export interface ArticleInput {
  url: string;
  urlKey: string;
  storyKey: string;
  title: string;
  kicker: string | null;
  subtitle: string | null;
  authors: Person[];
  editors: Person[];
  siteName: string | null;
  section: string | null;
  publishedDate: string | null;
  lang: string | null;
  text: string;
}

export interface NewHighlight {
  selectors: {
    quote: TextQuoteSelector;
    position: TextPositionSelector | null;
    pagePosition: TextPositionSelector | null;
  };
  color: string;
  note: string;
  tags: string[];
}

export interface HighlightPatch {
  color?: string;
  note?: string;
  tags?: string[];
  status?: AnchorStatus;
  currentText?: string | null;
}

export interface PageAnnotations {
  articles: ArticleRecord[];
  highlights: HighlightRecord[];
}

export interface StorageStats {
  articles: number;
  highlights: number;
  tags: number;
}

export interface BackgroundProtocol {
  'annotations.forPage': { request: { urlKey: string }; response: PageAnnotations };
  'highlight.create': { request: { article: ArticleInput; highlight: NewHighlight }; response: HighlightRecord };
  'highlight.update': { request: { id: string; patch: HighlightPatch }; response: HighlightRecord };
  'highlight.delete': { request: { id: string }; response: HighlightRecord | null };
  'stats.get': { request: null; response: StorageStats };
}

export interface PageSummary {
  url: string;
  urlKey: string | null;
  title: string;
  lang: string | null;
  highlightCount: number;
}

export type HighlightSelectionResult =
  | { ok: true; highlight: HighlightRecord }
  | { ok: false; reason: 'no-selection' | 'not-annotatable' };

export interface ContentProtocol {
  'content.summary': { request: null; response: PageSummary };
  'content.highlightSelection': { request: { color?: string }; response: HighlightSelectionResult };
}

export type MessageType<P> = keyof P & string;
export type RequestOf<P, K extends keyof P> = P[K] extends { request: infer R } ? R : never;
export type ResponseOf<P, K extends keyof P> = P[K] extends { response: infer R } ? R : never;
