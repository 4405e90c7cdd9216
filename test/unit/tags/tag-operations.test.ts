import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import type { GlossDatabase } from '../../../lib/model/database';
import {
  countTagCarriers, deleteTag, ensureTags, findTag, mergeTags, recolourTag, renameTag, TagNameError, TagNotFoundError,
} from '../../../lib/db/tags';
import { addRecords, article, highlight, realTagNames, recordWrites, shownOn, snapshot, tagNamesOn, uniqueName, type Write } from './helpers';

const opened: GlossDatabase[] = [];
function open(name: string): GlossDatabase {
  const db = openDatabase(name);
  opened.push(db);
  return db;
}
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

async function seeded(label: string) {
  const name = uniqueName(label);
  const db = open(name);
  await ensureTags(db, ['China', '基层治理', 'politics/local'], { now: 10 });
  await addRecords(db, {
    articles: [article('a1', ['China']), article('a2', ['基层治理', 'China'])],
    highlights: [
      highlight('h1', 'a1', ['China', 'politics/local']),
      highlight('h2', 'a1', ['politics/local']),
      highlight('h3', 'a2', ['基层治理', 'China']),
      highlight('h4', 'a2', []),
    ],
  });
  return { db, name };
}

/** The rows of these tables that the writes touched, by table. */
const touched = (writes: readonly Write[], tables: readonly string[]) =>
  Object.fromEntries(tables.map((table) => [table, writes.filter((w) => w.table === table).flatMap((w) => w.keys).sort()]));

const idOf = async (db: GlossDatabase, name: string) => (await findTag(db, name))!.id;

describe('ensureTags', () => {
  it('returns the existing record for a name that folds to the same key', async () => {
    const db = open(uniqueName('ensure'));
    const [china] = await ensureTags(db, ['China']);
    const [again] = await ensureTags(db, ['Ｃｈｉｎａ']);
    expect(again!.id).toBe(china!.id);
    expect(again!.name).toBe('China');
    const [fresh] = await ensureTags(db, ['  politics /  local ']);
    expect(fresh!.name).toBe('politics/local');
    expect(await db.tags.count()).toBe(2);
  });

  it('creates each folded name once and rejects invalid names', async () => {
    const db = open(uniqueName('ensure-dupes'));
    const tags = await ensureTags(db, ['News', 'news', 'ＮＥＷＳ', '新闻']);
    expect(tags.map((t) => t.name)).toEqual(['News', '新闻']);
    await expect(ensureTags(db, ['ok', 'bad\u0007name'])).rejects.toBeInstanceOf(TagNameError);
    await expect(ensureTags(db, ['x'.repeat(201)])).rejects.toBeInstanceOf(TagNameError);
    await expect(ensureTags(db, ['   '])).rejects.toBeInstanceOf(TagNameError);
    expect(await db.tags.count()).toBe(2);
  });
});

