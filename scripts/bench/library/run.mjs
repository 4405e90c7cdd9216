// npm run bench:library: library search and first screen on a generated library
// (default 100,000 highlights over 5,000 articles, Chinese and English) in Chromium
// with real IndexedDB, via a Vite library bundle in .cache/; a naive baseline runs side by side.
// Prints tables, then (last line) one JSON object with the same figures.
// BENCH_HIGHLIGHTS, BENCH_ARTICLES, BENCH_REPS, BENCH_SIZE=0 (skip the v1 size baseline), BENCH_REUSE=1 tune it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from '../../harness/bundle.mjs';
import { launchChromium } from '../../harness/chromium.mjs';
import { ROOT } from '../../harness/paths.mjs';
import { startPageServer } from '../../harness/server.mjs';
import { median, newsSentences, quantile } from '../kit.mjs';

const OUT = join(ROOT, '.cache/bench-library');
const HIGHLIGHTS = Number(process.env.BENCH_HIGHLIGHTS ?? 100_000);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 5_000);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const MEASURE_SIZE = process.env.BENCH_SIZE !== '0';
const TARGET_SEARCH_MS = 50;
const TARGET_FIRST_SCREEN_MS = 150;

const QUERIES = {
  'zh 1 char': ['村', '税', '的'],
  'zh 2 chars': ['治理', '群众', '移民'],
  'zh multi': ['基层治理', '屋场恳谈会', '政务服务中心', '土地权属纠纷'],
  'en 1 char': ['p', 'z'],
  'en word': ['tariffs', 'pollution', 'keyboard', 'president'],
  'en typing': ['polluti', 'macb'],
  'en multi': ['trade war', 'air pollution delhi', 'the company said'],
  mixed: ['china tariffs', '信访 macbook'],
};
const NAIVE_QUERIES = ['基层治理', '治理', 'pollution', 'air pollution delhi'];

async function serve() {
  const script = await bundleEntry({ entry: fileURLToPath(new URL('entry.ts', import.meta.url)), outDir: OUT, fileName: 'bench-library.js' });
  const server = await startPageServer();
  server.add('/', '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="/bench-library.js"></script>');
  server.add('/bench-library.js', readFileSync(script), 'text/javascript; charset=utf-8');
  return server;
}

const ms = (value) => (value === null || value === undefined ? '—' : `${value.toFixed(1)} ms`);
const mb = (bytes) => (bytes === null ? '—' : `${(bytes / 1048576).toFixed(1)} MB`);

async function main() {
  const server = await serve();
  // BENCH_REUSE=1 keeps the seeded profile in .cache/ for the next run (same sizes only).
  const reuse = process.env.BENCH_REUSE === '1';
  const browser = await launchChromium({ profile: reuse ? join(ROOT, '.cache/bench-library-profile') : undefined });
  try {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(0);
    await page.goto(server.origin + '/');
    await page.waitForFunction(() => 'glossBench' in globalThis);
    const run = (name, ...args) => page.evaluate(([n, a]) => globalThis.glossBench[n](...a), [name, args]);

    const seeded = await run('seed', newsSentences(), ARTICLES, HIGHLIGHTS, MEASURE_SIZE && !reuse, reuse);
    if (process.env.BENCH_PRIMITIVES === '1') console.log('primitives', await run('primitives'), await run('primitives'));
    const searched = await run('search', Object.values(QUERIES).flat(), REPS);
    const naive = [];
    for (const query of NAIVE_QUERIES) naive.push({ query, ...(await run('naiveSearch', query)) });
    const screen = await run('firstScreen', REPS * 2);
    const naiveScreen = await run('naiveFirstScreen');
    const extras = await run('extras');
    report({ seeded, searched, naive, screen, naiveScreen, extras });
  } finally {
    await browser.close();
    await server.close();
  }
}

