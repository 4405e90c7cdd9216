/** Page snapshots in a restore: checked against their SHA-256, joined to the matched article, never duplicated. */
import { describe, expect, it } from 'vitest';
import { restoreBackupText } from '@/lib/transfer/import';
import { BackupError, parseBackup } from '@/lib/transfer/import/backup-parse';
import { snapshotData } from '@/lib/db/snapshots';
import { filledDatabase, freshDatabase, snapshotOf } from './helpers';

describe('restoring page snapshots', () => {
  it('brings the file back byte for byte, and a second restore adds nothing', async () => {
    const source = await filledDatabase();
    const target = freshDatabase();
    const text = await snapshotOf(source);
    const plan = await restoreBackupText(target, text);
    expect(plan.snapshots).toMatchObject({ skip: 0 });
    expect(plan.snapshots.add.map((s) => s.record.id)).toEqual(['snap-zh-lead-1']);
    expect(await snapshotData(target, 'snap-zh-lead-1')).toEqual(await snapshotData(source, 'snap-zh-lead-1'));
    expect(await snapshotOf(target)).toBe(text);
    const again = await restoreBackupText(target, text);
    expect(again.snapshots).toMatchObject({ add: [], skip: 1 });
    expect(await target.snapshotFiles.count()).toBe(1);
  });

  it('leaves out a snapshot whose file does not match its SHA-256, and restores the rest', async () => {
    const text = await snapshotOf(await filledDatabase());
    // One byte of the file changed (its base64 starts "RnJvbT", "From"; "Rn" → "Sn" changes the first byte).
    const tampered = text.replace('"data":"RnJvbT', '"data":"SnJvbT');
    expect(tampered).not.toBe(text);
    const target = freshDatabase();
    const plan = await restoreBackupText(target, tampered);
    expect(plan.snapshots).toMatchObject({ add: [], skip: 1 });
    expect(await target.snapshots.count()).toBe(0);
    expect(await target.highlights.count()).toBe(8);
  });

  it("joins the stored article the file's article was matched to, under the stored page", async () => {
    const source = await filledDatabase();
    const target = freshDatabase();
    const lead = (await source.articles.get('art-zh-lead'))!;
    await target.articles.add({ ...lead, id: 'stored-lead' });
    await restoreBackupText(target, await snapshotOf(source));
    expect((await target.snapshots.toArray()).map((s) => [s.articleId, s.urlKey])).toEqual([['stored-lead', lead.urlKey]]);
  });

  it('refuses a snapshot whose file is not base64, naming the field', async () => {
    const text = (await snapshotOf(await filledDatabase())).replace(/"data":"[^"]+"/, '"data":"<script>"');
    expect(() => parseBackup(text)).toThrow(BackupError);
    expect(() => parseBackup(text)).toThrow(/snapshots\.0\.data: not base64/);
  });
});
