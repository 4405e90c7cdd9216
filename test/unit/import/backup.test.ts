import { describe, expect, it, vi } from 'vitest';
import { backupParts, backupToBlob, backupToString } from '@/lib/transfer/backup';
import type { HighlightRecord, HighlightRow } from '@/lib/model/records';
import { CURRENT_VERSION } from '@/lib/db/schema';
import { highlightSchema } from '@/lib/transfer/import/backup-schema';
import { BackupError, MAX_BACKUP_BYTES, parseBackupFile } from '@/lib/transfer/import/backup-parse';
import { previewRestore, RestoreAbortedError, restoreBackupText } from '@/lib/transfer/import';
import { expectGolden } from '../export/golden';
import { continuedStory } from '../export/fixtures';
import { rowsFor } from '@/lib/db/tag-maps';
import { filledDatabase, freshDatabase } from './helpers';

const NOW = Date.UTC(2026, 10, 29, 12, 0);

async function snapshot(db: Awaited<ReturnType<typeof filledDatabase>>) {
  return backupToString(db, { now: NOW });
}

describe('backup', () => {
  it('matches the golden file', async () => {
    // The schema version moves with lib/db/schema.ts; the golden file pins everything else.
    const text = await snapshot(await filledDatabase());
    expect(text).toContain(`"schemaVersion":${CURRENT_VERSION},`);
    expectGolden('backup/fixtures.gloss-backup.json', text.replace(/"schemaVersion":\d+,/, '"schemaVersion":"CURRENT",'));
  });

  it('streams one record per part-line and reports progress', async () => {
    const db = await filledDatabase();
    const progress: number[] = [];
    const parts: string[] = [];
    for await (const part of backupParts(db, { now: NOW, onProgress: (p) => progress.push(p.done) })) parts.push(part);
    const data = JSON.parse(parts.join(''));
    expect(data).toMatchObject({ format: 'gloss-backup', version: 1, schemaVersion: CURRENT_VERSION, exportedAt: new Date(NOW).toISOString() });
    expect(Object.keys(data.highlights[0]).sort()).toEqual(Object.keys(highlightSchema.entries).sort());
    const tags = await db.tags.count();
    expect([data.articles.length, data.highlights.length, data.tags.length, data.versions.length, data.snapshots.length]).toEqual([3, 8, tags, 2, 1]);
    expect(progress.at(-1)).toBe(3 + 8 + tags + 2 + 1);
  });

  it('builds the same text as a Blob made of slices', async () => {
    const db = await filledDatabase();
    const blob = await backupToBlob(db, { now: NOW });
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe(await backupToString(db, { now: NOW }));
  });

  it('pages through large tables without losing or repeating a row', async () => {
    const db = freshDatabase();
    const source = await filledDatabase();
    const template = (await source.highlights.toArray())[0]!;
    const rows: HighlightRow[] = Array.from({ length: 4_500 }, (_, i) => ({ ...template, id: `h-${String(i).padStart(5, '0')}` }));
    await db.highlights.bulkAdd(rows);
    const data = JSON.parse(await backupToString(db, { now: NOW }));
    expect(data.highlights.map((h: HighlightRecord) => h.id)).toEqual(rows.map((h) => h.id));
  }, 30_000);
});

