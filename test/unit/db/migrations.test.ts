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
import { installSearchHooks, withoutSearchTerms } from '../../../lib/search/search-terms-field';
import { articleSearchTerms, highlightSearchTerms } from '../../../lib/search/terms';
import { searchHighlights } from '../../../lib/search';
import { v2ArticleTerms, v2HighlightTerms } from '../../../lib/db/migrations/v2-search-terms';
import type { GlossDatabase } from '../../../lib/model/database';

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

  it('opens real version-1 data with the current schema and keeps every row and index', async () => {
    const name = uniqueDbName();
    const old = openAtVersion(name, 1);
    await old.open();
    for (const [table, rows] of Object.entries(V1_ROWS)) await old.table(table).bulkAdd(rows);
    old.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    // Later versions may add derived fields; the rows as written must be intact.
    expect((await db.articles.toArray()).map(withoutSearchTerms)).toEqual(V1_ROWS.articles);
    expect((await db.highlights.toArray()).map(withoutSearchTerms)).toEqual(V1_ROWS.highlights);
    expect(await db.tags.toArray()).toEqual(V1_ROWS.tags);
    // Indexes the UI relies on still answer.
    expect(await db.highlights.where('tags').equals('politics/local').count()).toBe(1);
    expect(await db.articles.where('[urlKey+storyKey]').equals([V1_ROWS.articles[0]!.urlKey, '0']).count()).toBe(1);
    await db.delete();
  });

  it('version 1 to 2: every row survives and gets its search terms, and search finds it', async () => {
    const name = uniqueDbName();
    const old = openAtVersion(name, 1);
    await old.open();
    for (const [table, rows] of Object.entries(V1_ROWS)) await old.table(table).bulkAdd(rows);
    old.close();

    const db = openAtVersion(name, 2);
    await db.open();
    const articles = await db.table('articles').toArray();
    const highlights = await db.table('highlights').toArray();
    expect(articles.map(withoutSearchTerms)).toEqual(V1_ROWS.articles);
    expect(highlights.map(withoutSearchTerms)).toEqual(V1_ROWS.highlights);
    expect(await db.table('tags').toArray()).toEqual(V1_ROWS.tags);
    // Derived from the quote, the note and the tags; from the title, kicker, authors, site.
    expect(highlights[0].searchTerms).toEqual(expect.arrayContaining([['屋场', 3], ['恳谈', 3], ['谈会', 3], ['笔记', 3], ['markdown', 3], ['local', 3]]));
    expect(articles[0].searchTerms).toEqual(expect.arrayContaining(['基层', '治理', '衡南', '周瑞', '阳日']));
    expect(await db.table('highlights').where('searchTerms').equals(['恳谈', 3]).primaryKeys()).toEqual(['h1']);
    db.close();

    const current = openDatabase(name);
    const byTitle = await searchHighlights(current, { query: '撬动' });
    expect(byTitle.items.map((item) => item.highlight.id)).toEqual(['h1']);
    await current.delete();
  });

  it('upgrades keep the terms their own frozen code computed: the live hooks stay out', async () => {
    const name = uniqueDbName();
    const old = openAtVersion(name, 1);
    await old.open();
    for (const [table, rows] of Object.entries(V1_ROWS)) await old.table(table).bulkAdd(rows);
    old.close();

    // Version 2 with an upgrade writing terms the live tokenizer would never make.
    const frozen = async (tx: Transaction) => {
      await tx.table('highlights').toCollection().modify((row) => void (row.searchTerms = [['frozen', 0]]));
    };
    const db = new Dexie(name) as GlossDatabase;
    declareSchema(db, SCHEMA_VERSIONS.filter((v) => v.version <= 2).map((v) => (v.version === 2 ? { ...v, upgrade: frozen } : v)));
    installSearchHooks(db);
    await db.open();
    expect((await db.table('highlights').get('h1')).searchTerms).toEqual([['frozen', 0]]);
    await db.delete();
  });

  it('the frozen v2 tokenizer still computes what the live index does (else add a reindexing version)', () => {
    const texts = ['「小屋场」撬动基层治理', 'Policies RUNNING governed café’s boxes climate', 'ｶﾞｲﾄﾞ Straße 2024年', ''];
    for (const [i, text] of texts.entries()) {
      const other = texts[(i + 1) % texts.length]!;
      const quote = { type: 'TextQuoteSelector' as const, exact: text, prefix: '', suffix: '' };
      const highlight = { selectors: { quote, position: null, pagePosition: null }, note: other, tags: ['politics/local', text], createdAt: i };
      expect(v2HighlightTerms(highlight)).toEqual(highlightSearchTerms(highlight));
      const article = { title: text, kicker: null, subtitle: other, authors: [{ name: text, role: null }], siteName: 'Le Monde' };
      expect(v2ArticleTerms(article)).toEqual(articleSearchTerms(article));
    }
    expect(v2HighlightTerms(V1_ROWS.highlights[0]!)).toEqual(highlightSearchTerms(V1_ROWS.highlights[0]! as never));
    expect(v2ArticleTerms(V1_ROWS.articles[0]!)).toEqual(articleSearchTerms(V1_ROWS.articles[0]!));
  });
});
