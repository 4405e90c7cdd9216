/**
 * The postings kept by the middleware on every kind of write must equal the
 * postings rebuilt from the rows in one pass: the index never drifts.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import type { GlossDatabase } from '../../../lib/model/database';
import type { ArticleRow, HighlightRow } from '../../../lib/model/records';
import { rebuildSearchIndex } from '../../../lib/search/postings';
import { CHUNK_SIZE } from '../../../lib/search/postings/chunk-store';
import { chunkKeys, decodeKeys, encodeKeys } from '../../../lib/search/postings/encoding';
import { seqCandidate, seqFits } from '../../../lib/search/postings/seq';
import { uniqueDbName } from '../db/fixtures';

const opened: GlossDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

function fresh(): GlossDatabase {
  const db = openDatabase(uniqueDbName());
  opened.push(db);
  return db;
}

const article = (id: string, overrides: Partial<ArticleRow> = {}): ArticleRow => ({
  id, urlKey: `news.example/${id}`, storyKey: '0', url: `https://news.example/${id}`, title: `Title of ${id} 基层治理`,
  kicker: null, subtitle: null, authors: [{ name: 'Jane Roe', role: null }], editors: [], siteName: 'Example', section: null,
  publishedDate: '2022-09-05', lang: 'en', text: 'body', tagIds: [], userEdited: [], createdAt: 1, updatedAt: 1, ...overrides,
});

const highlight = (id: string, articleId: string, createdAt: number, exact: string, overrides: Partial<HighlightRow> = {}): HighlightRow => ({
  id, articleId, urlKey: `news.example/${articleId}`,
  selectors: { quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, position: null, pagePosition: null },
  color: 'yellow', note: '', tagIds: [], status: 'anchored', currentText: null, createdAt, updatedAt: createdAt, ...overrides,
});

async function snapshot(db: GlossDatabase): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const row of await db.postings.toArray()) {
    const keys = chunkKeys(row);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.length).toBeLessThanOrEqual(CHUNK_SIZE);
    expect(row.start).toBe(keys[0]);
    (out[row.term] ??= []).push(...keys);
  }
  for (const keys of Object.values(out)) expect(keys).toEqual([...keys].sort((a, b) => a - b));
  return out;
}

async function rebuilt(db: GlossDatabase): Promise<Record<string, number[]>> {
  await db.transaction('rw', db.highlights, db.articles, db.postings, () => rebuildSearchIndex(Dexie.currentTransaction));
  return snapshot(db);
}

const words = ['policy', 'policies', 'tariffs', 'trade', '屋场恳谈会', '基层治理', 'Delhi air', 'macbook'];

describe('stored keys', () => {
  it('round-trips sorted seqs through the delta varint, up to 2^53', () => {
    const keys = Float64Array.from([1_700_000_000_000_000, 1_700_000_000_000_001, 1_700_000_000_128_000, 8e15, 2 ** 53 - 1]);
    const bytes = encodeKeys(keys, keys[0]!);
    expect(bytes.length).toBeLessThan(keys.length * 8);
    expect([...decodeKeys(bytes, keys[0]!, keys.length)]).toEqual([...keys]);
  });
});

describe('search index upkeep', () => {
  it('keeps postings equal to a full rebuild through adds, puts, updates, modifies, deletes and article edits', async () => {
    const db = fresh();
    let random = 7;
    const next = () => (random = (random * 1103515245 + 12345) % 2147483648) / 2147483648;
    await db.articles.bulkAdd([article('a1'), article('a2', { siteName: 'Reuters', publishedDate: null }), article('a3')]);
    const rows = Array.from({ length: 300 }, (_, i) =>
      highlight(`h${i}`, `a${1 + (i % 3)}`, 1_700_000_000_000 + Math.floor(next() * 1e6), `${words[i % words.length]} number ${i}`, {
        color: next() < 0.5 ? 'yellow' : 'green', note: next() < 0.3 ? 'a note' : '', tagIds: next() < 0.3 ? ['t1'] : [],
      }),
    );
    await db.highlights.bulkAdd(rows.slice(0, 200));
    for (const row of rows.slice(200)) await db.highlights.add(row);
    await db.highlights.update('h3', { note: 'now with a note about tariffs', color: 'pink' });
    await db.highlights.put({ ...rows[5]!, selectors: { ...rows[5]!.selectors, quote: { ...rows[5]!.selectors.quote, exact: 'rewritten 小屋场' } } });
    await db.highlights.where('articleId').equals('a3').modify({ status: 'orphan' });
    await db.highlights.bulkDelete(['h7', 'h8', 'h9']);
    await db.highlights.bulkUpdate([{ key: 'h10', changes: { color: 'blue', tagIds: ['t3'] } }, { key: 'h11', changes: { note: 'bulk note' } }]);
    await db.highlights.filter((h) => h.color === 'green' && h.id < 'h2').delete();
    await db.highlights.where('articleId').equals('a3').and((h) => h.id.endsWith('1')).delete();
    await db.articles.update('a1', { title: 'A new title: trade war', tagIds: ['t2'] });
    await db.articles.delete('a2');
    // createdAt changes move the highlight in the index.
    await db.highlights.update('h20', { createdAt: 1_600_000_000_000 });

    const kept = await snapshot(db);
    expect(kept['trade']?.length).toBeGreaterThan(0);
    expect(await rebuilt(db)).toEqual(kept);
    const all = await db.highlights.toArray();
    expect(new Set(all.map((h) => h.seq)).size).toBe(all.length);
    for (const h of all) expect(seqFits(h.seq, h.createdAt)).toBe(true);
  });

  it('splits a term into full chunks as it grows past a chunk', async () => {
    const db = fresh();
    await db.articles.add(article('a1'));
    const many = Array.from({ length: CHUNK_SIZE * 2 + 5 }, (_, i) => highlight(`m${i}`, 'a1', 1_700_000_000_000 + i * 1000, 'common word'));
    for (let i = 0; i < many.length; i += 500) await db.highlights.bulkAdd(many.slice(i, i + 500));
    const chunks = await db.postings.where(':id').between(['common', -Infinity], ['common', Infinity]).toArray();
    expect(chunks.map((c) => chunkKeys(c).length)).toEqual([CHUNK_SIZE, CHUNK_SIZE, 5]);
    expect(await rebuilt(db)).toEqual(await snapshot(db));
  });

  it('gives highlights made in the same millisecond distinct seqs, even when their first choice clashes', async () => {
    const db = fresh();
    await db.articles.add(article('a1'));
    const time = 1_700_000_000_000;
    // Find two ids whose first-choice seq is the same.
    const first = seqCandidate('x0', time);
    let other = 1;
    while (seqCandidate(`x${other}`, time) !== first) other++;
    await db.highlights.add(highlight('x0', 'a1', time, 'one'));
    await db.highlights.add(highlight(`x${other}`, 'a1', time, 'two'));
    await db.highlights.bulkPut([highlight('x0', 'a1', time, 'one again'), highlight('y', 'a1', time, 'three')]);
    const rows = await db.highlights.toArray();
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.seq)).size).toBe(3);
    expect(await rebuilt(db)).toEqual(await snapshot(db));
  });

  it('refuses an add of an id already stored without touching the index', async () => {
    const db = fresh();
    await db.articles.add(article('a1'));
    await db.highlights.add(highlight('h1', 'a1', 5_000, 'first text'));
    await expect(db.highlights.add(highlight('h1', 'a1', 6_000, 'second text'))).rejects.toThrow();
    expect((await snapshot(db))['second']).toBeUndefined();
    expect(await rebuilt(db)).toEqual(await snapshot(db));
  });
});
