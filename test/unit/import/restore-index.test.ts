/**
 * A restore keeps the search index right on both of its paths: a large one
 * rebuilds the postings in one pass after the rows, a small one leaves them
 * to the middleware, row batch by row batch. Either way the postings equal a
 * rebuild from the rows, and search finds what was restored.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyRestore } from '@/lib/transfer/import';
import type { RecordSet } from '@/lib/transfer/import/backup-schema';
import type { GlossDatabase } from '@/lib/model/database';
import { rebuildSearchIndex } from '@/lib/search/postings';
import { chunkKeys } from '@/lib/search/postings/encoding';
import { countMatches, searchHighlights } from '@/lib/search';
import { freshDatabase } from './helpers';

function records(count: number, offset = 0): RecordSet {
  const article = {
    id: 'art-1', urlKey: 'news.example/1', storyKey: '0', url: 'https://news.example/1', title: '屋场恳谈会 in the county',
    kicker: null, subtitle: null, authors: [{ name: 'Jane Roe', role: null }], editors: [], siteName: 'Example', section: null,
    publishedDate: '2022-09-05', lang: 'en', text: 'body', tags: ['county'], userEdited: [], createdAt: 1, updatedAt: 1,
  };
  const highlights = Array.from({ length: count }, (_, k) => {
    const i = k + offset;
    return {
      id: `h-${i}`, articleId: 'art-1', urlKey: 'news.example/1',
      selectors: { quote: { type: 'TextQuoteSelector' as const, exact: i % 2 ? `tariffs number ${i}` : `基层治理 第${i}条`, prefix: '', suffix: '' }, position: null, pagePosition: null },
      color: i % 3 ? 'yellow' : 'green', note: i % 5 ? '' : 'note', tags: i % 4 ? [] : ['policy'], status: 'anchored' as const,
      currentText: null, createdAt: 1_700_000_000_000 + i * 1000, updatedAt: 1_700_000_000_000 + i * 1000,
    };
  });
  const tags = [
    { id: 'tag-county', name: 'county', nameKey: 'county', color: null, createdAt: 1 },
    { id: 'tag-policy', name: 'policy', nameKey: 'policy', color: null, createdAt: 1 },
  ];
  return { articles: [article], highlights, tags };
}

async function postings(db: GlossDatabase): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const row of await db.postings.toArray()) (out[row.term] ??= []).push(...chunkKeys(row));
  return out;
}

async function expectIndexRight(db: GlossDatabase, highlights: number): Promise<void> {
  const kept = await postings(db);
  await db.transaction('rw', db.highlights, db.articles, db.postings, () => rebuildSearchIndex(Dexie.currentTransaction));
  expect(await postings(db)).toEqual(kept);
  expect((await searchHighlights(db, {})).total).toBe(highlights);
  expect(await countMatches(db, { query: 'tariffs' })).toBe(Math.floor(highlights / 2));
  expect(await countMatches(db, { query: '基层治理' })).toBe(Math.ceil(highlights / 2));
  expect((await searchHighlights(db, { query: '恳谈', limit: 1 })).total).toBe(highlights);
  expect((await searchHighlights(db, { filters: { tags: ['county'] } })).total).toBe(highlights);
}

describe('restore and the search index', () => {
  it('rebuilds the postings in one pass after a large restore', async () => {
    const db = freshDatabase();
    const progress: number[] = [];
    await applyRestore(db, records(600), { onProgress: ({ done, total }) => progress.push(done, total) });
    await expectIndexRight(db, 600);
    // One article, two tags and 600 highlights written, then 600 highlights indexed.
    expect(progress.slice(-2)).toEqual([1203, 1203]);
  });

  it('keeps them row by row for a small restore into a larger library', async () => {
    const db = freshDatabase();
    await applyRestore(db, records(600));
    const progress: number[] = [];
    await applyRestore(db, records(40, 600), { onProgress: ({ done }) => progress.push(done) });
    await expectIndexRight(db, 640);
    // The 40 new highlights and nothing more: no index pass.
    expect(progress.at(-1)).toBe(40);
  });
});
