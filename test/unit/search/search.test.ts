import { describe, expect, it } from 'vitest';
import { deleteHighlight, updateHighlight } from '../../../lib/background/repository';
import { renameTag } from '../../../lib/db/tags';
import { countMatches, searchHighlights } from '../../../lib/search';
import type { GlossDatabase } from '../../../lib/model/database';
import { freshDb, highlight, plain } from './helpers';

async function ids(db: GlossDatabase, query: string): Promise<string[]> {
  const page = await searchHighlights(db, { query, limit: 500 });
  return page.items.map((item) => item.highlight.id).sort();
}

describe('Chinese and Japanese search', () => {
  it('finds a four-character phrase only where it appears whole', async () => {
    const db = freshDb();
    const whole = await highlight(db, plain('a'), { exact: '衡南县把屋场恳谈会作为基层治理的重要抓手' });
    await highlight(db, plain('b'), { exact: '基层干部走访群众，治理环境' });
    await highlight(db, plain('c'), { exact: '推进基层建设' });
    expect(await ids(db, '基层治理')).toEqual([whole.id]);
    expect((await ids(db, '基层')).length).toBe(3);
  });

  it('does not match bigrams that are all present but not adjacent', async () => {
    const db = freshDb();
    // 基层, 层治 and 治理 all occur, 基层治理 does not.
    await highlight(db, plain('a'), { exact: '基层。层治。治理' });
    expect(await ids(db, '基层治理')).toEqual([]);
  });

  it('answers one-character queries, including a run’s last character', async () => {
    const db = freshDb();
    const end = await highlight(db, plain('a'), { exact: '推进治理' });
    const middle = await highlight(db, plain('b'), { exact: '理想与现实' });
    await highlight(db, plain('c'), { exact: '经济发展' });
    expect(await ids(db, '理')).toEqual([end.id, middle.id].sort());
  });

  it('finds a phrase in the article title, verified as a whole there too', async () => {
    const db = freshDb();
    const titled = await highlight(db, plain('t1', { title: '「小屋场」撬动基层治理「大能量」' }), { exact: '屋场恳谈会' });
    await highlight(db, plain('t2', { title: '基层干部，层治不明，治理难' }), { exact: '别的内容' });
    expect(await ids(db, '基层治理')).toEqual([titled.id]);
  });

  it('finds Japanese katakana with kanji, and half-width katakana', async () => {
    const db = freshDb();
    const tower = await highlight(db, plain('a'), { exact: '週末に東京タワーへ行きました' });
    await highlight(db, plain('b'), { exact: '京都の寺とタワーマンション' });
    expect(await ids(db, '東京タワー')).toEqual([tower.id]);
    expect(await ids(db, 'ﾀﾜｰ')).toHaveLength(2);
  });
});

describe('English search', () => {
  it('matches inflections, ignores case and accents, and takes the last word as a prefix', async () => {
    const db = freshDb();
    const policies = await highlight(db, plain('a'), { exact: 'New climate Policies were announced at the café.' });
    const policeman = await highlight(db, plain('b'), { exact: 'A policeman stood outside.' });
    await highlight(db, plain('c'), { exact: 'Nothing relevant here.' });
    expect(await ids(db, 'policy')).toEqual([policies.id]);
    expect(await ids(db, 'CAFE')).toEqual([policies.id]);
    expect(await ids(db, 'polic')).toEqual([policies.id, policeman.id].sort());
    expect(await ids(db, 'polic ')).toEqual([]);
    expect(await ids(db, 'climate announce')).toEqual([policies.id]);
    expect(await ids(db, 'climate policeman')).toEqual([]);
  });

  it('searches notes and tags', async () => {
    const db = freshDb();
    const noted = await highlight(db, plain('a'), { exact: 'Quote one', note: 'Remember the fiscal angle' });
    const tagged = await highlight(db, plain('b'), { exact: 'Quote two', tags: ['economy/fiscal'] });
    await highlight(db, plain('c'), { exact: 'Quote three' });
    expect(await ids(db, 'fiscal')).toEqual([noted.id, tagged.id].sort());
    expect(await ids(db, 'economy')).toEqual([tagged.id]);
  });

  it("brings in an article's highlights when its title, author or site matches", async () => {
    const db = freshDb();
    const onArticle = await highlight(db, plain('a', { title: 'Drought grips the plains', authors: [{ name: 'Jane Roe', role: null }] }), {
      exact: 'Farmers waited.',
    });
    await highlight(db, plain('b'), { exact: 'Other text' });
    expect(await ids(db, 'drought')).toEqual([onArticle.id]);
    expect(await ids(db, 'roe farmers')).toEqual([onArticle.id]);
    expect(await ids(db, 'roe other')).toEqual([]);
  });
});