describe('renameTag', () => {
  it('writes the tag row only, and every carrier shows the new name, also after a reopen', async () => {
    const { db, name } = await seeded('rename');
    const china = await idOf(db, 'China');
    const writes = await recordWrites(db);
    const result = await renameTag(db, 'china', '中国');
    expect(result).toMatchObject({ outcome: 'renamed', highlights: 2, articles: 2, urlKeys: null });
    expect(result.tag).toMatchObject({ id: china, name: '中国' });
    expect(touched(writes, ['tags', 'highlights', 'articles'])).toEqual({ tags: [china], highlights: [], articles: [] });
    db.close();
    const reopened = open(name);
    expect(await tagNamesOn(reopened, 'highlights', 'h1')).toEqual(['中国', 'politics/local']);
    expect(await tagNamesOn(reopened, 'highlights', 'h3')).toEqual(['基层治理', '中国']);
    expect(await tagNamesOn(reopened, 'articles', 'a2')).toEqual(['基层治理', '中国']);
    // The carriers themselves did not change: same ids, same update time.
    expect((await reopened.highlights.get('h3'))!.updatedAt).toBe(1);
    expect(await reopened.highlights.where('tagIds').equals(china).count()).toBe(2);
    expect(await findTag(reopened, 'china')).toBeUndefined();
    expect((await findTag(reopened, '中国'))!.id).toBe(china);
  });

  it('changes only the spelling when the new name folds to the same key', async () => {
    const { db } = await seeded('rename-case');
    const result = await renameTag(db, 'China', 'CHINA');
    expect(result.outcome).toBe('renamed');
    expect(await tagNamesOn(db, 'highlights', 'h1')).toEqual(['CHINA', 'politics/local']);
    expect(await db.tags.count()).toBe(3);
  });

  it('leaves the tags under the renamed one as they are, as before tags were stored by id', async () => {
    const { db } = await seeded('rename-tree');
    await ensureTags(db, ['politics']);
    await renameTag(db, 'politics', 'world');
    expect(await tagNamesOn(db, 'highlights', 'h2')).toEqual(['politics/local']);
    expect((await db.tags.toArray()).map((t) => t.name).sort()).toEqual(['China', 'politics/local', 'world', '基层治理']);
  });

  it('merges when the new name belongs to another tag, and says so', async () => {
    const { db } = await seeded('rename-merge');
    const result = await renameTag(db, 'China', '基层治理');
    expect(result.outcome).toBe('merged');
    expect(result.tag.name).toBe('基层治理');
    expect(await shownOn(db, 'h3')).toEqual(['基层治理']);
    expect(await shownOn(db, 'h1')).toEqual(['基层治理', 'politics/local']);
    expect(await tagNamesOn(db, 'articles', 'a1')).toEqual(['基层治理']);
    expect(await realTagNames(db)).toEqual(['politics/local', '基层治理']);
  });

  it('throws for an unknown tag and leaves the data alone', async () => {
    const { db } = await seeded('rename-missing');
    const before = await snapshot(db);
    await expect(renameTag(db, 'nope', 'x')).rejects.toBeInstanceOf(TagNotFoundError);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('tags by name on new items', () => {
  it('gives a name that folds to an existing tag that tag’s id', async () => {
    const { db } = await seeded('fold-to-id');
    await addRecords(db, { highlights: [highlight('h5', 'a1', ['ｃｈｉｎａ', 'CHINA', 'new one'])] });
    const row = (await db.highlights.get('h5'))!;
    expect(row.tagIds).toEqual([await idOf(db, 'China'), await idOf(db, 'new one')]);
    expect(await tagNamesOn(db, 'highlights', 'h5')).toEqual(['China', 'new one']);
    expect(await db.tags.count()).toBe(4);
  });
});

describe('all or nothing', () => {
  it('a failure while writing articles undoes the highlights and tags already written', async () => {
    const name = uniqueName('atomic');
    const db = open(name);
    // Fail every article write: delete writes the tag rows and highlights too, so all must roll back.
    db.use({
      stack: 'dbcore',
      name: 'fail-article-writes',
      create: (down) => ({
        ...down,
        table(tableName) {
          const table = down.table(tableName);
          if (tableName !== 'articles') return table;
          return { ...table, mutate: (req) => (failing ? Promise.reject(new Error('disk full')) : table.mutate(req)) };
        },
      }),
    });
    let failing = false;
    await ensureTags(db, ['China', 'PRC']);
    await addRecords(db, { articles: [article('a1', ['China'])], highlights: [highlight('h1', 'a1', ['China']), highlight('h2', 'a1', ['China', 'x'])] });
    const before = await snapshot(db);
    failing = true;
    await expect(deleteTag(db, 'China')).rejects.toThrow(/disk full/);
    failing = false;
    expect(await snapshot(db)).toEqual(before);
    db.close();
    expect(await snapshot(open(name))).toEqual(before);
  });
});

describe('mergeTags', () => {
  it('leaves each item showing the target once and keeps every highlight', async () => {
    const { db, name } = await seeded('merge');
    await recolourTag(db, 'politics/local', '#c33');
    const result = await mergeTags(db, ['politics/local', 'China'], '基层治理');
    expect(result).toMatchObject({ outcome: 'merged', highlights: 3, articles: 2 });
    expect(result.tag.color).toBe('#c33');
    db.close();
    const reopened = open(name);
    expect(await reopened.highlights.count()).toBe(4);
    expect(await shownOn(reopened, 'h1')).toEqual(['基层治理']);
    expect(await shownOn(reopened, 'h2')).toEqual(['基层治理']);
    expect(await shownOn(reopened, 'h4')).toEqual([]);
    expect(await realTagNames(reopened)).toEqual(['基层治理']);
  });

  it('writes one tags row per source and no highlight, article or postings row', async () => {
    const { db } = await seeded('merge-writes');
    const [china, local, target] = [await idOf(db, 'China'), await idOf(db, 'politics/local'), await idOf(db, '基层治理')];
    const before = { ...(await snapshot(db)), postings: await db.postings.toArray() };
    const writes = await recordWrites(db);
    const result = await mergeTags(db, ['China', 'politics/local'], '基层治理');
    expect(result).toMatchObject({ outcome: 'merged', highlights: 3, articles: 2 });
    expect(result.urlKeys).toBeNull();
    expect(writes.map((w) => w.table)).toEqual(['tags']);
    expect(touched(writes, ['tags'])).toEqual({ tags: [china, local].sort() });
    const after = await snapshot(db);
    expect(after.highlights).toEqual(before.highlights);
    expect(after.articles).toEqual(before.articles);
    expect(await db.postings.toArray()).toEqual(before.postings);
    expect(after.tags.filter((t) => t.aliasOf === target).map((t) => t.id).sort()).toEqual([china, local].sort());
  });
});

describe('deleteTag and countTagCarriers', () => {
  it('counts carriers for the confirmation, then removes the tag from them', async () => {
    const { db } = await seeded('delete');
    expect(await countTagCarriers(db, 'ＣＨＩＮＡ')).toEqual({ highlights: 2, articles: 2 });
    expect(await deleteTag(db, 'china')).toEqual({ highlights: 2, articles: 2, urlKeys: ['news.example/a1', 'news.example/a2'] });
    expect(await tagNamesOn(db, 'highlights', 'h3')).toEqual(['基层治理']);
    expect(await tagNamesOn(db, 'articles', 'a1')).toEqual([]);
    expect(await findTag(db, 'China')).toBeUndefined();
    expect(await countTagCarriers(db, 'China')).toEqual({ highlights: 0, articles: 0 });
    expect(await db.highlights.count()).toBe(4);
  });

  it('writes only the carriers’ id lists and the tag row', async () => {
    const { db } = await seeded('delete-writes');
    const china = await idOf(db, 'China');
    const writes = await recordWrites(db);
    await deleteTag(db, 'China', 99);
    expect(touched(writes, ['tags', 'highlights', 'articles'])).toEqual({ tags: [china], highlights: ['h1', 'h3'], articles: ['a1', 'a2'] });
    expect((await db.highlights.get('h1'))!.tagIds).toEqual([await idOf(db, 'politics/local')]);
    expect(await deleteTag(db, 'no such tag')).toEqual({ highlights: 0, articles: 0, urlKeys: [] });
  });
});
