/**
 * The types Gloss's contexts exchange. The background's messages, with the schemas their requests must pass, are in
 * ./contract.ts (`BackgroundProtocol` is derived from it); `ContentProtocol`, answered by the content script of a
 * tab, is here. Types of what a request carries are read off its schema (./validate.ts), never written twice.
 * Type imports only: the content script's loader reads this file without bundling valibot.
 */
import type * as v from 'valibot';
import type { ArticleRecord, HighlightRecord, PageKind } from '../model/records';
import type { PageAddress, ResolvedAddress } from '../url/normalize';
import type {
  anchorStatesSchema, articleCorrectionSchema, articleDescriptionSchema, highlightPatchSchema, newHighlightSchema,
  noteEditorFocusSchema,
} from './validate';

export type { PageAddress, ResolvedAddress };

/** What the content script knows of an article when it first saves a highlight in it. */
export type ArticleInput = Omit<ArticleRecord, 'id' | 'tags' | 'userEdited' | 'createdAt' | 'updatedAt'>;

/**
 * What the content script sends about an article: everything but its address, which the
 * background resolves from the tab's real URL and the page's address claims.
 */
export type ArticleDescription = v.InferOutput<typeof articleDescriptionSchema>;

/** A highlight as the user made it; its `id` (a UUID) is made where the user acted, so a resent request is recognised. */
export type NewHighlight = v.InferOutput<typeof newHighlightSchema>;

export type HighlightPatch = v.InferOutput<typeof highlightPatchSchema>;

export interface PageAnnotations {
  articles: ArticleRecord[];
  highlights: HighlightRecord[];
}

/** A page's annotations with the address the background resolved for it (the content script's page key). */
export type PageAnnotationsReply = PageAnnotations & { address: ResolvedAddress };

/** Which field of the note editor gets the focus when it opens. */
export type NoteEditorFocus = v.InferOutput<typeof noteEditorFocusSchema>;

export interface PageStatus {
  key: string | null;
  highlights: number;
}

export interface StorageStats {
  articles: number;
  highlights: number;
  tags: number;
}

export type ArticleCorrection = v.InferOutput<typeof articleCorrectionSchema>;

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
  /** Frames of the page Gloss cannot enter (sandboxed, or not a web page): text selected there cannot be highlighted. */
  closedFrames: number;
}

export type HighlightSelectionResult =
  | { ok: true; highlight: HighlightRecord }
  /** `not-saved`: the background could not store it; the page already told the user why, in plain words.
   * `unreadable`: the selected text is in a closed shadow root, or crosses a shadow boundary. */
  | { ok: false; reason: 'no-selection' | 'not-annotatable' | 'spans-articles' | 'not-saved' | 'unreadable' };

/** How one highlight anchored on the page as it is now (`currentText`: the text now at the anchor when it differs from the stored quote, else null). */
export type AnchorState = v.InferOutput<typeof anchorStatesSchema>[number];

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
  /** The current anchoring of the page's highlights, without anchoring again (the side panel shows it live). */
  'content.anchorStatus': { request: null; response: AnchorReport };
  /** Moves an orphan onto the passage the user has selected now (its note and tags stay). */
  'content.reattach': { request: { highlightId: string }; response: { ok: boolean } };
  /** When the user last selected text in this frame (null: nothing selected now); answered before Gloss loads. */
  'content.selection': { request: null; response: { selectedAt: number | null } };
  /** The note editor frame asked to close (the user pressed Escape in it). */
  'content.closePopover': { request: null; response: null };
  /** Broadcast: highlights of `urlKey` (null: of every page, after a restore) changed elsewhere; reload them. */
  'content.highlightsChanged': { request: { urlKey: string | null }; response: null };
}

/** What the full content session answers; the loader answers `content.selection` itself (lib/content/loader.ts). */
export type SessionProtocol = Omit<ContentProtocol, 'content.selection'>;

export type MessageType<P> = keyof P & string;
export type RequestOf<P, K extends keyof P> = P[K] extends { request: infer R } ? R : never;
export type ResponseOf<P, K extends keyof P> = P[K] extends { response: infer R } ? R : never;
