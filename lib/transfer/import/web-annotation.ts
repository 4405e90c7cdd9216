/**
 * W3C Web Annotation import: collections written by Gloss come back exactly
 * (the `gloss:` fields); annotations from other tools become highlights with a
 * TextQuoteSelector on an article made from the target's source URL. The
 * source decides the page: `gloss:urlKey` is ignored, and annotations of
 * non-web addresses (PDFs, `data:`, `file:`) are left out and counted.
 */
import * as v from 'valibot';
import { ANCHOR_STATUSES, type ArticleRecord, type HighlightRecord, type TagRecord } from '../../model/records';
import { highlightIdOf } from '../export/web-annotation';
import { foldTagName } from '../../tags/tag-names';
import { urlKey } from '../../url/normalize';
import { articleSchema, LIMITS, type RecordSet } from './backup-schema';
import { BackupError, validateRecords } from './backup-parse';
import { ARTICLE_FIELDS } from './restore-merge';

const str = (max: number) => v.pipe(v.string(), v.maxLength(max, `longer than ${max} characters`));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const position = v.object({ type: v.literal('TextPositionSelector'), start: offset, end: offset });
const quote = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: str(LIMITS.longText),
  prefix: v.optional(str(LIMITS.shortText), ''),
  suffix: v.optional(str(LIMITS.shortText), ''),
});
// Loose: other selector kinds (RangeSelector, XPathSelector…) are passed over, not rejected.
const anySelector = v.looseObject({ type: str(100) });
const textBody = v.object({
  type: v.optional(str(100)),
  value: v.optional(str(LIMITS.longText)),
  purpose: v.optional(str(100)),
});
// The array branch comes first: valibot's object schema would accept an array as an empty object.
const oneOrMany = <T extends v.GenericSchema>(schema: T) => v.union([v.pipe(v.array(schema), v.maxLength(LIMITS.listItems)), schema]);

const annotationSchema = v.object({
  id: v.optional(str(LIMITS.url)),
  type: v.optional(v.union([str(100), v.array(str(100))])),
  created: v.optional(str(100)),
  modified: v.optional(str(100)),
  body: v.optional(oneOrMany(v.union([str(LIMITS.longText), textBody]))),
  bodyValue: v.optional(str(LIMITS.longText)),
  target: v.union([
    str(LIMITS.url),
    v.object({
      source: str(LIMITS.url),
      selector: v.optional(oneOrMany(anySelector)),
      'gloss:article': v.optional(str(LIMITS.id)),
      'gloss:pagePosition': v.optional(position),
    }),
  ]),
  'gloss:color': v.optional(str(100)),
  'gloss:status': v.optional(v.picklist(ANCHOR_STATUSES)),
  'gloss:currentText': v.optional(str(LIMITS.longText)),
});
type Annotation = v.InferOutput<typeof annotationSchema>;

const collectionSchema = v.object({
  type: v.optional(v.union([str(100), v.array(str(100))])),
  'gloss:articles': v.optional(v.array(articleSchema)),
  first: v.optional(v.union([str(LIMITS.url), v.object({ items: v.optional(v.array(v.unknown())) })])),
  items: v.optional(v.array(v.unknown())),
});

function timeOf(iso: string | undefined, fallback: number): number {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(ms) ? ms : fallback;
}

function isType(value: unknown, type: string): boolean {
  return value === type || (Array.isArray(value) && value.includes(type));
}

/** The annotations in a collection, a page, a bare list or a single annotation. */
function annotationItems(data: unknown): { items: unknown[]; articles: ArticleRecord[] } {
  if (Array.isArray(data)) return { items: data, articles: [] };
  const collection = validateRecords(collectionSchema, data, 'annotation file');
  if (isType(collection.type, 'Annotation')) return { items: [data], articles: [] };
  const first = typeof collection.first === 'object' ? collection.first.items : undefined;
  const items = first ?? collection.items;
  if (!items) throw new BackupError('not-a-backup', 'This is neither a Gloss backup nor a W3C Web Annotation collection.');
  return { items, articles: collection['gloss:articles'] ?? [] };
}

/** All an annotation says of its article is the address: every other field is a placeholder (see STUB_UNKNOWN). */
function articleFor(source: string, key: string, at: number): ArticleRecord {
  return {
    id: `wa:${key}`.slice(0, LIMITS.id), urlKey: key, storyKey: '0', url: source, title: source, kicker: null, subtitle: null,
    authors: [], editors: [], siteName: null, section: null, publishedDate: null, lang: null, text: '', tags: [], userEdited: [],
    createdAt: at, updatedAt: at,
  };
}

const STUB_UNKNOWN = ARTICLE_FIELDS.filter((field) => field !== 'url');

interface Reading {
  articles: Map<string, ArticleRecord>;
  stubs: Set<string>;
  now: number;
}

