/**
 * Browser side of `npm run bench:library`: seeds a real IndexedDB with the
 * generated library and times the library's queries against a naive
 * baseline (load every row, `includes()`), in the same page.
 */
import Dexie from 'dexie';
import { declareSchema, openDatabase } from '@/lib/db/database';
import type { GlossDatabase } from '@/lib/model/database';
import { SCHEMA_VERSIONS } from '@/lib/db/schema';
import { rowsFor, tagMaps } from '@/lib/db/tag-maps';
import {
  activityByPeriod, countMatches, foldText, recentArticles, searchHighlights, topTags,
} from '@/lib/search';
import { generateLibrary, type Corpus } from './data';

const BATCH = 2000;

async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

async function fill(db: Dexie, articles: readonly object[], highlights: readonly object[]): Promise<void> {
  for (let i = 0; i < articles.length; i += BATCH) await db.table('articles').bulkAdd(articles.slice(i, i + BATCH));
  for (let i = 0; i < highlights.length; i += BATCH) await db.table('highlights').bulkAdd(highlights.slice(i, i + BATCH));
}

let library: ReturnType<typeof generateLibrary> | null = null;
let db: GlossDatabase | null = null;

async function seed(corpus: Corpus, articleCount: number, highlightCount: number, withBaselineDb: boolean, reuse: boolean) {
  if (reuse && (await Dexie.exists('bench-v2'))) {
    // A kept profile (BENCH_REUSE=1): time the queries again without re-seeding.
    db = openDatabase('bench-v2');
    const highlights = await db.highlights.count();
    if (highlights === highlightCount) {
      return { generateMs: null, seedMs: null, v1SeedMs: null, v1Bytes: null, v2Bytes: null, termEntries: 0, termChars: 0, highlights, reused: true };
    }
    await db.delete();
  }
  let started = performance.now();
  library = generateLibrary(corpus, articleCount, highlightCount);
  const generateMs = performance.now() - started;
  const base = await usage();
  let v1SeedMs: number | null = null;
  let v1Bytes: number | null = null;
  if (withBaselineDb) {
    // The same rows with schema v1 (no search terms, no hooks): the size and time to compare with.
    const v1 = new Dexie('bench-v1');
    declareSchema(v1, SCHEMA_VERSIONS.filter((v) => v.version === 1));
    started = performance.now();
    await fill(v1, structuredClone(library.articles), structuredClone(library.highlights));
    v1SeedMs = performance.now() - started;
    v1.close();
    v1Bytes = (await usage()) - base;
  }
  const before = await usage();
  db = openDatabase('bench-v2');
  started = performance.now();
  // Rows as schema v3 stores them: tag ids (the tags are created first).
  const rows = await rowsFor(db, library);
  await fill(db, rows.articles, rows.highlights);
  const seedMs = performance.now() - started;
  const v2Bytes = (await usage()) - before;
  let termEntries = 0;
  let termChars = 0;
  await db.highlights.each((row) => {
    const terms = (row as { searchTerms?: string[] }).searchTerms ?? [];
    termEntries += terms.length;
    for (const term of terms) termChars += term.length;
  });
  const articleRows = await db.articles.toArray();
  for (const row of articleRows as { searchTerms?: string[] }[]) termEntries += row.searchTerms?.length ?? 0;
  return { generateMs, seedMs, v1SeedMs, v1Bytes, v2Bytes, termEntries, termChars, highlights: await db.highlights.count() };
}

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

async function search(queries: string[], reps: number) {
  const out = [];
  for (const query of queries) {
    const times: number[] = [];
    let total: number | null = null;
    let plan = '';
    let shown = 0;
    for (let i = 0; i < reps + 1; i++) {
      const { ms, result } = await time(() => searchHighlights(db!, { query, limit: 50 }));
      if (i > 0) times.push(ms); // the first run warms caches
      total = result.total;
      plan = result.plan;
      shown = result.items.length;
    }
    const count = await time(() => countMatches(db!, { query }));
    out.push({ query, times, total, plan, shown, countMs: count.ms, count: count.result });
  }
  return out;
}

/** The baseline: read every highlight and article, fold, `includes()`, sort, page. */
async function naiveSearch(query: string) {
  return time(async () => {
    const [highlights, articles, { nameOf }] = await Promise.all([db!.highlights.toArray(), db!.articles.toArray(), tagMaps(db!)]);
    const articleText = new Map(articles.map((a) => [a.id, foldText([a.title, a.kicker, a.subtitle, a.siteName, ...a.authors.map((p) => p.name)].join('\n'))]));
    const words = foldText(query).split(/\s+/u).filter(Boolean);
    const hits = highlights.filter((h) => {
      const text = foldText([h.selectors.quote.exact, h.note, ...h.tagIds.map((id) => nameOf(id) ?? '')].join('\n')) + '\n' + (articleText.get(h.articleId) ?? '');
      return words.every((w) => text.includes(w));
    });
    hits.sort((a, b) => b.createdAt - a.createdAt);
    return { total: hits.length, page: hits.slice(0, 50).length };
  });
}

async function firstScreen(reps: number) {
  const times: number[] = [];
  let shown = 0;
  for (let i = 0; i < reps + 1; i++) {
    const { ms, result } = await time(() => recentArticles(db!, { limit: 30 }));
    if (i > 0) times.push(ms);
    shown = result.items.length;
  }
  return { times, shown };
}

async function naiveFirstScreen() {
  return time(async () => {
    const [articles, highlights] = await Promise.all([db!.articles.toArray(), db!.highlights.toArray()]);
    const counts = new Map<string, number>();
    for (const h of highlights) counts.set(h.articleId, (counts.get(h.articleId) ?? 0) + 1);
    return articles.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, 30).map((a) => ({ a, count: counts.get(a.id) }));
  });
}

/** Costs of the IndexedDB reads the planner chooses between, on this library. */
async function primitives() {
  const h = db!.highlights;
  const some = (await h.limit(1000).primaryKeys()) as string[];
  return {
    allIdsByCreatedAt: (await time(() => h.orderBy('createdAt').primaryKeys())).ms,
    countAll: (await time(() => h.count())).ms,
    countCreatedAtRange: (await time(() => h.where('createdAt').above(0).count())).ms,
    keys20kFromTermIndex: (await time(() => h.where('searchTerms').above('').limit(20000).primaryKeys())).ms,
    count20kTermRange: (await time(() => h.where('searchTerms').between('a', 'c').count())).ms,
    bulkGet1000: (await time(() => h.bulkGet(some))).ms,
    getAll1000: (await time(() => h.limit(1000).toArray())).ms,
    keyCursor10k: (await time(() => h.orderBy('createdAt').limit(10000).eachPrimaryKey(() => {}))).ms,
  };
}

async function extras() {
  return {
    filterTagPage: (await time(() => searchHighlights(db!, { filters: { tags: ['politics'] } }))).ms,
    filterSitePage: (await time(() => searchHighlights(db!, { filters: { sites: ['Reuters'] }, sort: 'published' }))).ms,
    orphansPage: (await time(() => searchHighlights(db!, { filters: { statuses: ['orphan'] } }))).ms,
    activityWeeks: (await time(() => activityByPeriod(db!, 'week'))).ms,
    activityMonths: (await time(() => activityByPeriod(db!, 'month'))).ms,
    topTags: (await time(() => topTags(db!, 10))).ms,
  };
}

Object.assign(globalThis, { glossBench: { seed, search, naiveSearch, firstScreen, naiveFirstScreen, extras, primitives } });
