// bench:anchor: anchoring and painting speed and re-anchoring accuracy in a real Chromium,
// Gloss side by side with exact-match-only and a Hypothesis-style matcher; then the
// content script's cost on a page without highlights and its gzipped size.
// Run after `npx wxt build` (for the content-script part), under the shared lock:
//   flock /tmp/gloss-e2e.lock npm run bench:anchor
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleEntry } from '../../harness/bundle.mjs';
import { launchChromium } from '../../harness/chromium.mjs';
import { CHROME_DIST, ROOT, SHARED } from '../../harness/paths.mjs';
import { startPageServer } from '../../harness/server.mjs';
import { edit, makeArticle, pickHighlights, random, render, sourceParagraphs, truthIn } from './data.mjs';
import { editNearDuplicates, nearDuplicateArticle } from './near.mjs';

const OUT = join(ROOT, '.cache/bench-anchor');
// GLOSS_DIST measures another build's content script (e.g. an older commit's) the same way.
const DIST = process.env.GLOSS_DIST ?? CHROME_DIST;
const ONLY_CONTENT = process.env.BENCH_ONLY === 'content';
const REPS = Number(process.env.BENCH_REPS ?? 5);
const EDITED_VERSIONS = Number(process.env.BENCH_EDITS ?? 3);
const METHODS = ['gloss', 'exact-only', 'hypothesis-style'];