function toHighlight(a: Annotation, index: number, reading: Reading): HighlightRecord | 'no-quote' | 'not-web' {
  const { articles, stubs, now } = reading;
  const target = typeof a.target === 'string' ? { source: a.target } : a.target;
  const key = urlKey(target.source);
  if (!key) return 'not-web';
  const selectors = 'selector' in target && target.selector ? [target.selector].flat() : [];
  const quoteFound = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (!quoteFound) return 'no-quote';
  const quoteSelector = validateRecords(quote, quoteFound, `text quote of annotation ${index + 1}`);
  const positionFound = selectors.find((s) => s.type === 'TextPositionSelector');
  const positionSelector = positionFound ? validateRecords(position, positionFound, `text position of annotation ${index + 1}`) : null;
  const created = timeOf(a.created, now);
  const glossArticle = 'gloss:article' in target ? target['gloss:article'] : undefined;
  let article = glossArticle ? articles.get(glossArticle) : undefined;
  // Gloss's own article counts only when it is the page the annotation names.
  if (article && urlKey(article.url) !== key) article = undefined;
  if (!article) {
    const made = articleFor(target.source, key, created);
    article = articles.get(made.id) ?? made;
    if (!articles.has(article.id)) stubs.add(article.id);
    articles.set(article.id, article);
  }
  const bodies = [a.body ?? []].flat().map((b) => (typeof b === 'string' ? { value: b, purpose: 'commenting' } : b));
  const notes = bodies.filter((b) => b.value && b.purpose !== 'tagging').map((b) => b.value!);
  if (a.bodyValue) notes.unshift(a.bodyValue);
  const tags = bodies.filter((b) => b.value && b.purpose === 'tagging').map((b) => b.value!.slice(0, LIMITS.tagName));
  const pagePosition = 'gloss:pagePosition' in target ? target['gloss:pagePosition'] : undefined;
  return {
    id: a.id ? highlightIdOf(a.id).slice(0, LIMITS.id) : `wa:${article.id}:${index}`,
    articleId: article.id,
    urlKey: article.urlKey,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: quoteSelector.exact, prefix: quoteSelector.prefix, suffix: quoteSelector.suffix },
      position: positionSelector ? { type: 'TextPositionSelector', start: positionSelector.start, end: positionSelector.end } : null,
      pagePosition: pagePosition ? { type: 'TextPositionSelector', start: pagePosition.start, end: pagePosition.end } : null,
    },
    color: a['gloss:color'] ?? 'yellow',
    note: notes.join('\n\n').slice(0, LIMITS.longText),
    tags: [...new Set(tags)].slice(0, LIMITS.listItems),
    status: a['gloss:status'] ?? 'unknown',
    currentText: a['gloss:currentText'] ?? null,
    createdAt: created,
    updatedAt: timeOf(a.modified, created),
  };
}

/** Records to restore from parsed Web Annotation JSON; annotations without a text quote or a web address are left out. */
export function recordsFromWebAnnotations(data: unknown, now = Date.now()): RecordSet & { leftOut: { noQuote: number; notWeb: number } } {
  const { items, articles: glossArticles } = annotationItems(data);
  const reading: Reading = { articles: new Map(glossArticles.map((a) => [a.id, a])), stubs: new Set(), now };
  const highlights: HighlightRecord[] = [];
  const unknownHighlightFields = new Map<string, readonly string[]>();
  const leftOut = { noQuote: 0, notWeb: 0 };
  items.forEach((item, i) => {
    const annotation = validateRecords(annotationSchema, item, `annotation ${i + 1}`);
    const highlight = toHighlight(annotation, i, reading);
    if (highlight === 'no-quote') leftOut.noQuote++;
    else if (highlight === 'not-web') leftOut.notWeb++;
    else {
      highlights.push(highlight);
      // Another tool's annotation has no colour of its own: the default never recolours a stored highlight.
      if (!annotation['gloss:color']) unknownHighlightFields.set(highlight.id, ['color']);
    }
  });
  // Tags named on highlights but not yet known get a record, as if typed by the user.
  const tags = new Map<string, TagRecord>();
  for (const h of highlights) {
    for (const name of h.tags) {
      const nameKey = foldTagName(name);
      if (nameKey && !tags.has(nameKey)) tags.set(nameKey, { id: `tag:${nameKey}`.slice(0, LIMITS.id), name, nameKey, color: null, createdAt: h.createdAt });
    }
  }
  const unknownArticleFields = new Map([...reading.stubs].map((id) => [id, STUB_UNKNOWN]));
  return {
    articles: [...reading.articles.values()], highlights, tags: [...tags.values()], leftOut,
    unknownFields: { articles: unknownArticleFields, highlights: unknownHighlightFields },
  };
}
