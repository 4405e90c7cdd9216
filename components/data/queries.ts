/**
 * Every read the extension pages make, in one place: views call these through `useQuery` and never touch Dexie
 * themselves. Reads go to the database directly (same origin); what a content script must hear about goes through
 * the background (tags, stats).
 */
import Dexie from 'dexie';
import { annotationsForPage } from '@/lib/background/repository';
import { continuedPartsOf } from '@/lib/db/continued-parts';
import { askBackground, askTab } from '@/lib/messaging';
import type { ArticleRecord, HighlightRecord } from '@/lib/model/records';
import { activityByPeriod, recentArticles, searchHighlights, topTags, type LibraryQuery } from '@/lib/search';
import { articleChange, passagesLastSeen, type ArticleChange } from '@/lib/db/versions';
import { db } from './db';

export interface PageData {
  articles: ArticleRecord[];
  highlights: HighlightRecord[];
  /** Parts on other pages of this page's continued stories; their highlights are in `highlights` too. */
  otherParts: ArticleRecord[];
}

/**
 * A page's articles (in story order) and highlights. With the tab showing it, each highlight's status is the one its
 * content script found on the page now: stored statuses lag behind (an orphan is saved once the page settled).
 */
export async function pageData(urlKey: string | null, tabId: number | null = null, frameIds: readonly number[] = [0]): Promise<PageData> {
  if (!urlKey) return { articles: [], highlights: [], otherParts: [] };
  const { articles, highlights } = await annotationsForPage(db, urlKey);
  const sorted = articles.sort((a, b) => (a.storyKey < b.storyKey ? -1 : a.storyKey > b.storyKey ? 1 : 0));
  const other = await continuedPartsOf(db, sorted);
  // The page's own frame and its inline frames (srcdoc) each anchor their own highlights.
  const asked = tabId != null && highlights.length ? frameIds.map((frameId) => askTab(tabId, 'content.anchorStatus', null, frameId).catch(() => null)) : [];
  const reports = (await Promise.all(asked)).filter((report) => report !== null);
  if (!reports.length) return { articles: sorted, highlights: [...highlights, ...other.highlights], otherParts: other.articles };
  const live = new Map(reports.flatMap((report) => report.highlights.map((state) => [state.id, state])));
  return {
    articles: sorted,
    highlights: [
      ...highlights.map((h) => {
        const state = live.get(h.id);
        return state ? { ...h, status: state.status, currentText: state.currentText } : h;
      }),
      ...other.highlights,
    ],
    otherParts: other.articles,
  };
}

/** An article's change since it was clipped (its first and latest versions), null when it has not changed. */
export const changeOfArticle = (articleId: string): Promise<ArticleChange | null> => articleChange(db, articleId);

/** When each orphan's passage was last seen on its page (from the article's versions), by highlight id. */
export async function orphansLastSeen(orphans: readonly HighlightRecord[]): Promise<Map<string, number>> {
  const byArticle = new Map<string, HighlightRecord[]>();
  for (const h of orphans) byArticle.set(h.articleId, [...(byArticle.get(h.articleId) ?? []), h]);
  const found = await Promise.all(
    [...byArticle].map(([articleId, list]) => passagesLastSeen(db, articleId, list.map((h) => ({ id: h.id, exact: h.selectors.quote.exact })))),
  );
  return new Map(found.flatMap((map) => [...map]));
}

/** Ids of a page's articles (for its export). */
export const articleIdsOfPage = async (urlKey: string): Promise<string[]> =>
  (await db.articles.where('urlKey').equals(urlKey).primaryKeys()) as string[];

/** Whether the library holds anything: one key, not a count of the whole store. */
export const libraryHasHighlights = async (): Promise<boolean> => (await db.highlights.limit(1).primaryKeys()).length > 0;

export const searchLibrary = (request: LibraryQuery & { limit: number }) => searchHighlights(db, request);

/** The filter bar's choices: every tag (with its use count) and every site. */
export async function filterChoices() {
  return {
    tags: (await askBackground('tags.list', null)).map((tag) => ({ name: tag.name, count: tag.highlights + tag.articles })),
    sites: ((await db.articles.orderBy('siteName').uniqueKeys()) as string[]).filter(Boolean),
  };
}

export const tagList = () => askBackground('tags.list', null);
export const storageStats = () => askBackground('stats.get', null);
export const recentlyAnnotated = () => recentArticles(db, { limit: 20 });

// The charts read the whole library (seconds at 100,000 highlights): keep their last result until
// the data changes, so coming back from a search does not count everything again.
const chartCache = new Map<string, unknown>();
Dexie.on('storagemutated', () => chartCache.clear());
function cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
  if (chartCache.has(key)) return Promise.resolve(chartCache.get(key) as T);
  return compute().then((value) => {
    chartCache.set(key, value);
    return value;
  });
}

export const monthlyActivity = (from: number) => cached(`activity:${from}`, () => activityByPeriod(db, 'month', { from }));
export const popularTags = () => cached('tags', () => topTags(db, 8));