function report({ seeded, searched, naive, screen, naiveScreen, extras }) {
  const categoryOf = (query) => Object.entries(QUERIES).find(([, list]) => list.includes(query))[0];
  console.log(`\nLibrary search, ${seeded.highlights.toLocaleString('en')} highlights / ${ARTICLES.toLocaleString('en')} articles, ${REPS} timed runs each (after one warm-up)\n`);
  console.log('category     query                 plan  matches  median     p95        countMatches');
  for (const row of searched) {
    console.log(
      `${categoryOf(row.query).padEnd(12)} ${row.query.padEnd(20)}  ${row.plan.padEnd(5)} ${String(row.count).padStart(7)}  ${ms(median(row.times)).padEnd(10)} ${ms(quantile(row.times, 0.95)).padEnd(10)} ${ms(row.countMs)}`,
    );
  }
  const all = searched.flatMap((row) => row.times);
  const byCategory = Object.fromEntries(
    Object.keys(QUERIES).map((category) => {
      const times = searched.filter((row) => categoryOf(row.query) === category).flatMap((row) => row.times);
      return [category, { medianMs: median(times), p95Ms: quantile(times, 0.95) }];
    }),
  );
  const search = { medianMs: median(all), p95Ms: quantile(all, 0.95), maxMs: Math.max(...all), targetMs: TARGET_SEARCH_MS };
  console.log(`\nall queries: median ${ms(search.medianMs)}, p95 ${ms(search.p95Ms)}, max ${ms(search.maxMs)} (target ≤ ${TARGET_SEARCH_MS} ms)`);

  console.log('\nnaive baseline (read every row, fold, includes()) vs indexed, same query');
  const naiveRows = naive.map((n) => {
    const indexed = median(searched.find((row) => row.query === n.query).times);
    console.log(`  ${n.query.padEnd(22)} naive ${ms(n.ms).padEnd(11)} indexed ${ms(indexed).padEnd(10)} ×${(n.ms / indexed).toFixed(0)}  (naive found ${n.result.total})`);
    return { query: n.query, naiveMs: n.ms, indexedMs: indexed, naiveTotal: n.result.total };
  });

  const firstScreen = { medianMs: median(screen.times), p95Ms: quantile(screen.times, 0.95), naiveMs: naiveScreen.ms, targetMs: TARGET_FIRST_SCREEN_MS };
  console.log(`\nfirst screen (30 most recent articles + counts): median ${ms(firstScreen.medianMs)}, p95 ${ms(firstScreen.p95Ms)}; naive ${ms(firstScreen.naiveMs)} (target ≤ ${TARGET_FIRST_SCREEN_MS} ms)`);

  const overhead = seeded.v1Bytes ? (seeded.v2Bytes - seeded.v1Bytes) / seeded.v1Bytes : null;
  if (seeded.reused) console.log('\n(seeded profile reused: no seed or size figures)');
  console.log(`\nseed: generate ${ms(seeded.generateMs)}, write with search terms ${ms(seeded.seedMs)}, same rows at schema v1 ${ms(seeded.v1SeedMs)}`);
  console.log(`storage (navigator.storage.estimate): v2 ${mb(seeded.v2Bytes)}, v1 ${mb(seeded.v1Bytes)}, overhead ${overhead === null ? '—' : (overhead * 100).toFixed(0) + '%'}`);
  console.log(`index terms: ${seeded.termEntries.toLocaleString('en')} entries, ${(seeded.termEntries / seeded.highlights).toFixed(1)} per highlight, ${seeded.termChars.toLocaleString('en')} characters`);
  console.log('\nother queries (single run):');
  for (const [name, value] of Object.entries(extras)) console.log(`  ${name.padEnd(16)} ${ms(value)}`);

  console.log(
    JSON.stringify({
      highlights: seeded.highlights, articles: ARTICLES, reps: REPS,
      search, byCategory,
      queries: searched.map((row) => ({ query: row.query, plan: row.plan, matches: row.count, medianMs: median(row.times), p95Ms: quantile(row.times, 0.95), countMs: row.countMs })),
      naive: naiveRows, firstScreen,
      seed: { generateMs: seeded.generateMs, seedMs: seeded.seedMs, v1SeedMs: seeded.v1SeedMs },
      storage: { v2Bytes: seeded.v2Bytes, v1Bytes: seeded.v1Bytes, overhead, termEntries: seeded.termEntries, termChars: seeded.termChars },
      extras,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
