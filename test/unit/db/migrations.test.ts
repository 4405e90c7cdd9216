/**
 * Migration harness: write real rows with the schema as it was at each older
 * version, close, reopen with the current schema, and check every row survives.
 * Each new schema version adds its own case here.
 */
import Dexie, { type Transaction } from 'dexie';
import { describe, expect, it } from 'vitest';
import { declareSchema, openDatabase } from '../../../lib/db/database';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '../../../lib/db/schema';
import { uniqueDbName } from './fixtures';
import { saveSnapshot } from '../../../lib/db/snapshots';
import { searchHighlights } from '../../../lib/search';
import { searchIndexMiddleware } from '../../../lib/search/postings';
import { tagIdsV3 } from '../../../lib/db/migrations/v3-tag-ids';
import type { GlossDatabase } from '../../../lib/model/database';
import { articleFromRow, highlightFromRow } from '../../../lib/model/rows';
import { sha256Hex } from '../../../lib/versions';
import { createHash } from 'node:crypto';

/** Opens a database declaring only the versions up to `version`: the app as it was then. */
export function openAtVersion(name: string, version: number): Dexie {
  const db = new Dexie(name);
  declareSchema(db, SCHEMA_VERSIONS.filter((v) => v.version <= version));
  return db;
}

/** Rows as version 1 of Gloss wrote them. */
const V1_ROWS = {
  articles: [
    {
      id: 'a1', urlKey: 'hyrb.example/html/2022-09/05/content_1186523.htm', storyKey: '0',
      url: 'http://hyrb.example/html/2022-09/05/content_1186523.htm', title: '「小屋场」撬动基层治理「大能量」',
      kicker: '衡南县力推「屋场恳谈会+信访」新模式，狠抓源头治理', subtitle: null,
      authors: [{ name: '周瑞华', role: '全媒体记者' }], editors: [], siteName: '衡阳日报', section: '要闻',
      publishedDate: '2022-09-05', lang: 'zh-CN', text: '……', tags: ['基层治理'], userEdited: [], createdAt: 1, updatedAt: 2,
    },
  ],
  highlights: [
    {
      id: 'h1', articleId: 'a1', urlKey: 'hyrb.example/html/2022-09/05/content_1186523.htm',
      selectors: { quote: { type: 'TextQuoteSelector', exact: '屋场恳谈会', prefix: '', suffix: '' }, position: null, pagePosition: null },
      color: 'yellow', note: '笔记 with **markdown**', tags: ['基层治理', 'politics/local'], status: 'anchored',
      currentText: null, createdAt: 3, updatedAt: 4,
    },
  ],
  tags: [{ id: 't1', name: '基层治理', nameKey: '基层治理', color: null, createdAt: 5 }],
};

