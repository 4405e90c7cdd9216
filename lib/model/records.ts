/** Records stored in the `gloss` database. Times are epoch milliseconds. */

/** An author or editor, as detection read the credit line. */
export interface Person {
  name: string;
  /** The role word as printed: 记者, 通讯员, Staff Writer… or null. */
  role: string | null;
}

/** What detection found on a page: one article, several stories (an e-paper page), or none. */
export type PageKind = 'single-article' | 'multi-article' | 'none';

/** Story key of highlights made outside every detected story: they belong to the page as a whole. */
export const WHOLE_PAGE_STORY = 'page';

/**
 * Stories of an inline frame (srcdoc) are stored under the embedding page's address, their keys prefixed by the
 * frame's path in it: `frame:0:…`, `frame:#story/1:…` (lib/content/frame-scope.ts). Detected keys never hold ':'.
 */
const FRAME_STORY = 'frame:';

export const frameStoryPrefix = (path: readonly string[]): string => `${FRAME_STORY}${path.join('/')}:`;

/** True if a story belongs to the document whose story keys start with `prefix` ('' for a page's own document). */
export const storyInScope = (storyKey: string, prefix: string): boolean =>
  prefix ? storyKey.startsWith(prefix) && !storyKey.includes(':', prefix.length) : !storyKey.startsWith(FRAME_STORY);

/** True for the story of text outside every detected story, in a page or in one of its inline frames. */
export const isWholePageStory = (storyKey: string): boolean => storyKey === WHOLE_PAGE_STORY || storyKey.endsWith(`:${WHOLE_PAGE_STORY}`);

export interface ArticleRecord {
  id: string;
  /** Normalized address (see lib/url), shared by every story on one page. */
  urlKey: string;
  /** Which story on the page: '0' for a single article, a hash of the story's title on a multi-story page (stable across visits), 'page' for text outside every story. */
  storyKey: string;
  url: string;
  title: string;
  kicker: string | null;
  subtitle: string | null;
  authors: Person[];
  editors: Person[];
  siteName: string | null;
  section: string | null;
  /**
   * The printed page (版次) of an e-paper story, as the page labels it ("01", "A6"); absent or null when unknown.
   * Optional so rows and backups from before it read unchanged (not indexed, so no schema version).
   */
  page?: string | null;
  publishedDate: string | null;
  lang: string | null;
  /** A story printed in parts: the page its jump line says it comes from (上接第1版, "Continued from page A1"). */
  continuedFrom?: string | null;
  /** …and the page it goes on to (下转第2版, "Continued on page A6"). Parts are grouped when read (lib/article/continued.ts). */
  continuedTo?: string | null;
  /** The article's text as clipped with the first highlight: proof of what the page said. */
  text: string;
  tags: string[];
  /** Fields the user corrected by hand; detection never overwrites them. */
  userEdited: string[];
  createdAt: number;
  updatedAt: number;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * A text fragment (`#:~:text=[prefix-,]textStart[,textEnd][,-suffix]`) made when the highlight was created,
 * from the live page: its terms never cross a block boundary and it is unique on the page. Absent on
 * highlights made before it existed (links are then built from the quote).
 */
export interface TextFragmentSelector {
  type: 'TextFragmentSelector';
  textStart: string;
  textEnd?: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** How a highlight anchored when last seen: exactly, fuzzily (the page's text changed), not at all; unknown before. */
export const ANCHOR_STATUSES = ['anchored', 'anchored-fuzzy', 'orphan', 'unknown'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

export interface HighlightRecord {
  id: string;
  articleId: string;
  urlKey: string;
  /** Selectors against the article's text, then against the page's text as a fallback. */
  selectors: {
    quote: TextQuoteSelector;
    position: TextPositionSelector | null;
    pagePosition: TextPositionSelector | null;
    fragment?: TextFragmentSelector;
  };
  color: string;
  note: string;
  tags: string[];
  status: AnchorStatus;
  /** The text found at the last fuzzy anchoring, when it differs from the quote. */
  currentText: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface TagRecord {
  id: string;
  name: string;
  /** Case- and width-folded name, unique: `Ｃｈｉｎａ` and `china` are one tag. */
  nameKey: string;
  color: string | null;
  createdAt: number;
  /**
   * Set on a tag merged into another: the row stays as an alias of that
   * tag's id (never of another alias), so merging writes one row per source
   * instead of rewriting every carrier's `tagIds`. Carriers keep the alias's
   * id and every reader shows, filters and counts them as the target's.
   * An alias's `nameKey` is `\u0000alias//<id>`, which no folded name can be
   * (lib/tags/tag-aliases.ts), so its old name is free again; it keeps its
   * old `name` only as a record of what was merged.
   */
  aliasOf?: string;
}

/**
 * How highlights and articles are stored since schema v3: tags by id (names
 * live once in `tags`, so rename and recolour are one row). Readers hand
 * records (names) to the UI, messages and exports; see lib/model/rows.ts.
 */
export interface HighlightRow extends Omit<HighlightRecord, 'tags'> {
  tagIds: string[];
  /**
   * The highlight's number in the search index (lib/search/postings): its
   * `createdAt` times 1,000 plus a tie-breaker, so index order is annotation
   * order. Derived and assigned by the index; absent until indexed.
   */
  seq?: number;
}

export interface ArticleRow extends Omit<ArticleRecord, 'tags'> {
  tagIds: string[];
}

/**
 * A text of an article as Gloss saw it on a visit (lib/versions). The first version holds its text in full; every
 * later one holds a unified diff against that first text, so dropping a middle version never breaks a chain.
 * One version per distinct text (by hash) and article.
 */
export interface VersionRecord {
  id: string;
  articleId: string;
  /** SHA-256, in hex, of the normalized text. */
  hash: string;
  /** When this text was first seen (the first version's: when the article was clipped). */
  seenAt: number;
  /** When this text was last seen on the page. */
  lastSeenAt: number;
  /** The page's own modified date, as detection read it, when it had one. */
  modifiedDate: string | null;
  /** The normalized text, on the first version only. */
  text: string | null;
  /** On later versions: the unified diff (`diff` package) from the first version's text to this one's. */
  patch: string | null;
}

/** One chunk of a search term's postings: sorted highlight `seq`s, `start` the first of them. */
export interface PostingRow {
  term: string;
  start: number;
  count: number;
  /** The seqs delta- and varint-encoded (lib/search/postings/encoding.ts). */
  keys: Uint8Array;
}

/**
 * A saved copy of the whole page (MHTML, Chrome's pageCapture) as proof of what it showed. The bytes live apart,
 * in `snapshotFiles`, so listing an article's snapshots reads no megabytes.
 */
export interface SnapshotRecord {
  id: string;
  articleId: string;
  urlKey: string;
  url: string;
  /** The page's title when captured. */
  title: string;
  capturedAt: number;
  /** SHA-256 of the file, lowercase hex: the same capture is stored once. */
  sha256: string;
  bytes: number;
}

export interface SnapshotFile {
  id: string;
  /** The MHTML file as captured (bytes, not a Blob: every IndexedDB and structured clone holds them). */
  data: Uint8Array<ArrayBuffer>;
}

