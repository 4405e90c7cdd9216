import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import type { GlossDatabase } from '../../../lib/model/database';
import {
  countTagCarriers, deleteTag, ensureTags, findTag, mergeTags, recolourTag, renameTag, TagNameError, TagNotFoundError,
} from '../../../lib/db/tags';
import { article, highlight, snapshot, uniqueName } from './helpers';

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
  await db.articles.bulkAdd([article('a1', ['China']), article('a2', ['基层治理', 'China'])]);
  await db.highlights.bulkAdd([
    highlight('h1', 'a1', ['China', 'politics/local']),
    highlight('h2', 'a1', ['politics/local']),
    highlight('h3', 'a2', ['基层治理', 'China']),
    highlight('h4', 'a2', []),
  ]);
  return { db, name };
}

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
  it('rewrites every highlight and article carrying the tag and survives a reopen', async () => {
    const { db, name } = await seeded('rename');
    const result = await renameTag(db, 'china', '中国', 99);
    expect(result).toMatchObject({ outcome: 'renamed', highlights: 2, articles: 2, urlKeys: ['news.example/a1', 'news.example/a2'] });
    expect(result.tag.name).toBe('中国');
    db.close();
    const reopened = open(name);
    expect((await reopened.highlights.get('h1'))!.tags).toEqual(['中国', 'politics/local']);
    expect((await reopened.highlights.get('h3'))!.tags).toEqual(['基层治理', '中国']);
    expect((await reopened.highlights.get('h3'))!.updatedAt).toBe(99);
    expect((await reopened.articles.get('a2'))!.tags).toEqual(['基层治理', '中国']);
    expect(await reopened.highlights.where('tags').equals('China').count()).toBe(0);
    expect(await reopened.highlights.where('tags').equals('中国').count()).toBe(2);
    expect(await reopened.highlights.count()).toBe(4);
    expect(await findTag(reopened, 'china')).toBeUndefined();
    expect((await findTag(reopened, '中国'))!.id).toBe(result.tag.id);
  });

  it('changes only the spelling when the new name folds to the same key', async () => {
    const { db } = await seeded('rename-case');
    const result = await renameTag(db, 'China', 'CHINA');
    expect(result.outcome).toBe('renamed');
    expect((await db.highlights.get('h1'))!.tags).toEqual(['CHINA', 'politics/local']);
    expect(await db.tags.count()).toBe(3);
  });

  it('merges when the new name belongs to another tag, and says so', async () => {
    const { db } = await seeded('rename-merge');
    const result = await renameTag(db, 'China', '基层治理');
    expect(result.outcome).toBe('merged');
    expect(result.tag.name).toBe('基层治理');
    expect((await db.highlights.get('h3'))!.tags).toEqual(['基层治理']);
    expect((await db.highlights.get('h1'))!.tags).toEqual(['基层治理', 'politics/local']);
    expect((await db.articles.get('a1'))!.tags).toEqual(['基层治理']);
    expect((await db.tags.toArray()).map((t) => t.name).sort()).toEqual(['politics/local', '基层治理']);
  });

  it('rewrites stray spellings stored by another writer', async () => {
    const { db } = await seeded('rename-variants');
    await db.highlights.add(highlight('h5', 'a1', ['ｃｈｉｎａ']));
    await renameTag(db, 'China', 'PRC');
    expect((await db.highlights.get('h5'))!.tags).toEqual(['PRC']);
  });

  it('throws for an unknown tag and leaves the data alone', async () => {
    const { db } = await seeded('rename-missing');
    const before = await snapshot(db);
    await expect(renameTag(db, 'nope', 'x')).rejects.toBeInstanceOf(TagNotFoundError);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('all or nothing', () => {
  it('a failure while writing articles undoes the highlights and tags already written', async () => {
    const name = uniqueName('atomic');
    const db = open(name);
    // Fail every article write: the rename writes highlights and the tag first, then articles.
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
    await db.articles.add(article('a1', ['China']));
    await db.highlights.bulkAdd([highlight('h1', 'a1', ['China']), highlight('h2', 'a1', ['China', 'x'])]);
    const before = await snapshot(db);
    failing = true;
    await expect(renameTag(db, 'China', '中国')).rejects.toThrow(/disk full/);
    await expect(mergeTags(db, ['China'], 'PRC')).rejects.toThrow(/disk full/);
    await expect(deleteTag(db, 'China')).rejects.toThrow(/disk full/);
    failing = false;
    expect(await snapshot(db)).toEqual(before);
    db.close();
    expect(await snapshot(open(name))).toEqual(before);
  });
});

describe('mergeTags', () => {
  it('leaves each item with the target once and keeps every highlight', async () => {
    const { db, name } = await seeded('merge');
    await recolourTag(db, 'politics/local', '#c33');
    const result = await mergeTags(db, ['politics/local', 'China'], '基层治理');
    expect(result).toMatchObject({ outcome: 'merged', highlights: 3, articles: 2 });
    expect(result.tag.color).toBe('#c33');
    db.close();
    const reopened = open(name);
    expect(await reopened.highlights.count()).toBe(4);
    expect((await reopened.highlights.get('h1'))!.tags).toEqual(['基层治理']);
    expect((await reopened.highlights.get('h2'))!.tags).toEqual(['基层治理']);
    expect((await reopened.highlights.get('h4'))!.tags).toEqual([]);
    expect((await reopened.tags.toArray()).map((t) => t.name)).toEqual(['基层治理']);
  });
});

describe('deleteTag and countTagCarriers', () => {
  it('counts carriers for the confirmation, then removes the tag from them', async () => {
    const { db } = await seeded('delete');
    expect(await countTagCarriers(db, 'ＣＨＩＮＡ')).toEqual({ highlights: 2, articles: 2 });
    expect(await deleteTag(db, 'china')).toEqual({ highlights: 2, articles: 2, urlKeys: ['news.example/a1', 'news.example/a2'] });
    expect((await db.highlights.get('h3'))!.tags).toEqual(['基层治理']);
    expect((await db.articles.get('a1'))!.tags).toEqual([]);
    expect(await findTag(db, 'China')).toBeUndefined();
    expect(await countTagCarriers(db, 'China')).toEqual({ highlights: 0, articles: 0 });
    expect(await db.highlights.count()).toBe(4);
  });
});