describe('schema migrations', () => {
  it('declares versions in increasing order', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('version 1 to 3: every row survives with its tags as ids, names without a record get one, search finds it', async () => {
    const name = await writeV1(uniqueDbName());
    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    await expectV3(db);
    await db.delete();
  });

  it('version 2 to 3: the v2 search terms go, the postings take their place', async () => {
    const name = await writeV1(uniqueDbName());
    const v2 = openAtVersion(name, 2);
    await v2.open();
    expect((await v2.table('highlights').get('h1')).searchTerms.length).toBeGreaterThan(0);
    v2.close();
    const db = openDatabase(name);
    await db.open();
    await expectV3(db);
    await db.delete();
  });

  it('version 1 to 2: every row survives and gets its search terms', async () => {
    const name = await writeV1(uniqueDbName());
    const db = openAtVersion(name, 2);
    await db.open();
    const articles = await db.table('articles').toArray();
    const highlights = await db.table('highlights').toArray();
    expect(articles.map(withoutTerms)).toEqual(V1_ROWS.articles);
    expect(highlights.map(withoutTerms)).toEqual(V1_ROWS.highlights);
    expect(await db.table('tags').toArray()).toEqual(V1_ROWS.tags);
    // Derived from the quote, the note and the tags; from the title, kicker, authors, site.
    expect(highlights[0].searchTerms).toEqual(expect.arrayContaining([['屋场', 3], ['恳谈', 3], ['谈会', 3], ['笔记', 3], ['markdown', 3], ['local', 3]]));
    expect(articles[0].searchTerms).toEqual(expect.arrayContaining(['基层', '治理', '衡南', '周瑞', '阳日']));
    expect(await db.table('highlights').where('searchTerms').equals(['恳谈', 3]).primaryKeys()).toEqual(['h1']);
    await db.delete();
  });

  it('an upgrade stopped part-way leaves the old version and its rows, and the next open upgrades', async () => {
    const name = await writeV1(uniqueDbName());
    const v2 = openAtVersion(name, 2);
    await v2.open();
    v2.close();
    // The worker stops after the rows were reshaped, before the index was built: the upgrade transaction aborts.
    const broken = new Dexie(name);
    declareSchema(
      broken,
      SCHEMA_VERSIONS.map((v) => (v.version === 3 ? { ...v, upgrade: async (tx: Transaction) => { await tagIdsV3(tx); throw new Error('worker stopped'); } } : v)),
    );
    await expect(broken.open()).rejects.toThrow(/worker stopped/);
    broken.close();
    const still = openAtVersion(name, 2);
    await still.open();
    expect(still.verno).toBe(2);
    expect((await still.table('highlights').toArray()).map(withoutTerms)).toEqual(V1_ROWS.highlights);
    still.close();
    const db = openDatabase(name);
    await db.open();
    await expectV3(db);
    await db.delete();
  });

  it('version 3 to 4: every article gets its first version from its clipped text, seen when it was clipped', async () => {
    const name = await writeV1(uniqueDbName());
    const v3 = openAtVersion(name, 3);
    await v3.open();
    // A second article as v3 wrote it: tags by id, a text with the page's own spacing.
    const second = { ...(await v3.table('articles').get('a1')), id: 'a2', storyKey: '1', text: '  First\u00a0 paragraph. \n\n\n第二段　文字\n', createdAt: 7 };
    await v3.table('articles').add(second);
    v3.close();
    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    const versions = (await db.versions.toArray()).sort((a, b) => a.articleId.localeCompare(b.articleId));
    expect(versions.map(({ id: _id, ...rest }) => rest)).toEqual([
      { articleId: 'a1', hash: await sha256Hex('……'), seenAt: 1, lastSeenAt: 1, modifiedDate: null, text: '……', patch: null },
      { articleId: 'a2', hash: await sha256Hex('First paragraph.\n第二段 文字'), seenAt: 7, lastSeenAt: 7, modifiedDate: null, text: 'First paragraph.\n第二段 文字', patch: null },
    ]);
    // The known SHA-256 of '……' (U+2026 twice), so the hash is the standard one, not only self-consistent.
    expect(versions[0]!.hash).toBe(createHash('sha256').update('……').digest('hex'));
    // The articles themselves are untouched.
    expect((await db.articles.get('a2'))!.text).toBe(second.text);
    expect(articleFromRow((await db.articles.get('a1'))!, () => '基层治理')).toEqual(V1_ROWS.articles[0]);
    // Page snapshots are new in v4 and start empty; a save works on the upgraded database.
    expect([await db.snapshots.count(), await db.snapshotFiles.count()]).toEqual([0, 0]);
    const saved = await saveSnapshot(db, { articleId: 'a1', url: 'https://hyrb.example/a', title: 't', data: new TextEncoder().encode('MHTML') });
    expect(saved.urlKey).toBe((await db.articles.get('a1'))!.urlKey);
    await db.delete();
  });

  it('upgrades run their own frozen code: the live index stays out of the upgrade transaction', async () => {
    const name = await writeV1(uniqueDbName());
    const frozen = async (tx: Transaction) => {
      await tx.table('highlights').toCollection().modify((row) => void (row.searchTerms = [['frozen', 0]]));
    };
    const db = new Dexie(name) as GlossDatabase;
    declareSchema(db, SCHEMA_VERSIONS.filter((v) => v.version <= 2).map((v) => (v.version === 2 ? { ...v, upgrade: frozen } : v)));
    db.use(searchIndexMiddleware);
    await db.open();
    expect((await db.table('highlights').get('h1')).searchTerms).toEqual([['frozen', 0]]);
    await db.delete();
  });
});

async function writeV1(name: string): Promise<string> {
  const old = openAtVersion(name, 1);
  await old.open();
  for (const [table, rows] of Object.entries(V1_ROWS)) await old.table(table).bulkAdd(rows);
  old.close();
  return name;
}

function withoutTerms<T extends object>(row: T): Omit<T, 'searchTerms'> {
  const { searchTerms: _dropped, ...rest } = row as T & { searchTerms?: unknown };
  return rest;
}

/** What a v1 database must look like once at v3: same records, tags by id, an index search can use. */
async function expectV3(db: GlossDatabase): Promise<void> {
  const tags = await db.tags.toArray();
  // The stray name `politics/local` got a tag record; the existing one kept its id.
  expect(tags.map((t) => t.name).sort()).toEqual(['politics/local', '基层治理']);
  expect(tags.find((t) => t.name === '基层治理')!.id).toBe('t1');
  const nameOf = (id: string) => tags.find((t) => t.id === id)?.name;
  const highlights = await db.highlights.toArray();
  const articles = await db.articles.toArray();
  for (const row of [...highlights, ...articles]) expect(row).not.toHaveProperty('searchTerms');
  expect(highlights.map((row) => highlightFromRow(row, nameOf))).toEqual(V1_ROWS.highlights);
  expect(articles.map((row) => articleFromRow(row, nameOf))).toEqual(V1_ROWS.articles);
  expect(highlights[0]!.tagIds).toEqual(['t1', tags.find((t) => t.name === 'politics/local')!.id]);
  expect(await db.highlights.where('tagIds').equals('t1').primaryKeys()).toEqual(['h1']);
  expect(await db.articles.where('[urlKey+storyKey]').equals([V1_ROWS.articles[0]!.urlKey, '0']).count()).toBe(1);
  for (const query of ['撬动', '恳谈', 'markdown', 'local']) {
    expect((await searchHighlights(db, { query })).items.map((item) => item.highlight.id)).toEqual(['h1']);
  }
  expect((await searchHighlights(db, { filters: { tags: ['politics'] } })).total).toBe(1);
  const page = await searchHighlights(db, { query: '恳谈' });
  expect(page.items[0]!.highlight.tags).toEqual(['基层治理', 'politics/local']);
}
