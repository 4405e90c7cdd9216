/**
 * Browser side of `npm run bench:library`. It is bundled once per side: `@` is the reference tree (schema v2) in one
 * bundle and the current tree in the other, so it may use only the API both versions have. Each side is seeded the
 * way a user fills a new profile (restoring a backup), then run.mjs calls the functions below, one figure at a time.
 */
import Dexie from 'dexie';
import { openDatabase } from '@/lib/db/database';
import { CURRENT_VERSION } from '@/lib/db/schema';
import { mergeTags, renameTag } from '@/lib/db/tags';
import type { ArticleRecord, HighlightRecord, TagRecord } from '@/lib/model/records';
import { activityByPeriod, countMatches, recentArticles, searchHighlights, topTags, type LibraryFilters } from '@/lib/search';
import { backupParts } from '@/lib/transfer/backup';
import { applyRestore, parseBackup } from '@/lib/transfer/import';
import { generateLibrary, type Corpus, type LibraryOptions } from './data';

export interface LibrarySize {
  corpus: Corpus;
  articles: number;
  highlights: number;
  options: LibraryOptions;
}

const db = openDatabase();

async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

/** FNV-1a of a text: lets run.mjs compare the two sides' answers without shipping them. */
function fingerprint(text: string, hash = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

function generate(size: LibrarySize) {
  const library = generateLibrary(size.corpus, size.articles, size.highlights, size.options);
  // The generator's names are already folded, so each is its own key.
  const tags: TagRecord[] = library.tagNames.map((name, i) => ({ id: `tag-${i}`, name, nameKey: name, color: null, createdAt: 0 }));
  return { articles: library.articles, highlights: library.highlights, tags };
}

/** The generated library as a backup file of this side's version (the format is the same; only the header says which). */
function backupText(size: LibrarySize): string {
  const records = generate(size);
  return JSON.stringify({ format: 'gloss-backup', version: 1, schemaVersion: CURRENT_VERSION, exportedAt: new Date(0).toISOString(), ...records });
}

/** Rows per table, whatever tables this version has (v3's postings included). */
async function tableCounts(): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.count()] as const)));
}

/**
 * The search index's own payload: v3's postings (encoded keys, term, two numbers per chunk) or v2's in-row
 * `searchTerms` (`[term, createdAt]` pairs on highlights, terms on articles). Strings count 2 bytes a character.
 * Storage figures include every index and the database's overhead; this is the index alone.
 */
async function indexPayloadBytes(): Promise<number> {
  let bytes = 0;
  const scan = async (name: string, measure: (row: Record<string, unknown>) => number) => {
    if (!db.tables.some((t) => t.name === name)) return;
    const table = db.table(name);
    for (let offset = 0; ; offset += 5000) {
      const page = await table.offset(offset).limit(5000).toArray();
      for (const row of page) bytes += measure(row);
      if (page.length < 5000) return;
    }
  };
  const termBytes = (entry: unknown) => (Array.isArray(entry) ? 2 * String(entry[0]).length + 8 : 2 * String(entry).length);
  if (db.tables.some((t) => t.name === 'postings')) {
    await scan('postings', (row) => (row.keys as Uint8Array).byteLength + 2 * (row.term as string).length + 16);
  } else {
    for (const name of ['highlights', 'articles']) {
      await scan(name, (row) => ((row.searchTerms as unknown[] | undefined) ?? []).reduce<number>((n, e) => n + termBytes(e), 0));
    }
  }
  return bytes;
}

/** Restores the generated library into the empty database: parse and validate the file, then apply it. */
async function restore(size: LibrarySize) {
  const generated = await timed(async () => backupText(size));
  const before = await usage();
  const parsed = await timed(async () => parseBackup(generated.result));
  const applied = await timed(() => applyRestore(db, parsed.result));
  return {
    schemaVersion: CURRENT_VERSION,
    generateMs: generated.ms,
    backupChars: generated.result.length,
    parseMs: parsed.ms,
    applyMs: applied.ms,
    restoreMs: parsed.ms + applied.ms,
    storageBytes: (await usage()) - before,
    tables: await tableCounts(),
    indexPayloadBytes: await indexPayloadBytes(),
  };
}

/** The same records in a database with no index at all: the rows' own size, which the search index is compared with. */
async function rowsAlone(size: LibrarySize) {
  const records = generate(size);
  const plain = new Dexie('bench-rows-alone');
  plain.version(1).stores({ articles: 'id', highlights: 'id', tags: 'id' });
  const before = await usage();
  const { ms } = await timed(async () => {
    for (const [name, rows] of Object.entries(records) as [string, (ArticleRecord | HighlightRecord | TagRecord)[]][]) {
      for (let i = 0; i < rows.length; i += 2000) await plain.table(name).bulkAdd(rows.slice(i, i + 2000));
    }
  });
  plain.close();
  return { ms, bytes: (await usage()) - before };
}

/** The whole backup, and a fingerprint of its records (the header, which names the schema version, left out). */
async function backup() {
  let hash = 0x811c9dc5;
  let chars = 0;
  let header = true;
  const { ms } = await timed(async () => {
    for await (const part of backupParts(db, { now: 0 })) {
      if (!header) hash = fingerprint(part, hash);
      header = false;
      chars += part.length;
    }
  });
  return { ms, chars, fingerprint: hash };
}

async function search(query: string, filters: LibraryFilters) {
  const { ms, result } = await timed(() => searchHighlights(db, { query, filters, limit: 50 }));
  return { ms, plan: result.plan, shown: result.items.length, fingerprint: fingerprint(result.items.map((item) => item.highlight.id).join()) };
}

async function count(query: string, filters: LibraryFilters) {
  const { ms, result } = await timed(() => countMatches(db, { query, filters }));
  return { ms, count: result };
}

async function firstScreen() {
  const { ms, result } = await timed(() => recentArticles(db, { limit: 30 }));
  return { ms, fingerprint: fingerprint(result.items.map((item) => `${item.article.id}:${item.highlightCount}`).join()) };
}

async function overview() {
  const week = await timed(() => activityByPeriod(db, 'week'));
  const month = await timed(() => activityByPeriod(db, 'month'));
  const tags = await timed(() => topTags(db, 10));
  return { weekMs: week.ms, monthMs: month.ms, topTagsMs: tags.ms, fingerprint: fingerprint(JSON.stringify([week.result, month.result, tags.result])) };
}

/** Renames the carried tag, then merges it into another: each writes one tags row (the merged tag becomes an alias). */
async function retag(from: string, renamed: string, into: string) {
  const rename = await timed(() => renameTag(db, from, renamed));
  const merge = await timed(() => mergeTags(db, [renamed], into));
  return { renameMs: rename.ms, renamed: rename.result.highlights, mergeMs: merge.ms, merged: merge.result.highlights };
}

Object.assign(globalThis, { glossBench: { restore, rowsAlone, backup, search, count, firstScreen, overview, retag } });
