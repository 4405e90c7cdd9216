/**
 * The one message contract between Gloss's contexts. Each entry maps a message
 * type to its request and response. `BackgroundProtocol` is answered by the
 * background (which owns the database); `ContentProtocol` by the content script
 * of a tab.
 */
import type { TagsProtocol } from './tags-protocol';
import type { Catalog, Locale } from '../i18n';
import type { AnchorStatus, ArticleRecord, HighlightRecord, PageKind } from '../model/records';
import type { PageAddress, ResolvedAddress } from '../url/normalize';

export type { PageAddress, ResolvedAddress };

/** What the content script knows of an article when it first saves a highlight in it. */
export type ArticleInput = Omit<ArticleRecord, 'id' | 'tags' | 'userEdited' | 'createdAt' | 'updatedAt'>;

/**
 * What the content script sends about an article: everything but its address, which the
 * background resolves from the tab's real URL and the page's address claims.
 */
export type ArticleDescription = Omit<ArticleInput, 'url' | 'urlKey'>;

/** A highlight as the user made it; its `id` (a UUID) is made where the user acted, so a resent request is recognised. */
export type NewHighlight = Pick<HighlightRecord, 'id' | 'selectors' | 'color' | 'note' | 'tags'>;

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

/** A page's annotations with the address the background resolved for it (the content script's page key). */
export type PageAnnotationsReply = PageAnnotations & { address: ResolvedAddress };

/**
 * Which page to read. A content script sends its page's address claims and gets that page's
 * annotations (the background resolves the key); only extension pages may name a key.
 */
export type PageQuery = PageAddress | { urlKey: string };

/** Which field of the note editor gets the focus when it opens. */
export type NoteEditorFocus = 'note' | 'tags' | null;

export interface PageStatus {
  key: string | null;
  highlights: number;
}

export interface StorageStats {
  articles: number;
  highlights: number;
  tags: number;
}

/** Tag and topic messages are in ./tags-protocol.ts, their handlers in lib/background/tag-handlers.ts. */
export interface BackgroundProtocol extends TagsProtocol {
  /**
   * From the content script's loader, before the rest of Gloss loads: the key the background resolved for the page
   * (null: not a page Gloss can annotate) and how many highlights it has.
   */
  'page.status': { request: PageAddress; response: PageStatus };
  'annotations.forPage': { request: PageQuery; response: PageAnnotationsReply };
  /** The address the background believes for a page, from its claims (null: not an http(s) page). */
  'address.resolve': { request: PageAddress; response: ResolvedAddress | null };
  'highlight.create': {
    request: { article: ArticleDescription; address: PageAddress; highlight: NewHighlight };
    response: HighlightRecord;
  };
  'highlight.update': { request: { id: string; patch: HighlightPatch }; response: HighlightRecord };
  'highlight.delete': { request: { id: string }; response: HighlightRecord | null };
  /** One anchoring pass's outcomes, in one transaction (no broadcast: nothing needs repainting). */
  'highlight.statuses': { request: { statuses: AnchorState[] }; response: null };
  /** Moves a highlight (an orphan) onto a new passage of its page: same id, creation date, note and tags. */
  'highlight.reattach': {
    request: { id: string; article: ArticleDescription; address: PageAddress; selectors: HighlightRecord['selectors'] };
    response: HighlightRecord;
  };
  /** Puts a deleted highlight back, as it was (undo). */
  'highlight.restore': { request: { highlight: HighlightRecord }; response: null };
  /** From the content script, when the user opens a popover: a one-time pass for the note editor frame. */
  'noteEditor.open': { request: { id: string; focus: NoteEditorFocus }; response: { token: string } };
  /** From the note editor frame: the highlight its pass opens (once, in the pass's tab). */
  'noteEditor.claim': { request: { token: string }; response: { highlight: HighlightRecord; focus: NoteEditorFocus } };
  /** From the note editor frame: close the popover around it (Escape). */
  'noteEditor.close': { request: { token: string }; response: null };
  /** The user's corrections of detected article metadata. */
  'article.correct': { request: { id: string; correction: ArticleCorrection }; response: ArticleRecord };
  'stats.get': { request: null; response: StorageStats };
  /** The UI strings of a language, for the in-page UI (which does not bundle them). */
  'i18n.catalog': { request: { locale: Locale }; response: Catalog };
}