describe('restore', () => {
  it('round-trips: export, import into an empty database, export again, identical', async () => {
    const first = await snapshot(await filledDatabase());
    const target = freshDatabase();
    const plan = await restoreBackupText(target, first);
    expect(plan.highlights.add).toHaveLength(8);
    expect(await snapshot(target)).toBe(first);
  });

  it('keeps the parts of a continued story (page and jump lines) through backup and restore', async () => {
    const { front, inside } = continuedStory();
    const db = freshDatabase();
    const rows = await rowsFor(db, { articles: [front.article, inside.article], highlights: [] });
    await db.articles.bulkAdd(rows.articles);
    const first = await snapshot(db);
    const articles = JSON.parse(first).articles as Record<string, unknown>[];
    expect(articles.map(({ page, continuedFrom, continuedTo }) => [page, continuedFrom ?? null, continuedTo ?? null]).sort()).toEqual([['01', null, '2'], ['02', '1', null]]);
    const target = freshDatabase();
    await restoreBackupText(target, first);
    expect(await snapshot(target)).toBe(first);
    // A newer backup written before continued stories (no such fields) leaves them as they are.
    const older = JSON.parse(first);
    for (const article of older.articles) {
      delete article.page;
      delete article.continuedFrom;
      delete article.continuedTo;
      article.updatedAt += 1000;
      article.title = `${article.title}（修订）`;
    }
    await restoreBackupText(target, JSON.stringify(older));
    const kept = (await target.articles.toArray()).map((a) => [a.title.endsWith('（修订）'), a.page]).sort();
    expect(kept).toEqual([[true, '01'], [true, '02']]);
  });

  it('round-trips a backup from before articles kept their page: no page comes back, byte for byte', async () => {
    const withPage = await snapshot(await filledDatabase());
    const old = withPage.replace('"page":"01",', '');
    expect(old).not.toBe(withPage);
    const target = freshDatabase();
    await restoreBackupText(target, old);
    expect(await snapshot(target)).toBe(old);
    expect((await target.articles.toArray()).some((a) => 'page' in a)).toBe(false);
  });

  it('merges without duplicates: newer updatedAt wins, older and equal are skipped', async () => {
    const source = await filledDatabase();
    const target = await filledDatabase();
    await source.highlights.update('h-en-1', { note: 'newer note', updatedAt: NOW });
    await target.highlights.update('h-en-2', { note: 'newer in target', updatedAt: NOW });
    await source.highlights.delete('h-zh-5');
    await target.highlights.delete('h-zh-5');
    await source.highlights.add({ ...(await target.highlights.get('h-zh-1'))!, id: 'h-new' });
    const text = await snapshot(source);
    expect(await previewRestore(target, JSON.parse(text))).toMatchObject({
      highlights: { added: 1, updated: 1, skipped: 6 },
      articles: { added: 0, updated: 0, skipped: 3 },
      tags: { added: 0, updated: 0, skipped: 8 },
    });
    await restoreBackupText(target, text);
    expect(await target.highlights.count()).toBe(8);
    expect((await target.highlights.get('h-en-1'))!.note).toBe('newer note');
    expect((await target.highlights.get('h-en-2'))!.note).toBe('newer in target');
  });

  it('treats an article of the same page and story under another id as the same article', async () => {
    const source = await filledDatabase();
    const target = await filledDatabase();
    const article = (await source.articles.get('art-en-guardian'))!;
    await source.articles.delete(article.id);
    await source.articles.add({ ...article, id: 'other-id', title: 'A newer title', updatedAt: NOW });
    await source.highlights.where('articleId').equals(article.id).modify({ articleId: 'other-id', updatedAt: NOW });
    await restoreBackupText(target, await snapshot(source));
    expect(await target.articles.count()).toBe(3);
    expect(await target.articles.get('art-en-guardian')).toMatchObject({ title: 'A newer title', updatedAt: NOW });
    expect(await target.highlights.where('articleId').equals('art-en-guardian').count()).toBe(3);
  });

  it('rolls back everything when cancelled halfway', async () => {
    const source = freshDatabase();
    const seed = await filledDatabase();
    const template = (await seed.highlights.toArray())[0]!;
    await source.articles.bulkAdd(await seed.articles.toArray());
    await source.highlights.bulkAdd(Array.from({ length: 3_000 }, (_, i) => ({ ...template, id: `bulk-${i}` })));
    const target = await filledDatabase();
    const before = await snapshot(target);
    const controller = new AbortController();
    const seen: number[] = [];
    const restoring = restoreBackupText(target, await snapshot(source), {
      signal: controller.signal,
      onProgress: ({ done }) => {
        seen.push(done);
        if (done >= 1_000) controller.abort();
      },
    });
    await expect(restoring).rejects.toBeInstanceOf(RestoreAbortedError);
    expect(seen.some((n) => n >= 1_000)).toBe(true);
    expect(await snapshot(target)).toBe(before);
    // 3,000 rows in fake-indexeddb: seconds on a busy 2-core machine.
  }, 30_000);

  it('rolls back everything when a write fails halfway', async () => {
    const source = await filledDatabase();
    const target = await filledDatabase();
    const portal = (await source.articles.get('art-zh-portal'))!;
    await source.articles.add({ ...portal, id: 'brand-new', url: 'https://new.example/a', urlKey: 'new.example/a' });
    await source.highlights.add({ ...(await source.highlights.get('h-zh-5'))!, id: 'h-brand-new', articleId: 'brand-new' });
    const before = await snapshot(target);
    // The articles are written first; the highlights' write then fails inside the same transaction.
    vi.spyOn(target.highlights, 'bulkAdd').mockRejectedValue(new Error('disk full'));
    await expect(restoreBackupText(target, await snapshot(source))).rejects.toThrow(/disk full/);
    vi.restoreAllMocks();
    expect(await snapshot(target)).toBe(before);
    expect(await target.articles.get('brand-new')).toBeUndefined();
  });
});

