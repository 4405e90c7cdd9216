/** Merged tags stay as aliases of their target: every reader shows, filters and counts their carriers as the target's. */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import type { GlossDatabase } from '../../../lib/model/database';
import { tagMaps } from '../../../lib/db/tag-maps';
import { countTagCarriers, deleteTag, ensureTags, findTag, listTagUsage, mergeTags, rankTagsForInput, recolourTag, renameTag } from '../../../lib/db/tags';
import { storageStats } from '../../../lib/background/repository';
import { searchHighlights, topTags } from '../../../lib/search';
import { loadBundles } from '../../../lib/transfer/export/source';
import { aliasNameKey } from '../../../lib/tags/tag-aliases';
import { foldTagName } from '../../../lib/tags/tag-names';
import { addRecords, article, highlight, realTagNames, recordWrites, shownOn, uniqueName } from './helpers';

const opened: GlossDatabase[] = [];
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

/** China on h1 and h3 (h3 also has PRC), PRC on h2 and h3, Beijing on h4; China on a1, PRC on a2. */
async function seeded(label: string) {
  const db = openDatabase(uniqueName(label));
  opened.push(db);
  await ensureTags(db, ['China', 'PRC', 'Beijing'], { now: 10 });
  await addRecords(db, {
    articles: [article('a1', ['China']), article('a2', ['PRC'])],
    highlights: [
      highlight('h1', 'a1', ['China']),
      highlight('h2', 'a2', ['PRC']),
      highlight('h3', 'a2', ['China', 'PRC']),
      highlight('h4', 'a1', ['Beijing']),
    ],
  });
  const ids = Object.fromEntries(await Promise.all(['China', 'PRC', 'Beijing'].map(async (n) => [n, (await findTag(db, n))!.id] as const)));
  return { db, ids };
}

const found = async (db: GlossDatabase, query: Parameters<typeof searchHighlights>[1]) =>
  (await searchHighlights(db, query)).items.map((item) => item.highlight.id).sort();

