// npm run bench:library: the library at scale, schema v2 (the reference commit) and the current tree side by side,
// in one Chromium run with real IndexedDB. What each figure means: README.md beside this file.
// BENCH_HIGHLIGHTS (100000), BENCH_ARTICLES (5000), BENCH_REPS (7), BENCH_SIDES (v2,v3), BENCH_ROWS=0 (skip the
// rows-alone baseline), BENCH_REFERENCE (2de92e7), BENCH_V3_TREE (the tree bundled as "v3"; default this one).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from '../../harness/bundle.mjs';
import { launchChromium } from '../../harness/chromium.mjs';
import { ROOT } from '../../harness/paths.mjs';
import { startPageServer } from '../../harness/server.mjs';
import { newsSentences } from '../kit.mjs';
import { report } from './report.mjs';

const HIGHLIGHTS = Number(process.env.BENCH_HIGHLIGHTS ?? 100_000);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 5_000);
const REPS = Number(process.env.BENCH_REPS ?? 7);
const SIDES = (process.env.BENCH_SIDES ?? 'v2,v3').split(',').map((s) => s.trim());
const REFERENCE = process.env.BENCH_REFERENCE ?? '2de92e7';
const REFERENCE_TREE = join(ROOT, '.cache/bench-reference');
const OUT = join(ROOT, '.cache/bench-library');

// The rename/merge figure is for a tag on 10,000 highlights; smaller libraries get a fifth of their highlights.
const CARRIED = { name: 'bench/carried', count: Math.min(10_000, Math.floor(HIGHLIGHTS / 5)) };
const RENAMED = 'bench/renamed';
const MERGED_INTO = 'quotes';

/** label → [query, filters]: one of each kind the issue names. */
export const QUERIES = {
  'en common': ['said', {}],
  'en rare': ['court', {}],
  'zh 2 chars': ['群众', {}],
  'zh 4 chars': ['水库移民', {}],
  'half-typed': ['polluti', {}],
  'tag + colour': ['said', { tags: ['politics'], colors: ['yellow'] }],
};

for (const side of SIDES) if (side !== 'v2' && side !== 'v3') throw new Error(`BENCH_SIDES: unknown side "${side}" (v2, v3)`);

const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** A worktree of the reference commit under .cache/ (git-ignored), made once, checked out again if the commit changed. */
function referenceTree() {
  const commit = git(ROOT, 'rev-parse', '--verify', `${REFERENCE}^{commit}`);
  if (!existsSync(join(REFERENCE_TREE, '.git'))) {
    git(ROOT, 'worktree', 'prune');
    git(ROOT, 'worktree', 'add', '--detach', REFERENCE_TREE, commit);
  } else if (git(REFERENCE_TREE, 'rev-parse', 'HEAD') !== commit) {
    git(REFERENCE_TREE, 'checkout', '--quiet', '--detach', commit);
  }
  // Its sources import packages and extend .wxt/tsconfig.json: the same node_modules, and WXT's generated files.
  if (!existsSync(join(REFERENCE_TREE, 'node_modules'))) symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(REFERENCE_TREE, 'node_modules'));
  if (!existsSync(join(REFERENCE_TREE, '.wxt/tsconfig.json'))) execFileSync('npx', ['wxt', 'prepare'], { cwd: REFERENCE_TREE, stdio: 'ignore' });
  return REFERENCE_TREE;
}

async function bundle(side) {
  const tree = side === 'v2' ? referenceTree() : resolve(ROOT, process.env.BENCH_V3_TREE ?? '.');
  const entry = fileURLToPath(new URL('entry.ts', import.meta.url));
  const file = await bundleEntry({ entry, outDir: join(OUT, side), fileName: 'bench-library.js', alias: { '@': tree } });
  return { tree, code: readFileSync(file) };
}

/**
 * Each side (and the rows-alone baseline) gets its own origin, so navigator.storage.estimate counts its database
 * alone; v2 and v3 are also different sites (127.0.0.1, localhost), so each has its own renderer process and heap.
 */