describe('hostile and broken files', () => {
  async function rejects(text: string, problem: BackupError['problem'], words: RegExp) {
    const db = await filledDatabase();
    const before = await snapshot(db);
    const error = await restoreBackupText(db, text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).problem).toBe(problem);
    expect((error as Error).message).toMatch(words);
    expect(await snapshot(db)).toBe(before);
  }

  async function valid(): Promise<Record<string, unknown> & { highlights: Record<string, unknown>[]; articles: Record<string, unknown>[] }> {
    return JSON.parse(await snapshot(await filledDatabase()));
  }

  it('rejects a truncated file', async () => {
    const text = await snapshot(await filledDatabase());
    await rejects(text.slice(0, Math.floor(text.length / 2)), 'not-json', /incomplete|truncated/);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects the prototype key %s anywhere', async (key) => {
    const text = (await snapshot(await filledDatabase())).replace('"note":', `"${key}": {"polluted": true}, "note":`);
    await rejects(text, 'hostile', new RegExp(key));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a prototype key spelled with \\u escapes', async () => {
    const text = (await snapshot(await filledDatabase())).replace('"note":', '"\\u005f_proto__": {"polluted": true}, "note":');
    expect(text).toContain('"\\u005f_proto__"');
    await rejects(text, 'hostile', /__proto__/);
  });

  it('accepts notes that mention the forbidden words as text', async () => {
    const db = await filledDatabase();
    await db.highlights.update('h-en-1', { note: 'the "constructor": and "__proto__": words', updatedAt: NOW });
    const target = freshDatabase();
    await restoreBackupText(target, await snapshot(db));
    expect((await target.highlights.get('h-en-1'))!.note).toBe('the "constructor": and "__proto__": words');
  });

  it('rejects a 100 MB string without storing it', async () => {
    const text = await snapshot(await filledDatabase());
    const hostile = text.replace('"note":""', `"note":"${'x'.repeat(100 * 1024 * 1024)}"`);
    await rejects(hostile, 'invalid', /highlights\.\d+\.note: longer than 100000 characters/);
  }, 60_000);

  it.each([
    ['a string time', (d: Awaited<ReturnType<typeof valid>>) => (d.highlights[1]!.createdAt = 'yesterday'), /highlights\.1\.createdAt/],
    ['a negative offset', (d: Awaited<ReturnType<typeof valid>>) => ((d.highlights[0]!.selectors as { position: { start: number } }).position.start = -5), /position\.start/],
    ['an unknown status', (d: Awaited<ReturnType<typeof valid>>) => (d.highlights[0]!.status = 'lost'), /status/],
    ['an unknown field', (d: Awaited<ReturnType<typeof valid>>) => (d.articles[0]!.script = 'x'), /articles\.0\.script/],
    ['a missing list', (d: Awaited<ReturnType<typeof valid>>) => delete d.tags, /tags/],
    ['tags as a string', (d: Awaited<ReturnType<typeof valid>>) => (d.articles[0]!.tags = 'a,b'), /articles\.0\.tags/],
  ])('rejects %s', async (_, damage, words) => {
    const data = await valid();
    damage(data);
    await rejects(JSON.stringify(data), 'invalid', words);
  });

  it('rejects a backup from a newer Gloss', async () => {
    const data = await valid();
    await rejects(JSON.stringify({ ...data, version: 2 }), 'newer-version', /newer version of Gloss/);
    await rejects(JSON.stringify({ ...data, schemaVersion: 99 }), 'newer-version', /database version 99/);
  });

  it('rejects JSON that is not a Gloss backup', async () => {
    await rejects('{"hello": "world"}', 'not-a-backup', /not a Gloss backup/);
    await rejects('[1, 2, 3]', 'not-a-backup', /not a Gloss backup/);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const huge = { size: MAX_BACKUP_BYTES + 1, text: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    await expect(parseBackupFile(huge)).rejects.toMatchObject({ problem: 'too-large' });
  });
});
