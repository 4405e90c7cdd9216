import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import type { GlossDatabase } from '../../../lib/model/database';
import {
  annotationsForPage, correctArticle, createHighlight, deleteHighlight, restoreHighlight, storageStats, updateHighlight,
} from '../../../lib/background/repository';
import { articleInput, newHighlight, storedHighlight, uniqueDbName } from '../db/fixtures';

let db: GlossDatabase;
afterEach(async () => {
  await db?.delete();
});

describe('repository', () => {
  it('creates the article with the first highlight and reuses it after', async () => {
    db = openDatabase(uniqueDbName());
    const first = await createHighlight(db, articleInput(), newHighlight('屋场恳谈会'), 1000);
    const second = await createHighlight(db, articleInput(), newHighlight('基层治理'), 2000);
    expect(second.articleId).toBe(first.articleId);
    const page = await annotationsForPage(db, articleInput().urlKey);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({ title: '「小屋场」撬动基层治理「大能量」', createdAt: 1000, updatedAt: 2000 });
    expect(page.highlights.map((h) => h.selectors.quote.exact).sort()).toEqual(['基层治理', '屋场恳谈会'].sort());
    expect(first.status).toBe('anchored');
  });

  it('keeps the printed page detection found, and stores no page for an article without one', async () => {
    db = openDatabase(uniqueDbName());
    await createHighlight(db, articleInput({ page: '01' }), newHighlight('屋场恳谈会'), 1000);
    await createHighlight(db, articleInput({ storyKey: 'other' }), newHighlight('基层治理'), 1000);
    const articles = (await annotationsForPage(db, articleInput().urlKey)).articles;
    expect(articles.find((a) => a.storyKey !== 'other')!.page).toBe('01');
    const other = (await db.articles.toArray()).find((a) => a.storyKey === 'other')!;
    expect('page' in other).toBe(false);
  });

  it('stores a highlight sent twice with the same id once, and answers the second time with the stored record', async () => {
    db = openDatabase(uniqueDbName());
    const input = newHighlight('屋场恳谈会', { tags: ['China'] });
    const first = await createHighlight(db, articleInput(), input, 1000);
    // The retry after a lost answer: same id, a later clock, a re-detected article.
    const again = await createHighlight(db, articleInput({ title: 'Detected again' }), input, 5000);
    expect(again).toEqual(first);
    expect(first.id).toBe(input.id);
    expect(await db.highlights.count()).toBe(1);
    expect(await db.articles.count()).toBe(1);
    expect((await db.articles.toArray())[0]).toMatchObject({ title: articleInput().title, updatedAt: 1000 });
  });

  it('answers with what the database holds after the commit', async () => {
    db = openDatabase(uniqueDbName());
    const created = await createHighlight(db, articleInput(), newHighlight('屋场恳谈会', { tags: ['China'] }), 1000);
    expect(created).toEqual(await storedHighlight(db, created.id));
  });

  it('refuses an id already used by another passage or page, and changes nothing', async () => {
    db = openDatabase(uniqueDbName());
    const stored = await createHighlight(db, articleInput(), newHighlight('屋场恳谈会'), 1000);
    const otherQuote = newHighlight('基层治理', { id: stored.id });
    await expect(createHighlight(db, articleInput(), otherQuote, 2000)).rejects.toThrow(/already used by another passage/);
    const otherPage = newHighlight('屋场恳谈会', { id: stored.id });
    await expect(createHighlight(db, articleInput({ urlKey: 'attacker.example/x' }), otherPage, 2000)).rejects.toThrow(
      /already used by another passage/,
    );
    expect(await db.highlights.toArray()).toEqual([expect.objectContaining({ id: stored.id, createdAt: 1000 })]);
    expect(await db.articles.count()).toBe(1);
  });

  it('keeps stories of one page apart by story key', async () => {
    db = openDatabase(uniqueDbName());
    const a = await createHighlight(db, articleInput({ storyKey: 'lead' }), newHighlight());
    const b = await createHighlight(db, articleInput({ storyKey: 'second', title: '石鼓区' }), newHighlight());
    expect(a.articleId).not.toBe(b.articleId);
    expect((await annotationsForPage(db, articleInput().urlKey)).articles).toHaveLength(2);
  });

  it('never overwrites a field the user corrected, and keeps the first clipped text', async () => {
    db = openDatabase(uniqueDbName());
    const h = await createHighlight(db, articleInput(), newHighlight());
    await db.articles.update(h.articleId, { title: 'Corrected title', userEdited: ['title'] });
    await createHighlight(db, articleInput({ title: 'Detected again', section: '衡阳新闻', text: 'edited text' }), newHighlight());
    const article = await db.articles.get(h.articleId);
    expect(article).toMatchObject({ title: 'Corrected title', section: '衡阳新闻' });
    expect(article?.text).toBe(articleInput().text);
  });

  it('updates and deletes highlights, returning the deleted record for undo', async () => {
    db = openDatabase(uniqueDbName());
    const h = await createHighlight(db, articleInput(), newHighlight(), 1000);
    const updated = await updateHighlight(db, h.id, { note: 'a note', tags: ['基层治理'] }, 5000);
    expect(updated).toMatchObject({ note: 'a note', tags: ['基层治理'], updatedAt: 5000, createdAt: 1000 });
    const [tag] = await db.tags.toArray();
    expect(tag!.name).toBe('基层治理');
    expect((await db.highlights.get(h.id))!.tagIds).toEqual([tag!.id]);
    const deleted = await deleteHighlight(db, h.id);
    expect(deleted?.note).toBe('a note');
    expect(await deleteHighlight(db, h.id)).toBeNull();
    await expect(updateHighlight(db, h.id, { note: 'x' })).rejects.toThrow(/No highlight/);
    expect(await storageStats(db)).toEqual({ articles: 1, highlights: 0, tags: 1 });
  });

  it('creates tag records for new tags and gives a name that folds to an existing tag that tag’s id', async () => {
    db = openDatabase(uniqueDbName());
    const h = await createHighlight(db, articleInput(), newHighlight('x', { tags: ['China', '基层治理'] }));
    expect(h.tags).toEqual(['China', '基层治理']);
    const china = (await db.tags.where('nameKey').equals('china').first())!;
    const updated = await updateHighlight(db, h.id, { tags: ['ｃｈｉｎａ', 'politics/local'] });
    expect(updated.tags).toEqual(['China', 'politics/local']);
    expect((await db.tags.toArray()).map((t) => t.name).sort()).toEqual(['China', 'politics/local', '基层治理'].sort());
    const row = (await db.highlights.get(h.id))!;
    expect(row.tagIds[0]).toBe(china.id);
    expect(row).not.toHaveProperty('tags');
    const other = await createHighlight(db, articleInput(), newHighlight('y', { tags: ['CHINA'] }));
    expect(other.tags).toEqual(['China']);
    expect((await db.highlights.get(other.id))!.tagIds).toEqual([china.id]);
  });

  it('puts a highlight back with its tags even when one was deleted meanwhile', async () => {
    db = openDatabase(uniqueDbName());
    const h = await createHighlight(db, articleInput(), newHighlight('x', { tags: ['China'] }));
    await deleteHighlight(db, h.id);
    await db.tags.clear();
    await restoreHighlight(db, h);
    expect(await storedHighlight(db, h.id)).toEqual(h);
    expect(await db.tags.count()).toBe(1);
  });

  it('restores a deleted highlight exactly (undo)', async () => {
    db = openDatabase(uniqueDbName());
    const h = await createHighlight(db, articleInput(), newHighlight('基层治理', { note: '笔记', tags: ['a'] }));
    const deleted = (await deleteHighlight(db, h.id))!;
    await restoreHighlight(db, deleted);
    expect(await storedHighlight(db, h.id)).toEqual(h);
  });

  it('keeps a user correction through later detection', async () => {
    db = openDatabase(uniqueDbName());
    const h = await createHighlight(db, articleInput(), newHighlight(), 1000);
    const corrected = await correctArticle(db, h.articleId, { authors: [{ name: '周瑞华', role: '记者' }] }, 2000);
    expect(corrected.userEdited).toEqual(['authors']);
    await createHighlight(db, articleInput({ authors: [] }), newHighlight(), 3000);
    expect((await db.articles.get(h.articleId))?.authors).toEqual([{ name: '周瑞华', role: '记者' }]);
    await expect(correctArticle(db, 'missing', { title: 'x' })).rejects.toThrow(/No article/);
  });

  it('rolls back the article when the highlight cannot be written', async () => {
    db = openDatabase(uniqueDbName());
    const broken = newHighlight();
    // A function cannot be cloned into IndexedDB: the add fails inside the transaction.
    (broken as unknown as { note: unknown }).note = () => 1;
    await expect(createHighlight(db, articleInput(), broken)).rejects.toThrow();
    expect(await storageStats(db)).toEqual({ articles: 0, highlights: 0, tags: 0 });
  });
});
