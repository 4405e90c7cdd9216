/**
 * Checks what arrives at the background before it is written. A content script
 * lives in a page that may be hostile, so its messages are input, not trusted data.
 */
import * as v from 'valibot';
import { MAX_SEEN_TEXT, TAG_NAME_MAX_LENGTH, TAGS_PER_ITEM_MAX } from '../model/limits';
import { ANCHOR_STATUSES } from '../model/records';

const MAX_TEXT = 2_000_000;
const MAX_FIELD = 10_000;
const shortText = v.pipe(v.string(), v.maxLength(MAX_FIELD));
const nullableShort = v.nullable(shortText);
const person = v.object({ name: shortText, role: nullableShort });
const tagList = v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(TAG_NAME_MAX_LENGTH))), v.maxLength(TAGS_PER_ITEM_MAX));
const color = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,31}$/));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const anchorStatus = v.picklist(ANCHOR_STATUSES);
const time = v.pipe(v.number(), v.integer(), v.minValue(0));
const position = v.nullable(
  v.pipe(
    v.object({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
    v.check((p) => p.end >= p.start, 'A position must not end before it starts'),
  ),
);

export const articleInputSchema = v.object({
  url: v.pipe(v.string(), v.maxLength(MAX_FIELD), v.url(), v.regex(/^https?:\/\//i, 'Only http(s) pages can be annotated')),
  urlKey: v.pipe(shortText, v.minLength(1)),
  storyKey: shortText,
  title: shortText,
  kicker: nullableShort,
  subtitle: nullableShort,
  authors: v.pipe(v.array(person), v.maxLength(100)),
  editors: v.pipe(v.array(person), v.maxLength(100)),
  siteName: nullableShort,
  section: nullableShort,
  page: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(100)))),
  publishedDate: nullableShort,
  lang: v.nullable(v.pipe(v.string(), v.maxLength(35))),
  continuedFrom: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(100)))),
  continuedTo: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(100)))),
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
});

/** An article as the content script describes it: the address comes separately, as claims. */
export const articleDescriptionSchema = v.omit(articleInputSchema, ['url', 'urlKey']);

const addressClaim = v.nullish(v.pipe(v.string(), v.maxLength(MAX_FIELD)));

/** A page's address claims: its location and what its canonical link and og:url say. */
export const pageAddressSchema = v.object({
  location: v.pipe(v.string(), v.maxLength(MAX_FIELD)),
  canonical: addressClaim,
  ogUrl: addressClaim,
});

/** What a visit saw of a stored article: the page's claims, which story, its text now and its modified date. */
export const seenArticleSchema = v.object({
  address: pageAddressSchema,
  storyKey: v.pipe(shortText, v.minLength(1)),
  text: v.pipe(v.string(), v.maxLength(MAX_SEEN_TEXT)),
  modifiedDate: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(100))), null),
});

/** Ids made by Gloss are UUIDs (lib/model/uuid.ts); a page cannot pick a short or shaped one. */
export const uuidSchema = v.pipe(v.string(), v.uuid('A highlight id must be a UUID'));

/** A text fragment's terms: plain text, never empty where present. */
const fragmentTerm = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_FIELD));

export const selectorsSchema = v.object({
  quote: v.object({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(v.string(), v.minLength(1), v.maxLength(100_000)),
    prefix: shortText,
    suffix: shortText,
  }),
  position,
  pagePosition: position,
  fragment: v.optional(v.strictObject({
    type: v.literal('TextFragmentSelector'),
    textStart: fragmentTerm,
    textEnd: v.optional(fragmentTerm),
    prefix: v.optional(fragmentTerm),
    suffix: v.optional(fragmentTerm),
  })),
});

export const newHighlightSchema = v.object({
  id: uuidSchema,
  selectors: selectorsSchema,
  color,
  note: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
  tags: tagList,
});

export const highlightPatchSchema = v.object({
  color: v.optional(color),
  note: v.optional(v.pipe(v.string(), v.maxLength(MAX_TEXT))),
  tags: v.optional(tagList),
  status: v.optional(anchorStatus),
  currentText: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(100_000)))),
});

/** A whole stored highlight, as the side panel sends it back for undo. */
export const highlightRecordSchema = v.object({
  ...newHighlightSchema.entries,
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  articleId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  urlKey: v.pipe(shortText, v.minLength(1)),
  status: anchorStatus,
  currentText: v.nullable(v.pipe(v.string(), v.maxLength(100_000))),
  createdAt: time,
  updatedAt: time,
});

/** One anchoring pass's outcomes (bounded: a page with more highlights sends several batches). */
export const anchorStatesSchema = v.pipe(
  v.array(v.object({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)), status: anchorStatus, currentText: v.nullable(v.pipe(v.string(), v.maxLength(100_000))) })),
  v.maxLength(5000),
);

export const articleCorrectionSchema = v.strictObject({
  title: v.optional(v.pipe(shortText, v.minLength(1))),
  kicker: v.optional(nullableShort),
  subtitle: v.optional(nullableShort),
  authors: v.optional(v.pipe(v.array(person), v.maxLength(100))),
  siteName: v.optional(nullableShort),
  section: v.optional(nullableShort),
  publishedDate: v.optional(nullableShort),
});

export const urlKeySchema = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_FIELD));

export const idSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

export const noteEditorFocusSchema = v.nullable(v.picklist(['note', 'tags']));

/** A note editor pass (crypto.randomUUID). */
export const passSchema = v.pipe(v.string(), v.uuid());

/** A tag's name as a request names it (lib/db/tags.ts checks it further). */
export const tagNameSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(TAG_NAME_MAX_LENGTH));

/** The tags a merge folds into one. */
export const tagNamesSchema = v.pipe(v.array(tagNameSchema), v.minLength(1), v.maxLength(100));

/** A tag's colour: a hex colour, or null for none. */
export const tagColourSchema = v.nullable(v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i)));

/** An article or highlight id as the topic messages name it. */
export const recordIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/** How many topic suggestions to answer. */
export const suggestionLimitSchema = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30)));

export const tabIdSchema = v.pipe(v.number('A tab id must be a number'), v.integer(), v.minValue(0));

/** Parses input against a schema, throwing an error that names the first bad field. */
export function checked<S extends v.GenericSchema>(schema: S, input: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') || '(root)';
  throw new Error(`Invalid ${what}: ${path}: ${issue.message}`);
}
