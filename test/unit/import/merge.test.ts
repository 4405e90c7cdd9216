/**
 * Imports merge, never downgrade: what is stored is only replaced by a
 * non-empty, newer value, listed field by field in the preview; the clipped
 * text and the user's corrections are kept; importing twice changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { applyRestore, previewRestore, restoreBackupText } from '@/lib/transfer/import';
import { recordsFromWebAnnotations } from '@/lib/transfer/import/web-annotation';
import type { ArticleRecord } from '@/lib/model/records';
import { annotationCollection, filledDatabase, foreignAnnotation, freshDatabase, snapshotOf } from './helpers';

const NOW = Date.UTC(2026, 11, 1, 9, 0);
const GUARDIAN = 'art-en-guardian';
const NEW_PASSAGE = 'Seven decades later, Parata, 75, has now overseen more than 500 strandings';

/** A backup of the fixtures with the Guardian article (and optionally its first highlight) changed. */
async function backupWith(article: Partial<ArticleRecord>, note?: string): Promise<string> {
  const source = await filledDatabase();
  await source.articles.update(GUARDIAN, { ...article, updatedAt: NOW });
  if (note !== undefined) await source.highlights.update('h-en-1', { note, updatedAt: NOW });
  return snapshotOf(source);
}

describe('a Web Annotation of an annotated page (the stub article)', () => {
  it('keeps the stored title, authors, date and text, and adds the new highlight', async () => {
    const db = await filledDatabase();
    const before = (await db.articles.get(GUARDIAN))!;
    const highlightsBefore = await db.highlights.count();
    // No `created`: the import used to date the stub now, and the stub replaced the article.
    const file = annotationCollection([foreignAnnotation(before.url, NEW_PASSAGE, 'Worth checking')]);
    const records = recordsFromWebAnnotations(file, NOW);
    const preview = await previewRestore(db, records);
    expect(preview.articles).toEqual({ added: 0, updated: 0, skipped: 1 });
    expect(preview.highlights).toEqual({ added: 1, updated: 0, skipped: 0 });
    expect(preview.changes).toEqual([]);
    await applyRestore(db, records);
    const after = (await db.articles.get(GUARDIAN))!;
    expect(after).toEqual(before);
    expect(after).toMatchObject({ title: before.title, authors: before.authors, publishedDate: before.publishedDate, text: before.text, siteName: 'the Guardian' });
    expect(await db.highlights.count()).toBe(highlightsBefore + 1);
    const added = (await db.highlights.where('articleId').equals(GUARDIAN).toArray()).find((h) => h.selectors.quote.exact === NEW_PASSAGE)!;
    expect(added).toMatchObject({ note: 'Worth checking', urlKey: before.urlKey });
    expect(await db.articles.count()).toBe(3);
  });

  it('is a no-op the second time, even without dates in the file', async () => {
    const db = freshDatabase();
    const file = annotationCollection([foreignAnnotation('https://www.example.com/news/story', 'the quote', 'a note')]);
    await applyRestore(db, recordsFromWebAnnotations(file, NOW));
    const once = await snapshotOf(db);
    const plan = await applyRestore(db, recordsFromWebAnnotations(file, NOW + 60_000));
    expect([plan.articles, plan.highlights].map((p) => p.add.length + p.update.length)).toEqual([0, 0]);
    expect(await snapshotOf(db)).toBe(once);
  });

  it('never recolours a stored highlight with the default colour of another tool', async () => {
    const db = await filledDatabase();
    const stored = (await db.highlights.get('h-en-2'))!;
    const article = (await db.articles.get(GUARDIAN))!;
    const annotation = foreignAnnotation(article.url, stored.selectors.quote.exact, 'a newer note', {
      id: 'urn:uuid:h-en-2', modified: new Date(NOW).toISOString(),
    });
    await applyRestore(db, recordsFromWebAnnotations(annotationCollection([annotation]), NOW));
    expect(await db.highlights.get('h-en-2')).toMatchObject({ note: 'a newer note', color: stored.color });
    expect(stored.color).not.toBe('yellow');
  });
});