describe('keeping the index right', () => {
  it('follows note edits, deletions and tag renames', async () => {
    const db = freshDb();
    const h = await highlight(db, plain('a'), { exact: '屋场恳谈会', tags: ['治理'] });
    expect(await ids(db, 'follow')).toEqual([]);
    await updateHighlight(db, h.id, { note: 'Follow up with the county' });
    expect(await ids(db, 'follow')).toEqual([h.id]);
    await updateHighlight(db, h.id, { note: '' });
    expect(await ids(db, 'follow')).toEqual([]);

    await renameTag(db, '治理', 'governance');
    expect(await ids(db, 'governance')).toEqual([h.id]);
    expect(await ids(db, '治理')).toEqual([]);

    await deleteHighlight(db, h.id);
    expect(await ids(db, '恳谈')).toEqual([]);
  });

  it('recomputes terms when a writer puts a whole row without them', async () => {
    const db = freshDb();
    const h = (await db.highlights.get((await highlight(db, plain('a'), { exact: 'before' })).id))!;
    const { seq: _seq, ...withoutSeq } = h;
    await db.highlights.put({ ...withoutSeq, selectors: { ...h.selectors, quote: { ...h.selectors.quote, exact: 'after' } } });
    expect(await ids(db, 'after')).toEqual([h.id]);
    expect(await ids(db, 'before')).toEqual([]);
  });
});

describe('paging and totals', () => {
  it('pages in date order with exact totals, on both plans', async () => {
    const db = freshDb();
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await highlight(db, plain(`p${i}`), { exact: `paging sample ${i}`, at: 1000 + i }));
    const newestFirst = made.map((h) => h.id).reverse();
    const first = await searchHighlights(db, { query: 'sample', limit: 3 });
    expect(first.items.map((i) => i.highlight.id)).toEqual(newestFirst.slice(0, 3));
    expect(first.total).toBe(7);
    expect(first.nextOffset).toBe(3);
    const last = await searchHighlights(db, { query: 'sample', offset: 6, limit: 3 });
    expect(last.items.map((i) => i.highlight.id)).toEqual(newestFirst.slice(6));
    expect(last.nextOffset).toBeNull();
    expect(await countMatches(db, { query: 'sample' })).toBe(7);
    // Results never carry the derived fields, and come with their article.
    expect(first.items[0]!.highlight).not.toHaveProperty('searchTerms');
    expect(first.items[0]!.highlight).not.toHaveProperty('seq');
    expect(first.items[0]!.article?.title).toBe('Untitled');
    expect(first.plan).toBe('keys');

    // No condition at all: the every-highlight postings, exact too.
    const walked = await searchHighlights(db, { offset: 2, limit: 3 });
    expect(walked.plan).toBe('keys');
    expect(walked.items.map((i) => i.highlight.id)).toEqual(newestFirst.slice(2, 5));
    expect(walked.total).toBe(7);
    expect(walked.nextOffset).toBe(5);
    const oldest = await searchHighlights(db, { direction: 'asc', limit: 10 });
    expect(oldest.items.map((i) => i.highlight.id)).toEqual([...newestFirst].reverse());
    expect(oldest.total).toBe(7);
  });
});

