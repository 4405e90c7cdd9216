/** Versions in a restore: joined to the matched article, matched by text, widened never narrowed, re-based on the stored first text. */
import { describe, expect, it } from 'vitest';
import { restoreBackupText, previewRestore } from '@/lib/transfer/import';
import { BackupError, parseBackup } from '@/lib/transfer/import/backup-parse';
import { firstOf, latestOf, seenText, textOfVersion } from '@/lib/versions';
import { revisedLeadText } from '../export/fixtures';
import { filledDatabase, freshDatabase, snapshotOf } from './helpers';

describe('restoring versions', () => {
  it('restores the same backup twice without a duplicate, and widens a version\'s last sight from a newer file', async () => {
    const source = await filledDatabase();
    await source.versions.update('ver-zh-lead-2', { lastSeenAt: Date.UTC(2026, 11, 1) });
    const target = await filledDatabase();
    const before = (await target.versions.get('ver-zh-lead-1'))!;
    const text = await snapshotOf(source);
    expect(await previewRestore(target, parseBackup(text))).toMatchObject({ articles: { added: 0 } });
    const plan = await restoreBackupText(target, text);
    expect(plan.versions).toMatchObject({ add: [], skip: 1 });
    expect(plan.versions.update.map((v) => [v.id, v.lastSeenAt])).toEqual([['ver-zh-lead-2', Date.UTC(2026, 11, 1)]]);
    expect(await target.versions.count()).toBe(2);
    expect(await target.versions.get('ver-zh-lead-1')).toEqual(before);
    // An older file changes nothing.
    await restoreBackupText(source, await snapshotOf(await filledDatabase()));
    expect((await source.versions.get('ver-zh-lead-2'))!.lastSeenAt).toBe(Date.UTC(2026, 11, 1));
  });

  it('stores a text new to the stored article as a patch against the stored first text', async () => {
    const source = await filledDatabase();
    const target = await filledDatabase();
    // The target clipped the article with another text (another device, another edition); it has no later version.
    const other = await seenText('另一版本的全文。\n第二段。');
    await target.versions.clear();
    await target.versions.add({ id: 'ver-target-1', articleId: 'art-zh-lead', hash: other.hash, seenAt: 5, lastSeenAt: 5, modifiedDate: null, text: other.text, patch: null });
    await restoreBackupText(target, await snapshotOf(source));
    const versions = await target.versions.where('articleId').equals('art-zh-lead').toArray();
    expect(versions).toHaveLength(3);
    const first = firstOf(versions)!;
    expect(first.id).toBe('ver-target-1');
    const lead = (await source.articles.get('art-zh-lead'))!;
    const texts = versions.map((v) => textOfVersion(v, first)).sort();
    expect(texts).toEqual([other.text, (await seenText(lead.text)).text, (await seenText(revisedLeadText(lead as never))).text].sort());
    expect(latestOf(versions)!.id).toBe('ver-zh-lead-2');
  });

  it('follows its article when the file\'s article was matched to a stored one under another id', async () => {
    const source = await filledDatabase();
    const target = freshDatabase();
    const lead = (await source.articles.get('art-zh-lead'))!;
    await target.articles.add({ ...lead, id: 'stored-lead' });
    await restoreBackupText(target, await snapshotOf(source));
    expect((await target.versions.toArray()).map((v) => v.articleId)).toEqual(['stored-lead', 'stored-lead']);
  });

  it('refuses a version whose hash is not a SHA-256, naming the field', async () => {
    const text = (await snapshotOf(await filledDatabase())).replace(/"hash":"[0-9a-f]{64}"/, '"hash":"<img src=x>"');
    expect(() => parseBackup(text)).toThrow(BackupError);
    expect(() => parseBackup(text)).toThrow(/versions\.0\.hash: not a SHA-256 in hex/);
  });
});
