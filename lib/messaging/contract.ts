/**
 * The background's message contract, in one place: every message it answers, with the valibot schema its request
 * must pass and the type of its answer. `BackgroundProtocol` (the request and response types askBackground and the
 * handlers use) is derived from it, so a message without a schema cannot exist: the router checks each request
 * against its schema before any handler runs (`checkBackgroundRequest`), and the handlers get only checked input.
 *
 * A content script lives in a page that may be hostile, so its messages are input, not trusted data. Answers are
 * not checked: they come from the background's own code, so `response` is a type only.
 *
 * The content script's loader must not import this file (it would bundle valibot): it uses only the types.
 */
import * as v from 'valibot';
import type { TagCarriers, TagDeletion, TagRewriteResult } from '../db/tags';
import type { TagUsage } from '../db/tags-ranking';
import { LOCALES, type Catalog } from '../i18n';
import type { ArticleRecord, HighlightRecord, TagRecord } from '../model/records';
import type { TopicSuggestion } from '../topics/suggest';
import type { ResolvedAddress } from '../url/normalize';
import type { MessageType, NoteEditorFocus, PageAnnotationsReply, PageStatus, StorageStats } from './protocol';
import {
  anchorStatesSchema, articleCorrectionSchema, articleDescriptionSchema, highlightPatchSchema, highlightRecordSchema,
  idSchema, newHighlightSchema, seenArticleSchema, noteEditorFocusSchema, pageAddressSchema, passSchema, recordIdSchema,
  selectorsSchema, suggestionLimitSchema, tabIdSchema, tagColourSchema, tagNameSchema, tagNamesSchema, urlKeySchema,
} from './validate';

/** The answer's type, for the compiler only (nothing at run time: answers are not checked). */
const returns = <T>() => undefined as unknown as T;

interface ContractEntry {
  request: v.GenericSchema;
  response: unknown;
  /** What a refusal calls the request when the request as a whole is wrong (default: "request"). */
  what?: string;
}

/** The page a request is about: its address claims (the background resolves the key for the sender). */
const pageAddress = { request: pageAddressSchema, what: 'page address' } as const;

/** Tag and topic messages (answered in lib/background/tag-handlers.ts). */
export const TAGS_CONTRACT = {
  'tags.list': { request: v.null(), response: returns<TagUsage[]>() },
  'tags.rename': { request: v.object({ name: tagNameSchema, newName: tagNameSchema }), response: returns<TagRewriteResult>() },
  'tags.merge': { request: v.object({ sources: tagNamesSchema, target: tagNameSchema }), response: returns<TagRewriteResult>() },
  'tags.recolour': { request: v.object({ name: tagNameSchema, color: tagColourSchema }), response: returns<TagRecord>() },
  'tags.carriers': { request: v.object({ name: tagNameSchema }), response: returns<TagCarriers>() },
  'tags.delete': { request: v.object({ name: tagNameSchema }), response: returns<TagDeletion>() },
  'topics.forArticle': {
    request: v.object({ articleId: recordIdSchema, limit: suggestionLimitSchema }),
    response: returns<TopicSuggestion[]>(),
  },
  'topics.forHighlight': {
    request: v.object({ highlightId: recordIdSchema, limit: suggestionLimitSchema }),
    response: returns<TopicSuggestion[]>(),
  },
} as const satisfies Record<string, ContractEntry>;

