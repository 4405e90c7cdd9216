/**
 * Merging one incoming record into the stored one, field by field. Imports
 * fill in and update; they never downgrade: an empty or unknown value never
 * replaces a stored one, the clipped article text is never replaced by another,
 * and fields the user corrected are never overwritten.
 */
import type { ArticleRecord, HighlightRecord, Person, TextPositionSelector } from '../../model/records';
import { urlKey } from '../../url/normalize';

/** Article fields an import may fill in or update; id, urlKey and storyKey say which article it is and never change. */
export const ARTICLE_FIELDS = [
  'url', 'title', 'kicker', 'subtitle', 'authors', 'editors', 'siteName', 'section', 'publishedDate', 'lang', 'text', 'tags',
  'page', 'continuedFrom', 'continuedTo',
] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];

/** Highlight fields an import may update (the selectors one by one); id, articleId and urlKey never change. */
export const HIGHLIGHT_FIELDS = ['quote', 'position', 'pagePosition', 'color', 'note', 'tags', 'status', 'currentText'] as const;
export type HighlightField = (typeof HIGHLIGHT_FIELDS)[number];

/** One stored field that a restore would change, in words for the preview. */
export interface FieldChange {
  record: 'article' | 'highlight';
  /** The article's title or the highlight's quote, clipped. */
  label: string;
  field: ArticleField | HighlightField;
  from: string;
  to: string;
}

const SHOWN_CHARS = 120;
const clip = (text: string) => (text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS - 1)}…` : text);

function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return clip(value);
  if (Array.isArray(value)) return clip(value.map((item) => (typeof item === 'string' ? item : (item as Person).name)).join(', '));
  if (typeof value === 'object' && 'exact' in value) return clip(String(value.exact));
  const position = value as TextPositionSelector;
  return `${position.start}–${position.end}`;
}

/** Compares plain data regardless of key order (rows read back from IndexedDB and parsed from a file may differ there). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || value === 'unknown' || (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && value !== null && 'exact' in value && value.exact === '');

/** A title that is only the page's address is a placeholder (a Web Annotation's article has nothing better). */
const known = (article: ArticleRecord, field: ArticleField) => !isEmpty(article[field]) && !(field === 'title' && article.title === article.url);

/**
 * The stored article with what the incoming one adds. Empty stored fields are
 * filled from any incoming record; known ones change only for a newer record,
 * except the clipped text (proof of what the page said) and corrected fields.
 */
export function mergeArticle(
  stored: ArticleRecord,
  incoming: ArticleRecord,
  unknownFields: readonly string[] = [],
): { merged: ArticleRecord; changes: FieldChange[] } {
  const newer = incoming.updatedAt > stored.updatedAt;
  const merged: ArticleRecord = { ...stored };
  const changes: FieldChange[] = [];
  const label = clip(stored.title);
  for (const field of ARTICLE_FIELDS) {
    if (unknownFields.includes(field) || stored.userEdited.includes(field) || !known(incoming, field)) continue;
    if (same(stored[field], incoming[field])) continue;
    if (known(stored, field) && (field === 'text' || !newer)) continue;
    // Another address is taken only when it names the same page: an import never moves an article.
    if (field === 'url' && urlKey(incoming.url) !== stored.urlKey) continue;
    Object.assign(merged, { [field]: incoming[field] });
    changes.push({ record: 'article', label, field, from: shown(stored[field]), to: shown(incoming[field]) });
  }
  if (changes.length) {
    const taken = new Set<string>(changes.map((c) => c.field));
    merged.userEdited = [...new Set([...stored.userEdited, ...incoming.userEdited.filter((f) => taken.has(f))])];
    merged.updatedAt = Math.max(stored.updatedAt, incoming.updatedAt);
  }
  return { merged, changes };
}

function highlightValue(h: HighlightRecord, field: HighlightField): unknown {
  return field === 'quote' || field === 'position' || field === 'pagePosition' ? h.selectors[field] : h[field];
}

/** The stored highlight updated by a newer incoming one; empty and unknown incoming values keep the stored ones. */
export function mergeHighlight(
  stored: HighlightRecord,
  incoming: HighlightRecord,
  unknownFields: readonly string[] = [],
): { merged: HighlightRecord; changes: FieldChange[] } {
  const merged: HighlightRecord = { ...stored, selectors: { ...stored.selectors } };
  const changes: FieldChange[] = [];
  if (incoming.updatedAt <= stored.updatedAt) return { merged, changes };
  const label = clip(stored.selectors.quote.exact);
  for (const field of HIGHLIGHT_FIELDS) {
    const from = highlightValue(stored, field);
    const to = highlightValue(incoming, field);
    if (unknownFields.includes(field) || isEmpty(to) || same(from, to)) continue;
    if (field === 'quote' || field === 'position' || field === 'pagePosition') Object.assign(merged.selectors, { [field]: to });
    else Object.assign(merged, { [field]: to });
    changes.push({ record: 'highlight', label, field, from: shown(from), to: shown(to) });
  }
  // The link's fragment was made for its quote: it goes with it.
  if (changes.some((c) => c.field === 'quote')) {
    delete merged.selectors.fragment;
    if (incoming.selectors.fragment) merged.selectors.fragment = incoming.selectors.fragment;
  }
  if (changes.length) merged.updatedAt = incoming.updatedAt;
  return { merged, changes };
}
