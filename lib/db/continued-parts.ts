/**
 * The other pages' parts of the continued stories on a page (lib/article/continued.ts), read for
 * the side panel. Only articles with a jump line look further, and only among the same
 * publication's articles (the `siteName` index), so a page without one costs no extra read.
 */
import { continuedStories } from '../article/continued';
import type { GlossDatabase } from '../model/database';
import type { ArticleRecord, HighlightRecord } from '../model/records';
import { articleRecords, highlightRecords } from './tag-maps';

export interface OtherParts {
  articles: ArticleRecord[];
  highlights: HighlightRecord[];
}

export async function continuedPartsOf(db: GlossDatabase, onPage: readonly ArticleRecord[]): Promise<OtherParts> {
  const jumping = onPage.filter((a) => (a.continuedFrom || a.continuedTo) && a.siteName && a.publishedDate);
  if (!jumping.length) return { articles: [], highlights: [] };
  const here = new Set(onPage.map((a) => a.id));
  return db.transaction('r', db.articles, db.highlights, db.tags, async () => {
    const candidates: ArticleRecord[] = [];
    for (const siteName of new Set(jumping.map((a) => a.siteName!))) {
      const days = new Set(jumping.filter((a) => a.siteName === siteName).map((a) => a.publishedDate!.slice(0, 10)));
      const rows = await db.articles.where('siteName').equals(siteName)
        .filter((row) => !here.has(row.id) && !!row.publishedDate && days.has(row.publishedDate.slice(0, 10)))
        .toArray();
      candidates.push(...(await articleRecords(db, rows)));
    }
    const linked = continuedStories([...onPage, ...candidates])
      .filter((group) => group.length > 1 && group.some((a) => here.has(a.id)))
      .flat()
      .filter((a) => !here.has(a.id));
    const rows = linked.length ? await db.highlights.where('articleId').anyOf(linked.map((a) => a.id)).toArray() : [];
    return { articles: linked, highlights: await highlightRecords(db, rows) };
  });
}