/**
 * Background requests that may be sent again when the answer was lost (the MV3 worker stopped after acting and before
 * replying): doing one twice leaves what doing it once does. `highlight.create` is, because it carries the id made
 * where the user acted and is stored put-if-absent. Renames, merges and tag deletions are not: they are sent once.
 */
export const RETRY_SAFE = {
  'annotations.forPage': true,
  'highlight.create': true,
  'highlight.update': true,
  'highlight.delete': true,
  'highlight.statuses': true,
  'highlight.reattach': true,
  'highlight.restore': true,
  'page.status': true,
  'article.correct': true,
  'stats.get': true,
  'i18n.catalog': true,
  'tags.list': true,
  'tags.carriers': true,
  'tags.recolour': true,
  'topics.forArticle': true,
  'topics.forHighlight': true,
} as const satisfies Partial<Record<MessageType<BackgroundProtocol>, true>>;

export type ArticleCorrection = Partial<
  Pick<ArticleRecord, 'title' | 'kicker' | 'subtitle' | 'authors' | 'siteName' | 'section' | 'publishedDate'>
>;

/** A story as structure detection sees it on the live page (before anything is saved). */
export type DetectedStory = Pick<ArticleRecord, 'storyKey' | 'title' | 'kicker' | 'subtitle' | 'authors' | 'publishedDate' | 'siteName'>;

export interface PageSummary {
  url: string;
  urlKey: string | null;
  title: string;
  lang: string | null;
  highlightCount: number;
  /** What detection found: one article, several stories (an e-paper page), or none. */
  pageKind: PageKind;
  stories: DetectedStory[];
}

export type HighlightSelectionResult =
  | { ok: true; highlight: HighlightRecord }
  /** `not-saved`: the background could not store it; the page already told the user why, in plain words. */
  | { ok: false; reason: 'no-selection' | 'not-annotatable' | 'spans-articles' | 'not-saved' };

/** How one highlight anchored on the page as it is now. */
export interface AnchorState {
  id: string;
  status: AnchorStatus;
  /** The text now at the anchor when it differs from the stored quote (fuzzy), else null. */
  currentText: string | null;
}

export interface AnchorReport {
  anchored: number;
  fuzzy: number;
  orphans: number;
  highlights: AnchorState[];
}

export interface ContentProtocol {
  'content.summary': { request: null; response: PageSummary };
  'content.highlightSelection': { request: { color?: string }; response: HighlightSelectionResult };
  /** Scrolls the page to a highlight ("jump to passage"); false if it is not anchored. */
  'content.scrollTo': { request: { highlightId: string }; response: { ok: boolean } };
  /** The current anchoring of the page's highlights, without anchoring again. */
  'content.anchorStatus': { request: null; response: AnchorReport };
  /** Moves an orphan onto the passage the user has selected now (its note and tags stay). */
  'content.reattach': { request: { highlightId: string }; response: { ok: boolean } };
  /** The note editor frame asked to close (the user pressed Escape in it). */
  'content.closePopover': { request: null; response: null };
  /** Broadcast: highlights of `urlKey` (null: of every page, after a restore) changed elsewhere; reload them. */
  'content.highlightsChanged': { request: { urlKey: string | null }; response: null };
}

export type MessageType<P> = keyof P & string;
export type RequestOf<P, K extends keyof P> = P[K] extends { request: infer R } ? R : never;
export type ResponseOf<P, K extends keyof P> = P[K] extends { response: infer R } ? R : never;