describe('an alias after a merge', () => {
  it('shows the target’s name once, and names it in no other way', async () => {
    const { db, ids } = await seeded('names');
    await mergeTags(db, ['China'], 'PRC');
    expect(await shownOn(db, 'h1')).toEqual(['PRC']);
    expect(await shownOn(db, 'h3')).toEqual(['PRC']);
    expect((await db.highlights.get('h3'))!.tagIds).toEqual([ids.China, ids.PRC]);
    const { idOf, nameOf } = await tagMaps(db);
    expect(nameOf(ids.China!)).toBe('PRC');
    expect(idOf('China')).toBeUndefined();
    // Neither by its old name nor by its internal key can a tag operation reach the alias.
    expect(await findTag(db, 'China')).toBeUndefined();
    expect(await findTag(db, aliasNameKey(ids.China!))).toBeUndefined();
    for (const id of [ids.China!, 'x', 'tag:china', '']) expect(foldTagName(aliasNameKey(id))).not.toBe(aliasNameKey(id));
    expect(await realTagNames(db)).toEqual(['Beijing', 'PRC']);
    expect((await storageStats(db)).tags).toBe(2);
  });

  it('counts for the target in carriers, usage, ranking, the overview and exports', async () => {
    const { db } = await seeded('counts');
    await mergeTags(db, ['China'], 'PRC');
    expect(await countTagCarriers(db, 'prc')).toEqual({ highlights: 3, articles: 2 });
    const usages = await listTagUsage(db);
    expect(usages.map((u) => [u.name, u.highlights, u.articles]).sort()).toEqual([['Beijing', 1, 0], ['PRC', 3, 2]]);
    expect(rankTagsForInput(usages, 'ch').map((t) => t.name)).toEqual([]);
    expect(await topTags(db)).toEqual([{ value: 'PRC', count: 3 }, { value: 'Beijing', count: 1 }]);
    const bundles = await loadBundles(db, { kind: 'tag', name: 'PRC' });
    expect(bundles.flatMap((b) => b.highlights.map((h) => h.id)).sort()).toEqual(['h1', 'h2', 'h3', 'h4']);
  });

  it('matches a filter and a text query on the target’s name, and not on its own old name', async () => {
    const { db } = await seeded('search');
    await mergeTags(db, ['China'], 'PRC');
    expect(await found(db, { filters: { tags: ['PRC'] } })).toEqual(['h1', 'h2', 'h3', 'h4']);
    expect(await found(db, { query: 'prc' })).toEqual(['h1', 'h2', 'h3']);
    expect(await found(db, { query: 'china' })).toEqual([]);
    expect(await found(db, { filters: { tags: ['China'] } })).toEqual([]);
  });

  it('follows a rename and a recolour of its target, each one tags row', async () => {
    const { db, ids } = await seeded('rename');
    await mergeTags(db, ['China'], 'PRC');
    const writes = await recordWrites(db);
    const renamed = await renameTag(db, 'PRC', '中国');
    expect(renamed).toMatchObject({ outcome: 'renamed', highlights: 3, articles: 2 });
    expect(renamed.urlKeys).toBeNull();
    await recolourTag(db, '中国', '#c33');
    expect(writes.map((w) => [w.table, w.keys])).toEqual([['tags', [ids.PRC]], ['tags', [ids.PRC]]]);
    expect(await shownOn(db, 'h1')).toEqual(['中国']);
    expect(await found(db, { filters: { tags: ['中国'] } })).toEqual(['h1', 'h2', 'h3', 'h4']);
  });

  it('is re-pointed when its target is merged in turn: never an alias of an alias', async () => {
    const { db, ids } = await seeded('chain');
    await mergeTags(db, ['China'], 'PRC');
    const writes = await recordWrites(db);
    const result = await mergeTags(db, ['PRC'], 'Beijing');
    expect(result).toMatchObject({ outcome: 'merged', highlights: 4, articles: 2 });
    expect(writes.flatMap((w) => w.keys).sort()).toEqual([ids.China, ids.PRC].sort());
    expect(writes.every((w) => w.table === 'tags')).toBe(true);
    const aliases = (await db.tags.toArray()).filter((t) => t.aliasOf !== undefined);
    expect(aliases.map((t) => [t.id, t.aliasOf]).sort()).toEqual([[ids.China, ids.Beijing], [ids.PRC, ids.Beijing]].sort());
    expect(await shownOn(db, 'h3')).toEqual(['Beijing']);
    expect(await countTagCarriers(db, 'Beijing')).toEqual({ highlights: 4, articles: 2 });
    expect(await found(db, { filters: { tags: ['Beijing'] } })).toEqual(['h1', 'h2', 'h3', 'h4']);
    expect(await realTagNames(db)).toEqual(['Beijing']);
  });

  it('merges colour as before: the target’s, else the first source’s', async () => {
    const { db } = await seeded('colour');
    await recolourTag(db, 'China', '#c33');
    expect((await mergeTags(db, ['Beijing', 'China'], 'PRC')).tag.color).toBe('#c33');
  });

  it('goes with its target when that is deleted, its id removed from every carrier', async () => {
    const { db, ids } = await seeded('delete');
    await mergeTags(db, ['China'], 'PRC');
    expect(await deleteTag(db, 'PRC', 99)).toMatchObject({ highlights: 3, articles: 2 });
    for (const row of [...(await db.highlights.toArray()), ...(await db.articles.toArray())]) {
      expect(row.tagIds).not.toContain(ids.China);
      expect(row.tagIds).not.toContain(ids.PRC);
    }
    expect((await db.tags.toArray()).map((t) => t.name)).toEqual(['Beijing']);
    expect(await found(db, { query: 'quote' })).toEqual(['h1', 'h2', 'h3', 'h4']);
    expect(await topTags(db)).toEqual([{ value: 'Beijing', count: 1 }]);
  });

  it('frees the source’s name for a new tag, which old carriers do not show', async () => {
    const { db, ids } = await seeded('reuse');
    await mergeTags(db, ['China'], 'PRC');
    const [fresh] = await ensureTags(db, ['china']);
    expect(fresh!.id).not.toBe(ids.China);
    await addRecords(db, { highlights: [highlight('h5', 'a1', ['China'])] });
    expect((await db.highlights.get('h5'))!.tagIds).toEqual([fresh!.id]);
    expect(await shownOn(db, 'h1')).toEqual(['PRC']);
    expect(await countTagCarriers(db, 'China')).toEqual({ highlights: 1, articles: 0 });
    expect(await found(db, { filters: { tags: ['China'] } })).toEqual(['h5']);
    // The new tag can itself be merged away, and the name freed again.
    await mergeTags(db, ['China'], 'PRC');
    expect(await countTagCarriers(db, 'PRC')).toEqual({ highlights: 4, articles: 2 });
  });
});
