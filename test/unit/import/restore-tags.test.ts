/** Backups hold tag names; the database holds ids. Restoring turns one into the other and back without loss. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '@/lib/db/schema';
import { tagMaps } from '@/lib/db/tag-maps';
import { mergeTags } from '@/lib/db/tags';
import { aliasNameKey } from '@/lib/tags/tag-aliases';
import { foldTagName } from '@/lib/tags/tag-names';
import type { GlossDatabase } from '@/lib/model/database';
import { previewRestore, restoreBackupText } from '@/lib/transfer/import';
import { filledDatabase, freshDatabase, snapshotOf } from './helpers';

const GOLDEN = readFileSync(resolve(__dirname, '../../golden/backup/fixtures.gloss-backup.json'), 'utf8');
/** The golden backup as Gloss wrote it at schema version 2, when rows still carried tag names. */
const BEFORE_TAG_IDS = GOLDEN.replace('"schemaVersion":"CURRENT",', '"schemaVersion":2,');

type Data = { tags: { id: string; name: string }[]; highlights: { id: string; tags: string[] }[]; articles: { id: string; tags: string[] }[] };

/** Every row's tags, named through the tags table, by row id. */
async function namesByRow(db: GlossDatabase): Promise<Record<string, string[]>> {
  const { nameOf } = await tagMaps(db);
  const out: Record<string, string[]> = {};
  for (const row of [...(await db.articles.toArray()), ...(await db.highlights.toArray())]) {
    expect(row).not.toHaveProperty('tags');
    out[row.id] = row.tagIds.map((id) => nameOf(id) ?? `<no tag ${id}>`);
  }
  return out;
}

const namesInFile = (data: Data) => Object.fromEntries([...data.articles, ...data.highlights].map((r) => [r.id, r.tags]));

describe('restoring tags by name into rows by id', () => {
  it('restores a backup from before tags were ids: rows get the tags’ ids, and backing up again gives the same file', async () => {
    const db = freshDatabase();
    await restoreBackupText(db, BEFORE_TAG_IDS);
    const data = JSON.parse(BEFORE_TAG_IDS) as Data;
    expect(await namesByRow(db)).toEqual(namesInFile(data));
    // The file's tag ids are kept, so the rows point at them.
    const h1 = (await db.highlights.get('h-zh-1'))!;
    expect(h1.tagIds).toEqual(['信访 工作', '2022'].map((name) => data.tags.find((t) => t.name === name)!.id));
    const again = await snapshotOf(db);
    expect(again.replace(`"schemaVersion":${CURRENT_VERSION},`, '"schemaVersion":2,')).toBe(BEFORE_TAG_IDS.replace(/"exportedAt":"[^"]*"/, '"exportedAt":"1970-01-01T00:00:00.000Z"'));
  });

  it('gives names spelled otherwise the existing tag’s id, and names without a tag record a new tag', async () => {
    const data = JSON.parse(BEFORE_TAG_IDS) as Data;
    data.tags = data.tags.filter((t) => t.name !== 'data');
    data.highlights.find((h) => h.id === 'h-en-2')!.tags = ['ＷＨＡＬＥＳ', 'data', 'Data'];
    const db = freshDatabase();
    const preview = await previewRestore(db, JSON.parse(JSON.stringify(data)));
    expect(preview.tags).toEqual({ added: 8, updated: 0, skipped: 0 });
    await restoreBackupText(db, JSON.stringify(data));
    expect((await namesByRow(db))['h-en-2']).toEqual(['whales', 'data']);
    const whales = data.tags.find((t) => t.name === 'whales')!.id;
    expect((await db.highlights.get('h-en-2'))!.tagIds[0]).toBe(whales);
    expect(await db.tags.where('nameKey').equals('data').count()).toBe(1);
  });

  it('maps a file’s tag to the stored tag of the same folded name, whatever the ids', async () => {
    const target = await filledDatabase();
    const stored = (await target.tags.where('nameKey').equals('whales').first())!;
    const data = JSON.parse(BEFORE_TAG_IDS) as Data;
    const tag = data.tags.find((t) => t.name === 'whales')!;
    Object.assign(tag, { id: 'another-id', name: 'Whales', nameKey: 'whales' });
    data.articles.find((a) => a.id === 'art-en-guardian')!.tags = ['Whales', 'New Zealand'];
    const before = await snapshotOf(target);
    const plan = await restoreBackupText(target, JSON.stringify(data));
    expect(plan.tags.add).toEqual([]);
    expect((await target.articles.get('art-en-guardian'))!.tagIds[0]).toBe(stored.id);
    // Nothing changed: the stored spelling is the tag's, and the file's names meant the same tags.
    expect(await snapshotOf(target)).toBe(before);
  });
});

describe('restoring after a merge (the merged tag is an alias row)', () => {
  const realTags = async (db: GlossDatabase) => (await db.tags.toArray()).filter((t) => t.aliasOf === undefined);

  it('backs up records naming the target and no alias row; restore then backup gives the same bytes', async () => {
    const db = await filledDatabase();
    await mergeTags(db, ['信访 工作'], '基层治理');
    const first = await snapshotOf(db);
    const data = JSON.parse(first) as Data;
    expect(data.tags.map((t) => t.name)).not.toContain('信访 工作');
    expect(data.tags).toHaveLength((await realTags(db)).length);
    expect(namesInFile(data)['h-zh-1']).toEqual(['基层治理', '2022']);
    expect(namesInFile(data)['art-zh-lead']).toEqual(['基层治理']);
    const target = freshDatabase();
    await restoreBackupText(target, first);
    expect(await snapshotOf(target)).toBe(first);
    // Into the database it came from: nothing to do.
    await restoreBackupText(db, first);
    expect(await snapshotOf(db)).toBe(first);
  });

  it('restores an older backup into it: stored records are kept, new ones get real tags’ ids, never an alias’s', async () => {
    const db = await filledDatabase();
    const alias = (await db.tags.where('nameKey').equals(foldTagName('信访 工作')).first())!;
    await mergeTags(db, ['信访 工作'], '基层治理');
    const merged = await snapshotOf(db);
    // The merge left the carriers' update times alone, so the older file's records change nothing.
    await restoreBackupText(db, BEFORE_TAG_IDS);
    expect(await snapshotOf(db)).toBe(merged);
    const data = JSON.parse(BEFORE_TAG_IDS) as Data;
    // A file's name spelled like the alias's internal key is a name like any other.
    const odd = aliasNameKey(alias.id);
    const added = { ...data.highlights.find((h) => h.id === 'h-zh-1')!, id: 'h-zh-new', tags: ['基层治理', '信访 工作', odd] };
    data.highlights.push(added);
    await restoreBackupText(db, JSON.stringify(data));
    const { idOf, nameOf } = await tagMaps(db);
    const target = idOf('基层治理')!;
    const revived = idOf('信访 工作')!;
    // The merged name is free: the file's record naming it gets a new tag, not the alias back.
    expect(revived).not.toBe(alias.id);
    expect(nameOf(alias.id)).toBe('基层治理');
    expect((await db.highlights.get('h-zh-new'))!.tagIds).toEqual([target, revived, idOf(odd)]);
    expect(idOf(odd)).not.toBe(alias.id);
    expect((await namesByRow(db))['h-zh-1']).toEqual(['基层治理', '2022']);
    expect((await realTags(db)).filter((t) => t.name === '信访 工作')).toHaveLength(1);
  });
});
