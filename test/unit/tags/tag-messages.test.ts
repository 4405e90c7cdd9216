import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import { ensureTags } from '../../../lib/db/tags';
import { tagHandlers } from '../../../lib/background/tag-handlers';
import { addRecords, article, highlight, uniqueName } from './helpers';
import { throughRouter } from '../background/through-router';

const sender = {} as never;

describe('tagHandlers', () => {
  it('validates requests, rewrites tags and names the pages to repaint', async () => {
    const name = uniqueName('messages');
    const db = openDatabase(name);
    await ensureTags(db, ['China', 'PRC']);
    await addRecords(db, {
      articles: [{ ...article('a1', ['China']), title: 'Trade war with China', text: 'China and the United States. China tariffs. Tariffs on China.' }],
      highlights: [highlight('h1', 'a1', ['China']), highlight('h2', 'a1', ['PRC'])],
    });
    const repainted: (string | null)[] = [];
    const handlers = tagHandlers(db, { highlightsChanged: (urlKey) => repainted.push(urlKey) });
    const ask = throughRouter(handlers);

    await expect(ask('tags.rename', { name: 'China', newName: '' }, sender)).rejects.toThrow(/Invalid new tag name/);
    await expect(ask('tags.recolour', { name: 'China', color: 'red' }, sender)).rejects.toThrow(/Invalid colour/);
    await expect(ask('tags.rename', { name: 'China', newName: 'x'.repeat(201) }, sender)).rejects.toThrow(/Invalid/);

    const renamed = await handlers['tags.rename']({ name: 'china', newName: 'PRC' }, sender);
    expect(renamed).toMatchObject({ outcome: 'merged', highlights: 2, articles: 1 });
    // A rename or merge writes no highlight: every tab repaints (null), no carrier is read for its page.
    expect(repainted).toEqual([null]);
    expect((await handlers['tags.list'](null, sender)).map((u) => [u.name, u.highlights, u.articles])).toEqual([['PRC', 2, 1]]);
    expect(await handlers['tags.carriers']({ name: 'prc' }, sender)).toEqual({ highlights: 2, articles: 1 });
    expect((await handlers['tags.recolour']({ name: 'PRC', color: '#3b73c4' }, sender)).color).toBe('#3b73c4');

    const suggestions = await handlers['topics.forArticle']({ articleId: 'a1', limit: 5 }, sender);
    expect(suggestions.map((s) => s.name)).toContain('tariffs');
    expect(suggestions.length).toBeLessThanOrEqual(5);
    await expect(ask('topics.forArticle', { articleId: 'a1', limit: 1000 }, sender)).rejects.toThrow(/Invalid limit/);

    expect(await handlers['tags.delete']({ name: 'PRC' }, sender)).toMatchObject({ highlights: 2, articles: 1 });
    expect(repainted).toEqual([null, 'news.example/a1']);
    expect((await db.highlights.toArray()).map((h) => h.tagIds)).toEqual([[], []]);
    db.close();
    await Dexie.delete(name);
  });
});
