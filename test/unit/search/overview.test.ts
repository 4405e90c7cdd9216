import { describe, expect, it } from 'vitest';
import { activityByPeriod, periodStart, recentArticles, topTags } from '../../../lib/search';
import { freshDb, highlight, plain } from './helpers';

const at = (iso: string) => Date.parse(iso);

describe('recent articles', () => {
  it('lists articles by last annotation with their highlight counts, paged', async () => {
    const db = freshDb();
    const a = plain('a', { title: 'A' });
    const b = plain('b', { title: 'B' });
    const c = plain('c', { title: 'C' });
    await highlight(db, a, { exact: 'one', at: 1 });
    await highlight(db, b, { exact: 'two', at: 2 });
    await highlight(db, c, { exact: 'three', at: 3 });
    await highlight(db, a, { exact: 'four', at: 4 });
    await highlight(db, a, { exact: 'five', at: 5 });
    const first = await recentArticles(db, { limit: 2 });
    expect(first.items.map((i) => [i.article.title, i.highlightCount, i.lastAnnotatedAt])).toEqual([
      ['A', 3, 5],
      ['C', 1, 3],
    ]);
    expect(first.nextOffset).toBe(2);
    const second = await recentArticles(db, { offset: 2, limit: 2 });
    expect(second.items.map((i) => i.article.title)).toEqual(['B']);
    expect(second.nextOffset).toBeNull();
    expect(second.items[0]).not.toHaveProperty('article.text');
  });
});

describe('overview', () => {
  it('starts weeks on Monday (UTC) and months on the 1st', () => {
    expect(new Date(periodStart(at('2026-11-29T23:00:00Z'), 'week')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(new Date(periodStart(at('2026-11-23T00:00:00Z'), 'week')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(new Date(periodStart(at('2026-11-29T23:00:00Z'), 'month')).toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });

  it('counts highlights per week and month, with empty periods in between', async () => {
    const db = freshDb();
    for (const iso of ['2026-10-05T10:00:00Z', '2026-10-06T10:00:00Z', '2026-10-20T10:00:00Z', '2026-12-01T10:00:00Z']) {
      await highlight(db, plain(iso), { exact: 'x', at: at(iso) });
    }
    const weeks = await activityByPeriod(db, 'week');
    expect(weeks[0]).toEqual({ period: '2026-10-05', count: 2 });
    expect(weeks.find((w) => w.period === '2026-10-12')).toEqual({ period: '2026-10-12', count: 0 });
    expect(weeks.at(-1)).toEqual({ period: '2026-11-30', count: 1 });
    expect(weeks.reduce((sum, w) => sum + w.count, 0)).toBe(4);
    expect(await activityByPeriod(db, 'month')).toEqual([
      { period: '2026-10', count: 3 },
      { period: '2026-11', count: 0 },
      { period: '2026-12', count: 1 },
    ]);
    expect(await activityByPeriod(db, 'month', { from: at('2026-10-10T00:00:00Z') })).toEqual([
      { period: '2026-10', count: 1 },
      { period: '2026-11', count: 0 },
      { period: '2026-12', count: 1 },
    ]);
  });

  it('ranks tags by use', async () => {
    const db = freshDb();
    await highlight(db, plain('a'), { exact: 'x', tags: ['economy', '治理'] });
    await highlight(db, plain('b'), { exact: 'y', tags: ['治理'] });
    await highlight(db, plain('c'), { exact: 'z', tags: ['治理', 'sport'] });
    expect(await topTags(db, 2)).toEqual([{ value: '治理', count: 3 }, { value: 'economy', count: 1 }]);
  });
});
