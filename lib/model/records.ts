/** Records stored in the `gloss` database. Times are epoch milliseconds. */

export interface Person {
  name: string;
  /** The role word as printed: 记者, 通讯员, Staff Writer… or null. */
  role: string | null;
}

/** Story key of highlights made outside every detected story: they belong to the page as a whole. */
export const WHOLE_PAGE_STORY = 'page';

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
  publishedDate: string | null;
  lang: string | null;
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

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type AnchorStatus = 'anchored' | 'anchored-fuzzy' | 'orphan' | 'unknown';

export interface HighlightRecord {
  id: string;
  articleId: string;
  urlKey: string;
  /** Selectors against the article's text, then against the page's text as a fallback. */
  selectors: {
    quote: TextQuoteSelector;
    position: TextPositionSelector | null;
    pagePosition: TextPositionSelector | null;
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
}
