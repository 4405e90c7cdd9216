/**
 * The articles of a page, as anchoring sees them: a live root element and a
 * story key each, from structure detection (lib/article). Text outside every
 * detected story (or a page with none) belongs to the page as a whole.
 */
import type { DetectedArticle, PageStructure } from '@/lib/article';
import type { ArticleDescription, PageSummary } from '@/lib/messaging';
import { pageArticle } from './page-article';
import { MAX_CLIPPED_TEXT } from '@/lib/model/limits';

export interface PageArticle {
  root: Element;
  storyKey: string;
  /** What the background stores about the article with its first highlight (it adds the address itself). */
  describe(): ArticleDescription;
  /** The page's own modified date for the article, when detection read one. */
  modifiedDate: string | null;
}

export { WHOLE_PAGE_STORY } from '@/lib/model/records';

export function detectedInput(doc: Document, article: DetectedArticle): ArticleDescription {
  return {
    storyKey: article.storyKey,
    title: article.title.slice(0, 2000),
    kicker: article.kicker,
    subtitle: article.subtitle,
    authors: article.authors.slice(0, 100),
    editors: article.editors.slice(0, 100),
    siteName: article.siteName,
    section: article.section,
    // Only when found: an article without a page is stored (and backed up) without the field.
    ...(article.page ? { page: article.page } : {}),
    publishedDate: article.publishedDate,
    lang: article.lang ?? (doc.documentElement.lang || null),
    page: article.page,
    continuedFrom: article.continuedFrom?.page ?? null,
    continuedTo: article.continuedTo?.page ?? null,
    text: article.paragraphs.join('\n\n').slice(0, MAX_CLIPPED_TEXT),
  };
}

/** The whole page as one article: the fallback when detection finds none, and for text outside every story. */
export function wholePage(doc: Document, storyKey: string): PageArticle | null {
  const body = doc.body;
  if (!body) return null;
  return {
    root: body,
    storyKey,
    describe: () => ({ ...pageArticle(doc), storyKey }),
    modifiedDate: doc.querySelector('meta[property="article:modified_time"]')?.getAttribute('content')?.trim() || null,
  };
}

/** The detected stories of the page, or the whole page as one when detection found none. */
export function articlesOfPage(doc: Document, structure: PageStructure): PageArticle[] {
  const detected = structure.articles.filter((a) => a.root.isConnected);
  if (!detected.length) {
    const page = wholePage(doc, '0');
    return page ? [page] : [];
  }
  return detected.map((article) => ({
    root: article.root, storyKey: article.storyKey, describe: () => detectedInput(doc, article), modifiedDate: article.modifiedDate,
  }));
}

/** An inline frame's articles, their story keys under the frame's prefix (lib/content/frame-scope.ts). */
export function inFrame(articles: PageArticle[], prefix: string): PageArticle[] {
  if (!prefix) return articles;
  return articles.map((article) => ({
    ...article,
    storyKey: prefix + article.storyKey,
    describe: () => ({ ...article.describe(), storyKey: prefix + article.storyKey }),
  }));
}

export type ArticleOfRange = { ok: true; article: PageArticle } | { ok: false; reason: 'spans-articles' | 'outside' };

/** `node` is `root` or inside it, through the shadow roots between them (`contains` stops at a shadow root). */
function holds(root: Node, node: Node): boolean {
  for (let at: Node | null = node; at; at = at.parentNode ?? (at as ShadowRoot).host ?? null) if (at === root) return true;
  return false;
}

/** The article holding a range; a range across two articles is refused rather than guessed. */
export function articleOfRange(articles: readonly PageArticle[], range: Range): ArticleOfRange {
  const start = articles.find((a) => holds(a.root, range.startContainer));
  const end = articles.find((a) => holds(a.root, range.endContainer));
  if (start && end && start !== end) return { ok: false, reason: 'spans-articles' };
  // A selection wrapping several articles from outside (e.g. select-all).
  if (articles.filter((a) => range.intersectsNode(a.root)).length > 1) return { ok: false, reason: 'spans-articles' };
  if (start ?? end) return { ok: true, article: (start ?? end)! };
  return { ok: false, reason: 'outside' };
}

/** What detection found, for the popup and side panel. */
export function detectedStories({ pageKind, articles }: PageStructure, storyPrefix = ''): Pick<PageSummary, 'pageKind' | 'stories'> {
  return {
    pageKind,
    stories: articles.map(({ storyKey, title, kicker, subtitle, authors, publishedDate, siteName }) => ({
      storyKey: storyPrefix + storyKey, title, kicker, subtitle, authors, publishedDate, siteName,
    })),
  };
}
