/**
 * Browser entry for `npm run bench:topics`, built by Vite in library mode into
 * .cache/. Runs inside a Chromium page served from 127.0.0.1: the suggestion
 * code as the extension pages run it, and Dexie on the page's real IndexedDB.
 */
import Dexie from 'dexie';
import { declareSchema, openDatabase } from '@/lib/db/database';
import type { GlossDatabase } from '@/lib/model/database';
import { countTagCarriers, ensureTags, mergeTags, renameTag } from '@/lib/db/tags';
import type { ArticleRecord, HighlightRecord, HighlightRow } from '@/lib/model/records';
import { ensureTagMaps, rowsFor } from '@/lib/db/tag-maps';
import { highlightToRow } from '@/lib/model/rows';
import { buildLibraryStats, suggestTopics, type ArticleForTopics } from '@/lib/topics';

export interface SuggestTiming {
  id: string;
  chars: number;
  medianMs: number;
  maxMs: number;
  suggestions: string[];
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Times suggestTopics per article after a warm-up, with a library built from all the articles. */
export function timeSuggestions(articles: (ArticleForTopics & { id: string })[], runs: number) {
  const libraryStart = performance.now();
  const library = buildLibraryStats(articles);
  const libraryMs = performance.now() - libraryStart;
  for (const article of articles) suggestTopics(article, { library });
  const timings: SuggestTiming[] = articles.map((article) => {
    const times: number[] = [];
    let suggestions: string[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      suggestions = suggestTopics(article, { library }).map((s) => s.name);
      times.push(performance.now() - start);
    }
    const chars = [article.title, article.kicker, article.subtitle, article.text, ...(article.paragraphs ?? [])].join('').length;
    return { id: article.id, chars, medianMs: median(times), maxMs: Math.max(...times), suggestions };
  });
  return { libraryMs, documents: library.documentCount, timings };
}

function highlight(i: number, articleId: string, tags: string[]): HighlightRecord {
  const exact = `第${i}段：衡南县屋场恳谈会 passage ${i}`;
  return {
    id: `h${i}`, articleId, urlKey: `bench.example/${articleId}`,
    selectors: { quote: { type: 'TextQuoteSelector', exact, prefix: '前文'.repeat(8), suffix: '后文'.repeat(8) }, position: { type: 'TextPositionSelector', start: i, end: i + exact.length }, pagePosition: null },
    color: 'yellow', note: i % 3 === 0 ? `note ${i}` : '', tags, status: 'anchored', currentText: null, createdAt: i, updatedAt: i,
  };
}

function article(i: number, tags: string[]): ArticleRecord {
  return {
    id: `a${i}`, urlKey: `bench.example/a${i}`, storyKey: '0', url: `https://bench.example/a${i}`, title: `Article ${i}`, kicker: null,
    subtitle: null, authors: [], editors: [], siteName: 'Bench', section: null, publishedDate: null, lang: 'zh-CN',
    text: '正文'.repeat(400), tags, userEdited: [], createdAt: i, updatedAt: i,
  };
}

function seedHighlights(count: number, articles: number): HighlightRecord[] {
  return Array.from({ length: count }, (_, i) => highlight(i, `a${i % articles}`, i % 2 ? ['topic-a', `other/${i % 50}`] : ['topic-a', 'topic-c']));
}

function plainDatabase(name: string): GlossDatabase {
  const db = new Dexie(name) as GlossDatabase;
  declareSchema(db);
  return db;
}

/**
 * The floor for rewriting every row: one bulkPut of the same rows into a store
 * with no index and no hook, then into Gloss's schema without the library's
 * search hooks. Measured in the same page, so ratios survive a busy machine.
 */
export async function timeBaselines(count: number) {
  const records = seedHighlights(count, Math.ceil(count / 20));
  // Rows as Gloss stores them (tag ids), the ids taken from a scratch database's tags.
  const scratchName = `bench-tags-${Date.now()}`;
  const scratch = plainDatabase(scratchName);
  const { idOf } = await ensureTagMaps(scratch, [...records.flatMap((h) => h.tags), 'topic-b']);
  const tagRows = await scratch.tags.toArray();
  scratch.close();
  await Dexie.delete(scratchName);
  const rows = records.map((h) => highlightToRow(h, idOf));
  const changed = rows.map((h) => ({ ...h, tagIds: [idOf('topic-b')!, ...h.tagIds.slice(1)] }));
  const bareName = `bench-bare-${Date.now()}`;
  const bare = new Dexie(bareName);
  bare.version(1).stores({ highlights: 'id' });
  await bare.table('highlights').bulkAdd(rows);
  let start = performance.now();
  await bare.table('highlights').bulkPut(changed);
  const bulkPutNoIndexMs = performance.now() - start;
  bare.close();
  await Dexie.delete(bareName);
  const schemaName = `bench-schema-${Date.now()}`;
  const plain = plainDatabase(schemaName);
  await plain.tags.bulkAdd(tagRows);
  await plain.highlights.bulkAdd(rows);
  start = performance.now();
  await plain.highlights.bulkPut(changed);
  const bulkPutSchemaMs = performance.now() - start;
  start = performance.now();
  await renameTag(plain, 'topic-b', 'topic-d');
  const renameWithoutSearchHooksMs = performance.now() - start;
  plain.close();
  await Dexie.delete(schemaName);
  return { bulkPutNoIndexMs, bulkPutSchemaMs, renameWithoutSearchHooksMs };
}

/**
 * Seeds `count` highlights that all carry `topic-a` (half also `topic-c`), then
 * times a rename of topic-a (one tags row) and a merge of the result into
 * topic-c (one tags row: topic-b becomes its alias), each in one transaction,
 * on the database as the extension opens it (with the library's search hooks).
 */
export async function timeTagRewrites(count: number, rounds: number) {
  const name = `bench-topics-${Date.now()}`;
  const db = openDatabase(name);
  const articles = Math.ceil(count / 20);
  await ensureTags(db, ['topic-a', 'topic-c', ...Array.from({ length: 50 }, (_, i) => `other/${i}`)]);
  const seed = async () => {
    const rows = await rowsFor(db, { highlights: seedHighlights(count, articles) });
    await db.highlights.bulkAdd(rows.highlights);
  };
  await db.articles.bulkAdd((await rowsFor(db, { articles: Array.from({ length: articles }, (_, i) => article(i, i % 2 ? ['topic-a'] : ['other/1'])) })).articles);
  await seed();
  const renames: number[] = [];
  const merges: number[] = [];
  const touched = { rename: 0, merge: 0, mergedCarryingTarget: 0 };
  for (let round = 0; round < rounds; round++) {
    let start = performance.now();
    const renamed = await renameTag(db, 'topic-a', 'topic-b');
    renames.push(performance.now() - start);
    start = performance.now();
    const merged = await mergeTags(db, ['topic-b'], 'topic-c');
    merges.push(performance.now() - start);
    touched.rename = renamed.highlights;
    touched.merge = merged.highlights;
    touched.mergedCarryingTarget = (await countTagCarriers(db, merged.tag.name)).highlights;
    // Put topic-a back (outside the timing) for the next round.
    await db.highlights.clear();
    await seed();
  }
  const total = await db.highlights.count();
  db.close();
  await Dexie.delete(name);
  return { count, articles, renames, merges, touched, total };
}
