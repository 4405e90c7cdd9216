/**
 * valibot schemas for Gloss's records as found in a backup or an import.
 * Objects are strict (unknown keys, `__proto__` included, are errors) and every
 * string has a length cap, so a hostile file cannot smuggle huge values in.
 */
import * as v from 'valibot';
import { ANCHOR_STATUSES, type ArticleRecord, type HighlightRecord, type SnapshotRecord, type TagRecord, type VersionRecord } from '../../model/records';
import { MAX_SNAPSHOT_BYTES } from '../../db/snapshots';
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
  // Absent in backups made before pages were kept; they restore and back up again unchanged.
  page: v.optional(v.nullable(str(100))),
  publishedDate: v.nullable(str(100)),
  lang: v.nullable(str(100)),
  // Optional: backups written before continued stories have none.
  continuedFrom: v.optional(v.nullable(str(100))),
  continuedTo: v.optional(v.nullable(str(100))),
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

/** A version of an article (lib/versions): the first with its text, later ones with a patch against it. */
export const versionSchema = v.strictObject({
  id: str(LIMITS.id),
  articleId: str(LIMITS.id),
  hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'not a SHA-256 in hex')),
  seenAt: time,
  lastSeenAt: time,
  modifiedDate: v.nullable(str(100)),
  text: v.nullable(str(LIMITS.articleText)),
  // A patch may hold two whole texts (a page rewritten from top to bottom).
  patch: v.nullable(str(LIMITS.articleText * 2)),
});

/** A page snapshot (MHTML) with its file as base64; restore checks the file against its SHA-256 and size. */
export const snapshotSchema = v.strictObject({
  id: str(LIMITS.id),
  articleId: str(LIMITS.id),
  urlKey: str(LIMITS.url),
  url: webAddress,
  title: str(LIMITS.shortText),
  capturedAt: time,
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'not a SHA-256 in hex')),
  bytes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_SNAPSHOT_BYTES)),
  data: v.pipe(str(Math.ceil(MAX_SNAPSHOT_BYTES / 3) * 4), v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')),
});
export type BackupSnapshot = SnapshotRecord & { data: string };

// The schemas must describe exactly the stored types: a change to lib/model/records.ts fails type-checking here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const articleMatches: Same<v.InferOutput<typeof articleSchema>, ArticleRecord> = true;
const highlightMatches: Same<v.InferOutput<typeof highlightSchema>, HighlightRecord> = true;
const tagMatches: Same<v.InferOutput<typeof tagSchema>, TagRecord> = true;
const versionMatches: Same<v.InferOutput<typeof versionSchema>, VersionRecord> = true;
const snapshotMatches: Same<v.InferOutput<typeof snapshotSchema>, BackupSnapshot> = true;
void [articleMatches, highlightMatches, tagMatches, versionMatches, snapshotMatches];

export const backupSchema = v.strictObject({
  format: v.literal('gloss-backup'),
  version: v.literal(1),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  exportedAt: str(100),
  articles: v.array(articleSchema),
  highlights: v.array(highlightSchema),
  tags: v.array(tagSchema),
  // Backups made before schema v4 have no versions.
  versions: v.optional(v.array(versionSchema), []),
  snapshots: v.optional(v.array(snapshotSchema), []),
});

export interface RecordSet {
  articles: ArticleRecord[];
  highlights: HighlightRecord[];
  tags: TagRecord[];
  /** Versions of the file's articles (Gloss backups only). */
  versions?: VersionRecord[];
  /** Page snapshots with their files (Gloss backups only). */
  snapshots?: BackupSnapshot[];
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
  versions: Object.keys(versionSchema.entries),
  snapshots: Object.keys(snapshotSchema.entries),
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