describe('a backup over stored records', () => {
  it('never replaces stored values with empty ones', async () => {
    const db = await filledDatabase();
    const before = (await db.articles.get(GUARDIAN))!;
    const noteBefore = (await db.highlights.get('h-en-1'))!.note;
    expect(noteBefore).not.toBe('');
    const text = await backupWith({ authors: [], siteName: null, publishedDate: null, title: '', text: '' }, '');
    const preview = await previewRestore(db, JSON.parse(text));
    expect(preview.changes).toEqual([]);
    await restoreBackupText(db, text);
    expect(await db.articles.get(GUARDIAN)).toMatchObject({
      authors: before.authors, siteName: before.siteName, publishedDate: before.publishedDate, title: before.title, text: before.text,
    });
    expect((await db.highlights.get('h-en-1'))!.note).toBe(noteBefore);
  });

  it('lists each change field by field, then applies the newer non-empty values', async () => {
    const db = await filledDatabase();
    const before = (await db.articles.get(GUARDIAN))!;
    const note = (await db.highlights.get('h-en-1'))!;
    const text = await backupWith({ title: 'A corrected title', section: 'Environment' }, 'a newer note');
    const preview = await previewRestore(db, JSON.parse(text));
    expect(preview.changes).toEqual([
      { record: 'article', label: before.title, field: 'title', from: before.title, to: 'A corrected title' },
      { record: 'article', label: before.title, field: 'section', from: before.section ?? '', to: 'Environment' },
      { record: 'highlight', label: note.selectors.quote.exact, field: 'note', from: note.note, to: 'a newer note' },
    ]);
    expect(preview.moreChanges).toBe(0);
    await restoreBackupText(db, text);
    expect(await db.articles.get(GUARDIAN)).toMatchObject({ title: 'A corrected title', section: 'Environment', text: before.text });
    expect((await db.highlights.get('h-en-1'))!.note).toBe('a newer note');
  });

  it('bounds the listed changes and counts the rest', async () => {
    const db = await filledDatabase();
    const source = await filledDatabase();
    await source.highlights.toCollection().modify((h) => void Object.assign(h, { note: `${h.id} rewritten`, updatedAt: NOW }));
    const highlights = await source.highlights.toArray();
    const many = Array.from({ length: 60 }, (_, i) => ({ ...highlights[0]!, id: `extra-${i}` }));
    await db.highlights.bulkAdd(many.map((h) => ({ ...h, note: 'old', updatedAt: 0 })));
    await source.highlights.bulkAdd(many);
    const preview = await previewRestore(db, JSON.parse(await snapshotOf(source)));
    expect(preview.changes).toHaveLength(50);
    expect(preview.moreChanges).toBe(highlights.length + 60 - 50);
  });

  it('never replaces the clipped text with a different one', async () => {
    const db = await filledDatabase();
    const before = (await db.articles.get(GUARDIAN))!;
    await restoreBackupText(db, await backupWith({ text: 'A different page text.', title: 'Newer' }));
    expect(await db.articles.get(GUARDIAN)).toMatchObject({ text: before.text, title: 'Newer' });
  });

  it('never overwrites a field the user corrected', async () => {
    const db = await filledDatabase();
    await db.articles.update(GUARDIAN, { title: 'My own title', userEdited: ['title'] });
    await restoreBackupText(db, await backupWith({ title: 'Detected title', subtitle: 'Detected subtitle' }));
    expect(await db.articles.get(GUARDIAN)).toMatchObject({ title: 'My own title', subtitle: 'Detected subtitle', userEdited: ['title'] });
  });

  it('fills what a stub left unknown, even from an older backup', async () => {
    const full = await filledDatabase();
    const article = (await full.articles.get(GUARDIAN))!;
    const db = freshDatabase();
    await applyRestore(db, recordsFromWebAnnotations(annotationCollection([foreignAnnotation(article.url, NEW_PASSAGE, 'n')]), NOW));
    expect((await db.articles.toArray())[0]).toMatchObject({ title: article.url, authors: [], text: '' });
    await restoreBackupText(db, await snapshotOf(full));
    expect(await db.articles.count()).toBe(3);
    const filled = (await db.articles.where('urlKey').equals(article.urlKey).first())!;
    expect(filled).toMatchObject({ title: article.title, authors: article.authors, publishedDate: article.publishedDate, text: article.text });
    expect(await db.highlights.where('articleId').equals(filled.id).count()).toBe(4);
  });

  it('is a no-op the second time', async () => {
    const db = await filledDatabase();
    const text = await backupWith({ title: 'A corrected title' }, 'a newer note');
    await restoreBackupText(db, text);
    const once = await snapshotOf(db);
    const plan = await restoreBackupText(db, text);
    expect([plan.articles, plan.highlights, plan.tags].map((p) => p.add.length + p.update.length)).toEqual([0, 0, 0]);
    expect(await snapshotOf(db)).toBe(once);
  });
});