export const BACKGROUND_CONTRACT = {
  ...TAGS_CONTRACT,
  /**
   * From the content script's loader, before the rest of Gloss loads: the key the background resolved for the page
   * (null: not a page Gloss can annotate) and how many highlights it has.
   */
  'page.status': { ...pageAddress, response: returns<PageStatus>() },
  /**
   * Which page to read. A content script sends its page's address claims and gets that page's annotations (the
   * background resolves the key); only extension pages may name a key (lib/background/sender.ts).
   */
  'annotations.forPage': {
    request: v.union([pageAddressSchema, v.object({ urlKey: urlKeySchema })]),
    what: 'page address',
    response: returns<PageAnnotationsReply>(),
  },
  /** From extension pages: the frames of a tab whose content script has run (0, the page itself, first). */
  'tab.frames': { request: v.object({ tabId: tabIdSchema }), response: returns<number[]>() },
  /** The address the background believes for a page, from its claims (null: not an http(s) page). */
  'address.resolve': { ...pageAddress, response: returns<ResolvedAddress | null>() },
  'highlight.create': {
    request: v.object({ address: pageAddressSchema, article: articleDescriptionSchema, highlight: newHighlightSchema }),
    response: returns<HighlightRecord>(),
  },
  'highlight.update': { request: v.object({ id: idSchema, patch: highlightPatchSchema }), response: returns<HighlightRecord>() },
  'highlight.delete': { request: v.object({ id: idSchema }), response: returns<HighlightRecord | null>() },
  /** One anchoring pass's outcomes, in one transaction (no broadcast: nothing needs repainting). */
  'highlight.statuses': { request: v.object({ statuses: anchorStatesSchema }), response: returns<null>() },
  /** Moves a highlight (an orphan) onto a new passage of its page: same id, creation date, note and tags. */
  'highlight.reattach': {
    request: v.object({ id: idSchema, address: pageAddressSchema, article: articleDescriptionSchema, selectors: selectorsSchema }),
    response: returns<HighlightRecord>(),
  },
  /** Puts a deleted highlight back, as it was (undo). */
  'highlight.restore': { request: v.object({ highlight: highlightRecordSchema }), response: returns<null>() },
  /** From the content script, when the user opens a popover: a one-time pass for the note editor frame. */
  'noteEditor.open': {
    request: v.object({ id: idSchema, focus: v.optional(noteEditorFocusSchema, null) }),
    response: returns<{ token: string }>(),
  },
  /** From the note editor frame: the highlight its pass opens (once, in the pass's tab). */
  'noteEditor.claim': {
    request: v.object({ token: passSchema }),
    response: returns<{ highlight: HighlightRecord; focus: NoteEditorFocus }>(),
  },
  /** From the note editor frame: close the popover around it (Escape). */
  'noteEditor.close': { request: v.object({ token: passSchema }), response: returns<null>() },
  /** The user's corrections of detected article metadata. */
  'article.correct': { request: v.object({ id: idSchema, correction: articleCorrectionSchema }), response: returns<ArticleRecord>() },
  /**
   * From the content script, once per load for each stored article detection finds on the page: its text now, so the
   * background stores a new version when it changed. The article is looked up on the page the sender really is on.
   */
  'article.seen': { request: seenArticleSchema, response: returns<{ added: boolean }>() },
  'stats.get': { request: v.null(), response: returns<StorageStats>() },
  /** The UI strings of a language, for the in-page UI (which does not bundle them). */
  'i18n.catalog': { request: v.object({ locale: v.picklist(LOCALES) }), response: returns<Catalog>() },
} as const satisfies Record<string, ContractEntry>;

/** A protocol (request and response types per message) read off a contract: requests are what their schema outputs. */
export type ProtocolOf<C extends Record<string, ContractEntry>> = {
  [K in keyof C]: { request: v.InferOutput<C[K]['request']>; response: C[K]['response'] };
};

export type TagsProtocol = ProtocolOf<typeof TAGS_CONTRACT>;
/** Answered by the background (which owns the database); see BACKGROUND_CONTRACT. */
export type BackgroundProtocol = ProtocolOf<typeof BACKGROUND_CONTRACT>;

/** How a refusal names a request's top-level field (default: the field's own name). */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  address: 'page address',
  token: 'pass',
  name: 'tag name',
  newName: 'new tag name',
  sources: 'source tags',
  target: 'target tag',
  color: 'colour',
  articleId: 'article id',
  highlightId: 'highlight id',
};

/**
 * Checks a background request against its message's schema and answers the checked value, or throws an error in
 * plain words naming the first bad field and the message: `Invalid highlight: id: A highlight id must be a UUID
 * (highlight.create)`. The router (lib/messaging/index.ts) calls it before any handler runs.
 */
export function checkBackgroundRequest(type: string, data: unknown): unknown {
  if (!Object.hasOwn(BACKGROUND_CONTRACT, type)) throw new Error(`Unknown message type: ${type}`);
  const entry: ContractEntry = BACKGROUND_CONTRACT[type as MessageType<BackgroundProtocol>];
  const result = v.safeParse(entry.request, data);
  if (result.success) return result.output;
  const keys = result.issues[0].path?.map((p) => String(p.key)) ?? [];
  // A whole-request schema (a page address) names its fields from the top; an object request by its field.
  const [what, path] = entry.what || keys.length === 0
    ? [entry.what ?? 'request', keys]
    : [FIELD_NAMES[keys[0]!] ?? keys[0]!, keys.slice(1)];
  throw new Error(`Invalid ${what}: ${path.join('.') || '(root)'}: ${result.issues[0].message} (${type})`);
}
