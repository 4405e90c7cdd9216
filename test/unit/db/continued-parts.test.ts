import { describe, expect, it } from 'vitest';
import { continuedPartsOf } from '@/lib/db/continued-parts';
import { rowsFor } from '@/lib/db/tag-maps';
import type { GlossDatabase } from '@/lib/model/database';
import type { ArticleRecord, HighlightRecord } from '@/lib/model/records';
import { continuedStory, leadStory } from '../export/fixtures';
import { freshDatabase } from '../import/helpers';

async function stored(bundles: { article: ArticleRecord; highlights: HighlightRecord[] }[]): Promise<GlossDatabase> {
  const db = freshDatabase();
  const rows = await rowsFor(db, { articles: bundles.map((b) => b.article), highlights: bundles.flatMap((b) => b.highlights) });
  await db.articles.bulkAdd(rows.articles);
  await db.highlights.bulkAdd(rows.highlights);
  return db;
}

describe('continuedPartsOf', () => {
  it('finds the other page of a continued story with its highlights, from either page', async () => {
    const { front, inside } = continuedStory();
    const db = await stored([front, inside, leadStory()]);
    const fromFront = await continuedPartsOf(db, [front.article]);
    expect(fromFront.articles.map((a) => a.id)).toEqual(['art-inside']);
    expect(fromFront.highlights.map((h) => h.id).sort()).toEqual(['h-in-0', 'h-in-1']);
    const fromInside = await continuedPartsOf(db, [inside.article]);
    expect(fromInside.articles.map((a) => a.id)).toEqual(['art-front']);
    expect(fromInside.highlights.map((h) => h.id)).toEqual(['h-front-9']);
  });

  it('reads nothing more for a page without jump lines, or when the other part is not stored', async () => {
    const { front } = continuedStory();
    const lead = leadStory();
    const db = await stored([front, lead]);
    expect(await continuedPartsOf(db, [lead.article])).toEqual({ articles: [], highlights: [] });
    expect(await continuedPartsOf(db, [front.article])).toEqual({ articles: [], highlights: [] });
  });
});