describe('larger candidate sets', () => {
  it('pages hundreds of matches in order from a term’s time-ordered entries, verifying rows', async () => {
    const db = freshDb();
    const source = (await db.highlights.get((await highlight(db, plain('big'), { exact: 'seed', at: 0 })).id))!;
    // Every row holds the bigrams 基层 层治 治理; only every third holds 基层治理 whole.
    const rows = Array.from({ length: 900 }, (_, i) => ({
      ...source,
      id: `big-${String(i).padStart(4, '0')}`,
      selectors: { ...source.selectors, quote: { ...source.selectors.quote, exact: i % 3 === 0 ? `第${i}条：基层治理` : `第${i}条：基层治，层治理` } },
      createdAt: 10_000 + i,
    }));
    await db.highlights.bulkAdd(rows);
    const newestFirst = rows.map((r) => r.id).reverse();
    const wholeNewestFirst = rows.filter((_, i) => i % 3 === 0).map((r) => r.id).reverse();

    // Two characters are one bigram: the postings answer exactly; longer phrases are checked on the rows.
    const broad = await searchHighlights(db, { query: '基层', offset: 20, limit: 10 });
    expect(broad.items.map((i) => i.highlight.id)).toEqual(newestFirst.slice(20, 30));
    expect(broad.plan).toBe('keys');
    expect(broad.total).toBe(900);
    expect(await countMatches(db, { query: '基层' })).toBe(900);

    const verified = await searchHighlights(db, { query: '基层治理', offset: 5, limit: 10 });
    expect(verified.items.map((i) => i.highlight.id)).toEqual(wholeNewestFirst.slice(5, 15));
    expect(verified.nextOffset).toBe(15);
    expect(verified.plan).toBe('walk');
    expect(verified.total).toBeNull();
    const lastPage = await searchHighlights(db, { query: '基层治理', offset: 290, limit: 50 });
    expect(lastPage.items.map((i) => i.highlight.id)).toEqual(wholeNewestFirst.slice(290));
    expect(lastPage.total).toBe(300);
    expect(await countMatches(db, { query: '基层治理' })).toBe(300);

    const byPublished = await searchHighlights(db, { query: '基层治理', sort: 'published', limit: 500 });
    expect(byPublished.items.map((i) => i.highlight.id)).toEqual(wholeNewestFirst);
  });

  it('merges a broad term’s own matches with the highlights of articles whose title matches', async () => {
    const db = freshDb();
    // Hours apart, so reads span many time windows.
    const HOUR = 3_600_000;
    const own = (await db.highlights.get((await highlight(db, plain('own'), { exact: 'drought again', at: 0 })).id))!;
    await db.highlights.bulkAdd(
      Array.from({ length: 449 }, (_, i) => ({ ...own, id: `own-${i + 1}`, createdAt: 10 * (i + 1) * HOUR })),
    );
    const titled = plain('titled', { title: 'Drought grips the plains' });
    const fromTitle = [];
    for (const at of [4495, 4485, 4475, 5]) fromTitle.push((await highlight(db, titled, { exact: 'Farmers waited.', at: at * HOUR })).id);
    const page = await searchHighlights(db, { query: 'drought', limit: 6 });
    expect(page.plan).toBe('keys');
    expect(page.total).toBe(454);
    expect(page.items.map((i) => i.highlight.createdAt / HOUR)).toEqual([4495, 4490, 4485, 4480, 4475, 4470]);
    expect(page.items[0]!.highlight.id).toBe(fromTitle[0]);
    const oldest = await searchHighlights(db, { query: 'drought', direction: 'asc', limit: 3 });
    expect(oldest.items.map((i) => i.highlight.createdAt / HOUR)).toEqual([0, 5, 10]);
    expect(await countMatches(db, { query: 'drought' })).toBe(454);
    // A broad filter with no query: the colour's postings.
    const yellow = await searchHighlights(db, { filters: { colors: ['yellow'] }, offset: 1, limit: 2 });
    expect(yellow.items.map((i) => i.highlight.createdAt / HOUR)).toEqual([4490, 4485]);
    const lastYellow = await searchHighlights(db, { filters: { colors: ['yellow'] }, offset: 450, limit: 10 });
    expect(lastYellow.items.map((i) => i.highlight.createdAt / HOUR)).toEqual([20, 10, 5, 0]);
    expect(lastYellow.total).toBe(454);
    expect(lastYellow.nextOffset).toBeNull();
  });

  it('falls back to walking by date when a half-typed word has too many completions', async () => {
    const db = freshDb();
    const base = (await db.highlights.get((await highlight(db, plain('many'), { exact: 'start', at: 0 })).id))!;
    const DAY = 86_400_000;
    // 450 rows over 30 distinct words starting with "ab"; every fifth row has none.
    const rows = Array.from({ length: 450 }, (_, i) => ({
      ...base,
      id: `ab-${String(i).padStart(3, '0')}`,
      selectors: { ...base.selectors, quote: { ...base.selectors.quote, exact: i % 5 === 0 ? 'nothing here' : `ab${'cdefghijklmnopqrstuvwxyzabcdef'[i % 30]}word${i % 30}` } },
      createdAt: (i + 1) * DAY,
    }));
    await db.highlights.bulkAdd(rows);
    const matching = rows.filter((_, i) => i % 5 !== 0).reverse();
    const page = await searchHighlights(db, { query: 'ab', offset: 3, limit: 4 });
    expect(page.items.map((i) => i.highlight.id)).toEqual(matching.slice(3, 7).map((r) => r.id));
    expect(await countMatches(db, { query: 'ab' })).toBe(360);
    // A completed word (trailing space) is matched exactly.
    const exact = await searchHighlights(db, { query: 'abdword1 ', limit: 100 });
    expect(exact.items.map((i) => i.highlight.id)).toEqual(rows.filter((_, i) => i % 30 === 1).map((r) => r.id).reverse());
    expect(exact.items).toHaveLength(15);
  });
});

