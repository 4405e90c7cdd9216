/**
 * valibot schemas for Gloss's records as found in a backup or an import.
 * Objects are strict (unknown keys, `__proto__` included, are errors) and every
 * string has a length cap, so a hostile file cannot smuggle huge values in.
 */
import * as v from 'valibot';
import { ANCHOR_STATUSES, type ArticleRecord, type HighlightRecord, type TagRecord } from '../../model/records';
import { urlKey } from '../../url/normalize';

export const LIMITS = {
  id: 200,
  shortText: 10_000,
  longText: 100_000,
  /** The clipped article text: long-form pages reach a few hundred thousand characters. */
  articleText: 5_000_000,
  url: 10_000,
  tagName: 200,
  listItems: 1_000,
} as const;

const str = (max: number) => v.pipe(v.string(), v.maxLength(max, `longer than ${max} characters`));
const time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.articleText * 2));
const list = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(LIMITS.listItems, `more than ${LIMITS.listItems} items`));

/** Only pages on the web: a `data:` or `javascript:` address would run the file's code when the article is opened. */
export const isWebAddress = (url: string): boolean => urlKey(url) !== null;
export const NOT_WEB_ADDRESS = 'not a web page address (only http: and https: are accepted)';
const webAddress = v.pipe(str(LIMITS.url), v.check(isWebAddress, NOT_WEB_ADDRESS));

const person = v.strictObject({ name: str(LIMITS.shortText), role: v.nullable(str(LIMITS.shortText)) });

export const articleSchema = v.strictObject({
  id: str(LIMITS.id),
  urlKey: str(LIMITS.url),
  storyKey: str(LIMITS.id),
  url: webAddress,
  title: str(LIMITS.shortText),
  kicker: v.nullable(str(LIMITS.shortText)),
  subtitle: v.nullable(str(LIMITS.shortText)),
  authors: list(person),
  editors: list(person),
  siteName: v.nullable(str(LIMITS.shortText)),
  section: v.nullable(str(LIMITS.shortText)),
  publishedDate: v.nullable(str(100)),
  lang: v.nullable(str(100)),
  text: str(LIMITS.articleText),
  tags: list(str(LIMITS.tagName)),
  userEdited: list(str(100)),
  createdAt: time,
  updatedAt: time,
});

const fragmentTerm = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.shortText));
const position = v.strictObject({ type: v.literal('TextPositionSelector'), start: offset, end: offset });

export const highlightSchema = v.strictObject({
  id: str(LIMITS.id),
  articleId: str(LIMITS.id),
  urlKey: str(LIMITS.url),
  selectors: v.strictObject({
    quote: v.strictObject({
      type: v.literal('TextQuoteSelector'),
      exact: str(LIMITS.longText),
      prefix: str(LIMITS.shortText),
      suffix: str(LIMITS.shortText),
    }),
    position: v.nullable(position),
    pagePosition: v.nullable(position),
    fragment: v.optional(v.strictObject({
      type: v.literal('TextFragmentSelector'),
      textStart: fragmentTerm,
      textEnd: v.optional(fragmentTerm),
      prefix: v.optional(fragmentTerm),
      suffix: v.optional(fragmentTerm),
    })),
  }),
  color: str(100),
  note: str(LIMITS.longText),
  tags: list(str(LIMITS.tagName)),
  status: v.picklist(ANCHOR_STATUSES),
  currentText: v.nullable(str(LIMITS.longText)),
  createdAt: time,
  updatedAt: time,
});

export const tagSchema = v.strictObject({
  id: str(LIMITS.id),
  name: str(LIMITS.tagName),
  nameKey: str(LIMITS.tagName * 4),
  color: v.nullable(str(100)),
  createdAt: time,
});

// The schemas must describe exactly the stored types: a change to lib/model/records.ts fails type-checking here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const articleMatches: Same<v.InferOutput<typeof articleSchema>, ArticleRecord> = true;
const highlightMatches: Same<v.InferOutput<typeof highlightSchema>, HighlightRecord> = true;
const tagMatches: Same<v.InferOutput<typeof tagSchema>, TagRecord> = true;
void [articleMatches, highlightMatches, tagMatches];

export const backupSchema = v.strictObject({
  format: v.literal('gloss-backup'),
  version: v.literal(1),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  exportedAt: str(100),
  articles: v.array(articleSchema),
  highlights: v.array(highlightSchema),
  tags: v.array(tagSchema),
});

export interface RecordSet {
  articles: ArticleRecord[];
  highlights: HighlightRecord[];
  tags: TagRecord[];
  /**
   * Fields a file does not know, by record id, filled with placeholders (a Web Annotation's article has only an
   * address: its title is the URL). A placeholder never replaces a stored value.
   */
  unknownFields?: { articles: ReadonlyMap<string, readonly string[]>; highlights: ReadonlyMap<string, readonly string[]> };
  /** Records the reader left out, counted for the preview: annotations without a text quote or on a non-web address. */
  leftOut?: { noQuote: number; notWeb: number };
}

const STORED_FIELDS = {
  articles: Object.keys(articleSchema.entries),
  highlights: Object.keys(highlightSchema.entries),
  tags: Object.keys(tagSchema.entries),
} as const;

/**
 * A row reduced to the fields of its record type: derived fields other modules
 * keep on rows (search terms maintained by hooks) are left out of exports and
 * rebuilt when rows are written back.
 */
export function storedFields<T extends object>(kind: keyof typeof STORED_FIELDS, row: T): T {
  const out: Record<string, unknown> = {};
  for (const field of STORED_FIELDS[kind]) if (field in row) out[field] = (row as Record<string, unknown>)[field];
  return out as T;
}