async function servePage(code, host) {
  const server = await startPageServer();
  server.add('/', '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="/bench-library.js"></script>');
  server.add('/bench-library.js', code, 'text/javascript; charset=utf-8');
  return { server, url: server.origin.replace('127.0.0.1', host) + '/' };
}

async function openSide(context, url) {
  const page = await context.newPage();
  page.setDefaultTimeout(0);
  await page.goto(url);
  await page.waitForFunction(() => 'glossBench' in globalThis);
  return {
    page,
    // Dexie's errors reach Node as a bare "DexieError": their name and message are passed on by hand.
    run: (name, ...args) => page.evaluate(([n, a]) => globalThis.glossBench[n](...a).catch((error) => {
      throw new Error(`${n}: ${error?.name}: ${error?.message}`);
    }), [name, args]),
  };
}

/** Calls `name` reps + 1 times on each side, alternating sides so that the machine's load falls on both alike. */
async function repeated(sides, name, args = [], reps = REPS) {
  const runs = Object.fromEntries(sides.map(([side]) => [side, []]));
  for (let i = 0; i < reps + 1; i++) {
    for (const [side, bench] of i % 2 ? [...sides].reverse() : sides) runs[side].push(await bench.run(name, ...args));
  }
  // The first run of each warms caches and is not timed.
  return Object.fromEntries(Object.entries(runs).map(([side, list]) => [side, list.slice(1)]));
}

async function heapAfterGc(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return page.evaluate(() => /** @type {any} */ (performance).memory.usedJSHeapSize);
}

async function main() {
  const size = { corpus: newsSentences(), articles: ARTICLES, highlights: HIGHLIGHTS, options: { carriedTag: CARRIED } };
  const bundles = {};
  for (const side of SIDES) bundles[side] = await bundle(side);
  const servers = [];
  // Precise memory figures, and one process per site whatever the build's default.
  const browser = await launchChromium({ args: ['--enable-precise-memory-info', '--site-per-process'] });
  const { context } = browser;
  try {
    let rowsAlone = null;
    if (process.env.BENCH_ROWS !== '0') {
      const { server, url } = await servePage(bundles[SIDES.at(-1)].code, '127.0.0.1');
      servers.push(server);
      const bench = await openSide(context, url);
      rowsAlone = await bench.run('rowsAlone', size);
      await bench.page.close();
    }
    const sides = [];
    const restored = {};
    const backups = {};
    for (const side of SIDES) {
      const { server, url } = await servePage(bundles[side].code, side === 'v2' ? '127.0.0.1' : 'localhost');
      servers.push(server);
      const bench = await openSide(context, url);
      // Restores one side at a time: two bulk writes at once would each slow the other.
      restored[side] = await bench.run('restore', size);
      backups[side] = await bench.run('backup');
      sides.push([side, bench]);
    }
    const searches = {};
    for (const [label, [query, filters]] of Object.entries(QUERIES)) {
      searches[label] = { query, filters, runs: await repeated(sides, 'search', [query, filters]), counts: {} };
      for (const [side, bench] of sides) searches[label].counts[side] = await bench.run('count', query, filters);
    }
    // The first screen is what every opening of the panel waits for: twice the repetitions.
    const firstScreens = await repeated(sides, 'firstScreen', [], REPS * 2);
    const overviews = await repeated(sides, 'overview');
    const heap = {};
    for (const [side, bench] of sides) heap[side] = await heapAfterGc(context, bench.page);
    const retags = {};
    // The last step: a side whose tag code fails here still gets its other figures printed.
    for (const [side, bench] of sides) retags[side] = await bench.run('retag', CARRIED.name, RENAMED, MERGED_INTO).catch((error) => ({ error: error.message.split('\n')[0] }));
    report({
      sides: SIDES, trees: Object.fromEntries(SIDES.map((side) => [side, bundles[side].tree])), reference: REFERENCE,
      highlights: HIGHLIGHTS, articles: ARTICLES, reps: REPS, carried: CARRIED,
      rowsAlone, restored, backups, searches, firstScreens, overviews, heap, retags,
    });
  } finally {
    await browser.close();
    for (const server of servers) await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