async function bundle() {
  return readFileSync(
    await bundleEntry({ entry: fileURLToPath(new URL('entry.mjs', import.meta.url)), outDir: OUT, fileName: 'bench-anchor.js', format: 'iife', name: 'glossBenchBundle', minify: true }),
    'utf8',
  );
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** @param {Map<string, string>} pages  path → HTML */
async function serve(pages) {
  const server = await startPageServer();
  for (const [path, html] of pages) server.add(path, html);
  return server;
}

const launch = (extension) => launchChromium({ extension, dist: DIST });

async function openBenchPage(context, url, script) {
  const page = await context.newPage();
  await page.goto(url);
  await page.addScriptTag({ content: script });
  return page;
}

/** Sorts each result against the truth: exact, fuzzy, orphan, wrong. */
function classify(results, truths) {
  const counts = { anchored: 0, fuzzy: 0, orphan: 0, orphanButTextSurvived: 0, orphanPassageGone: 0, wrong: 0 };
  results.forEach((r, i) => {
    const truth = truths[i];
    if (r.status === 'orphan') {
      counts.orphan++;
      if (truth && truth.survived >= 0.8) counts.orphanButTextSurvived++;
      if (!truth) counts.orphanPassageGone++;
      return;
    }
    const overlap = truth ? Math.min(r.end, truth.end) - Math.max(r.start, truth.start) : 0;
    const right = truth && overlap >= 0.5 * Math.min(r.end - r.start, truth.end - truth.start);
    if (!right) counts.wrong++;
    else if (r.status === 'anchored') counts.anchored++;
    else counts.fuzzy++;
  });
  return counts;
}

async function anchoringBench(script) {
  const article = makeArticle(sourceParagraphs(SHARED));
  const original = render(article);
  const highlights = pickHighlights(article, 1000, random(1));
  const pages = new Map([['/original.html', original.html]]);
  const versions = [];
  for (let v = 0; v < EDITED_VERSIONS; v++) {
    const edited = edit(article, random(100 + v));
    const rendered = render(edited, random(200 + v));
    pages.set(`/edited-${v}.html`, rendered.html);
    versions.push({ text: rendered.text, truths: truthIn(edited, highlights) });
  }
  const near = nearDuplicatePages();
  for (const [path, html] of near.pages) pages.set(path, html);
  const server = await serve(pages);
  const browser = await launch(false);
  try {
    const page = await openBenchPage(browser.context, `${server.origin}/original.html`, script);
    if ((await page.evaluate(() => glossBench.articleText())) !== original.text) throw new Error('the page text is not the generated text');
    const selectors = await page.evaluate((spans) => glossBench.describeSpans(spans), highlights.map(({ start, end }) => ({ start, end })));
    const timing = { original1000: {}, edited100: {} };
    for (const method of METHODS) {
      const runs = [];
      for (let r = 0; r < REPS; r++) runs.push(await page.evaluate(([m, list]) => glossBench.run(m, list), [method, selectors]));
      timing.original1000[method] = { ms: median(runs.map((x) => x.ms)), msThroughFrame: median(runs.map((x) => x.msThroughFrame)) };
      const found = runs[0].results.filter((x) => x.status === 'anchored').length;
      timing.original1000[method].anchored = found;
    }
    await page.close();

    const accuracy = emptyCounts();
    const editedRuns = Object.fromEntries(METHODS.map((m) => [m, []]));
    let total = 0;
    for (let v = 0; v < versions.length; v++) {
      const edited = await openBenchPage(browser.context, `${server.origin}/edited-${v}.html`, script);
      if ((await edited.evaluate(() => glossBench.articleText())) !== versions[v].text) throw new Error('edited page text mismatch');
      for (const method of METHODS) {
        const first100 = selectors.slice(0, 100);
        for (let r = 0; r < REPS; r++) editedRuns[method].push((await edited.evaluate(([m, list]) => glossBench.run(m, list), [method, first100])).ms);
        const all = await edited.evaluate(([m, list]) => glossBench.run(m, list), [method, selectors]);
        const counts = classify(all.results, versions[v].truths);
        for (const key of Object.keys(counts)) accuracy[method][key] += counts[key];
      }
      total += selectors.length;
      await edited.close();
    }
    for (const method of METHODS) timing.edited100[method] = { ms: median(editedRuns[method]) };
    const gone = versions.reduce((n, v) => n + v.truths.filter((t) => !t).length, 0);
    const nearDuplicates = await nearDuplicateBench(browser.context, server.origin, script, near);
    return { textLength: original.text.length, paragraphs: article.length, timing, accuracy, accuracyTotal: total, passagesRemoved: gone, nearDuplicates };
  } finally {
    await browser.close();
    await server.close();
  }
}

const emptyCounts = () => Object.fromEntries(METHODS.map((m) => [m, { anchored: 0, fuzzy: 0, orphan: 0, orphanButTextSurvived: 0, orphanPassageGone: 0, wrong: 0 }]));

/** Near-duplicate passages: the original page and its edited copies, with the truth for each highlight. */
function nearDuplicatePages() {
  const near = nearDuplicateArticle();
  const original = render(near.article, random(300));
  const pages = new Map([['/near-original.html', original.html]]);
  const versions = [];
  for (let v = 0; v < EDITED_VERSIONS; v++) {
    const edited = editNearDuplicates(near, random(400 + v));
    const rendered = render(edited, random(500 + v));
    pages.set(`/near-edited-${v}.html`, rendered.html);
    versions.push({ text: rendered.text, truths: truthIn(edited, near.highlights) });
  }
  return { pages, spans: truthIn(near.article, near.highlights), original, versions };
}

async function nearDuplicateBench(context, origin, script, nearDuplicates) {
  const page = await openBenchPage(context, `${origin}/near-original.html`, script);
  if ((await page.evaluate(() => glossBench.articleText())) !== nearDuplicates.original.text) throw new Error('near-duplicate page text mismatch');
  const selectors = await page.evaluate((spans) => glossBench.describeSpans(spans), nearDuplicates.spans.map(({ start, end }) => ({ start, end })));
  await page.close();
  const accuracy = emptyCounts();
  for (let v = 0; v < nearDuplicates.versions.length; v++) {
    const edited = await openBenchPage(context, `${origin}/near-edited-${v}.html`, script);
    if ((await edited.evaluate(() => glossBench.articleText())) !== nearDuplicates.versions[v].text) throw new Error('near-duplicate edited text mismatch');
    for (const method of METHODS) {
      const all = await edited.evaluate(([m, list]) => glossBench.run(m, list), [method, selectors]);
      const counts = classify(all.results, nearDuplicates.versions[v].truths);
      for (const key of Object.keys(counts)) accuracy[method][key] += counts[key];
    }
    await edited.close();
  }
  const deleted = nearDuplicates.versions.reduce((n, v) => n + v.truths.filter((t) => !t).length, 0);
  return { accuracy, total: selectors.length * nearDuplicates.versions.length, passagesDeleted: deleted };
}

/** Main-thread script and task time of a plain article page, with and without the built extension (no highlights stored). */
async function contentScriptCost() {
  if (!existsSync(join(DIST, 'manifest.json'))) return null;
  const html = render(makeArticle(sourceParagraphs(SHARED))).html;
  const server = await serve(new Map([['/plain.html', html]]));
  const measure = async (extension) => {
    const browser = await launch(extension);
    const samples = [];
    try {
      for (let r = 0; r < REPS; r++) {
        const page = await browser.context.newPage();
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.goto(`${server.origin}/plain.html?r=${r}`);
        await page.waitForTimeout(1500);
        const { metrics } = await cdp.send('Performance.getMetrics');
        const get = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
        samples.push({ script: get('ScriptDuration') * 1000, task: get('TaskDuration') * 1000 });
        await page.close();
      }
    } finally {
      await browser.close();
    }
    return { script: median(samples.map((s) => s.script)), task: median(samples.map((s) => s.task)) };
  };
  try {
    const without = await measure(false);
    const withExtension = await measure(true);
    return { scriptMsWithout: without.script, scriptMsWith: withExtension.script, addedScriptMs: withExtension.script - without.script, taskMsWithout: without.task, taskMsWith: withExtension.task };
  } finally {
    await server.close();
  }
}

/** Gzipped bytes of a built file, or null when it is not built. */
function gzipOf(path) {
  const file = join(DIST, path);
  return existsSync(file) ? gzipSync(readFileSync(file)).length : null;
}

// Every page loads the loader; the session only on pages with highlights, a selection, or a panel's question.
const gzipBytes = gzipOf('content-loader.js');
const sessionGzipBytes = gzipOf('content-session.js');
if (ONLY_CONTENT) {
  const cost = await contentScriptCost();
  console.log(`content script of ${DIST}: +${cost ? round(cost.addedScriptMs) : '?'} ms script time on a page with no highlights; loader ${gzipBytes} bytes gzipped, session ${sessionGzipBytes}`);
  console.log(JSON.stringify({ bench: 'anchor-content', dist: DIST, reps: REPS, contentScript: cost, contentScriptGzipBytes: gzipBytes, sessionGzipBytes }));
  process.exit(0);
}
const script = await bundle();
const anchoring = await anchoringBench(script);
const cost = await contentScriptCost();

console.log(`\nbench:anchor — ${anchoring.paragraphs}-paragraph article, ${anchoring.textLength} characters; median of ${REPS} runs (2 shared cores: compare ratios)\n`);
console.log('method            | 1000 on original: anchor+paint ms (through next frame) | 100 on edited: ms');
for (const m of METHODS) {
  const o = anchoring.timing.original1000[m];
  console.log(`${m.padEnd(17)} | ${String(round(o.ms)).padStart(8)} (${round(o.msThroughFrame)})${' '.repeat(32)} | ${round(anchoring.timing.edited100[m].ms)}`);
}
console.log(`\nre-anchoring on ${EDITED_VERSIONS} edited copies × 1000 highlights = ${anchoring.accuracyTotal} (passages removed: ${anchoring.passagesRemoved})`);
console.log('method            | exact | fuzzy | orphan (text survived ≥80%) | WRONG');
for (const m of METHODS) {
  const a = anchoring.accuracy[m];
  console.log(`${m.padEnd(17)} | ${String(a.anchored).padStart(5)} | ${String(a.fuzzy).padStart(5)} | ${String(a.orphan).padStart(6)} (${a.orphanButTextSurvived}) | ${a.wrong}`);
}
const nd = anchoring.nearDuplicates;
console.log(`\nnear-duplicate passages (log entries, list items, a sentence template, table rows): ${nd.total} highlights on ${EDITED_VERSIONS} edited copies, ${nd.passagesDeleted} of them deleted (truth: orphan)`);
console.log('method            | exact | fuzzy | orphan (passage deleted) | WRONG');
for (const m of METHODS) {
  const a = nd.accuracy[m];
  console.log(`${m.padEnd(17)} | ${String(a.anchored).padStart(5)} | ${String(a.fuzzy).padStart(5)} | ${String(a.orphan).padStart(6)} (${a.orphanPassageGone}) | ${a.wrong}`);
}
if (cost) {
  console.log(`\ncontent script on a page with no highlights: script time ${round(cost.scriptMsWith)} ms with Gloss vs ${round(cost.scriptMsWithout)} ms without → +${round(cost.addedScriptMs)} ms (target ≤ 5)`);
} else {
  console.log('\ncontent script cost: skipped (no build in .output/chrome-mv3: run npx wxt build first)');
}
console.log(`content script loader: ${gzipBytes === null ? 'not built' : `${gzipBytes} bytes gzipped (target ≤ 5120)`}; session, loaded on demand: ${sessionGzipBytes ?? 'not built'} bytes gzipped`);
console.log(JSON.stringify({ bench: 'anchor', reps: REPS, ...anchoring, contentScript: cost, contentScriptGzipBytes: gzipBytes, sessionGzipBytes }));
