/**
 * Builds the whole index in one pass: after a schema upgrade, and after a
 * bulk restore or import (deferSearchIndex). Highlights are read in `seq`
 * order, so every term's keys arrive sorted and are appended to its last
 * chunk; full chunks are written as they fill. Memory holds one partial
 * chunk per term, not the index.
 */
import type { Table } from 'dexie';
import type { ArticleRow, HighlightRow, PostingRow } from '../../model/records';
import { CHUNK_SIZE } from './chunk-store';
import { makeChunk } from './encoding';
import { highlightRowTerms, indexedArticleFields, type IndexedArticle } from './row-terms';
import { assignSeqs as assignSeqsTo, seqFits } from './seq';

export interface IndexTables {
  highlights: Table<HighlightRow, string>;
  articles: Table<ArticleRow, string>;
  postings: Table<PostingRow, [string, number]>;
}

export interface RebuildOptions {
  onProgress?: (progress: { done: number; total: number }) => void;
  signal?: AbortSignal;
  /** Rows may lack a seq (after the schema upgrade); writes through the middleware always have one. */
  assignSeqs?: boolean;
}

const PAGE = 2000;
const WRITE_BATCH = 2000;

/**
 * Rows a page at a time by primary key, each page one getAll: a cursor
 * (`each`, `modify`) costs a round trip per row, about a millisecond in Chromium.
 * A callback, not an async generator like backup.ts's `pagesOf`: this runs
 * inside a transaction, and resuming a generator is a native await that loses
 * Dexie's transaction zone. The frozen v3 migration keeps its own copy.
 */
async function forEachPage<T extends { id: string }>(table: Table<T, string>, visit: (rows: T[]) => Promise<void> | void): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const page: T[] = await (after === null ? table.orderBy(':id') : table.where(':id').above(after)).limit(PAGE).toArray();
    if (page.length === 0) return;
    await visit(page);
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

/** Gives a fitting, unique seq to every highlight that lacks one (all of them after the upgrade). */
async function assignSeqs(highlights: IndexTables['highlights']): Promise<void> {
  const used = new Set<number>();
  const needing: string[] = [];
  await forEachPage(highlights, (rows) => {
    for (const row of rows) {
      if (seqFits(row.seq, row.createdAt) && !used.has(row.seq)) used.add(row.seq);
      else needing.push(row.id);
    }
  });
  if (needing.length === 0) return;
  const wanted = new Set(needing);
  await forEachPage(highlights, async (rows) => {
    const changed = rows.filter((row) => wanted.has(row.id));
    assignSeqsTo(changed, used);
    if (changed.length > 0) await highlights.bulkPut(changed);
  });
}

async function loadArticles(articles: IndexTables['articles']): Promise<Map<string, IndexedArticle>> {
  const byId = new Map<string, IndexedArticle>();
  // Fields only: an article row carries its whole text, which the index does not need.
  await forEachPage(articles, (rows) => {
    for (const row of rows) byId.set(row.id, indexedArticleFields(row));
  });
  return byId;
}

export async function rebuildSearchIndex(tables: IndexTables, options: RebuildOptions = {}): Promise<void> {
  const { highlights, postings } = tables;
  await postings.clear();
  if (options.assignSeqs) await assignSeqs(highlights);
  const articles = await loadArticles(tables.articles);
  const total = await highlights.count();
  const tails = new Map<string, number[]>();
  let pending: PostingRow[] = [];
  const flush = async (force: boolean) => {
    if (pending.length >= WRITE_BATCH || (force && pending.length > 0)) {
      await postings.bulkPut(pending);
      pending = [];
    }
  };
  let done = 0;
  let after = -Infinity;
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await highlights.where('seq').above(after).limit(PAGE).toArray();
    for (const row of page) {
      const key = row.seq!;
      for (const term of highlightRowTerms(row, articles.get(row.articleId))) {
        let tail = tails.get(term);
        if (!tail) tails.set(term, (tail = []));
        tail.push(key);
        if (tail.length === CHUNK_SIZE) {
          pending.push(makeChunk(term, Float64Array.from(tail)));
          tails.set(term, []);
        }
      }
    }
    await flush(false);
    done += page.length;
    options.onProgress?.({ done, total });
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.seq!;
  }
  for (const [term, tail] of tails) if (tail.length > 0) pending.push(makeChunk(term, Float64Array.from(tail)));
  await flush(true);
}
