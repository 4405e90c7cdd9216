// npm run bench:detect: lib/article vs @mozilla/readability 0.6.0 vs Defuddle 0.19.4, one Chromium, same pages.
// Prints tables per corpus and tune/check half, then (last line) one JSON object with every figure.
// Env: BENCH_ONLY=<corpus,…> runs those corpora; BENCH_LIMIT=<n> takes the first n pages of each corpus;
// BENCH_DUMP=<file.jsonl> writes one JSON line per page (corpus, id, half, each extractor's F1, details).
import { appendFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../../detect/runtime.mjs';
import { startPageServer } from '../../harness/server.mjs';
import { SPLIT_CORPORA, loadPages } from './corpora.mjs';
import { EXTRACTORS, formatTables, overallTimes, summarize } from './report.mjs';
import { quantile, scorePage, snippetNormalize } from './score.mjs';

function syntheticPage(targetNodes) {
  const parts = ['<!doctype html><html><head><meta charset="utf-8"><title>Synthetic</title></head><body>'];
  let nodes = 4;
  parts.push('<nav><ul>');
  for (let i = 0; i < 1500; i++, nodes += 2) parts.push(`<li><a href="/s/${i}">Section ${i}</a></li>`);
  parts.push('</ul></nav><div class="layout">');
  let block = 0;
  while (nodes < targetNodes) {
    parts.push(`<div class="col"><div class="box"><h3>Box ${block}</h3><ul>`);
    for (let i = 0; i < 20; i++) parts.push(`<li><a href="/x/${block}/${i}">Teaser ${i}</a> <span>2022-09-0${(i % 9) + 1}</span></li>`);
    parts.push('</ul></div>');
    parts.push(`<article><h2>Story ${block}</h2><p class="by">By Jane Doe</p>`);
    for (let i = 0; i < 8; i++) parts.push(`<p>Paragraph ${i} of story ${block}, with <b>some</b> <i>inline</i> markup and a <a href="/l">link</a>. It goes on for a while so it reads like prose.</p>`);
    parts.push('</article></div>');
    nodes += 4 + 20 * 3 + 3 + 8 * 4;
    block++;
  }
  parts.push('</div><footer>Copyright</footer></body></html>');
  return parts.join('');
}

/** Each extractor's result as stories { title, author, date, site, text }. */
async function runExtractors(browser, page) {
  const gloss = await browser.detect(page.id, page.url);
  const readability = await browser.readability();
  const defuddle = await browser.defuddle(page.url);
  const outputs = {
    gloss: gloss.articles.map((article) => ({
      title: article.title, author: article.authors.map((author) => author.name).join(', '), date: article.publishedDate,
      // The publication: the site name, else an e-paper's masthead.
      site: article.siteName ?? gloss.edition?.paper ?? null, text: article.paragraphs.join('\n'),
    })),
    readability: [{ title: readability.title, author: readability.byline, date: readability.publishedTime, site: readability.siteName, text: readability.text }],
    defuddle: [{ title: defuddle.title, author: defuddle.author, date: defuddle.published, site: defuddle.site, text: defuddle.text }],
  };
  return { outputs, pageKind: gloss.pageKind, confidence: gloss.confidence, ms: { gloss: gloss.ms, readability: readability.ms, defuddle: defuddle.ms } };
}

/** One dump line: enough to see why a page was missed without rerunning it. */
function dumpLine(page, result, score) {
  const line = {
    corpus: page.corpus, id: page.id, half: page.half, type: page.type, url: page.url, pageKind: result.pageKind, confidence: result.confidence, f1: score.f1, ms: result.ms,
    truth: page.truth.map(({ body, snippets, ...meta }) => meta),
    got: Object.fromEntries(EXTRACTORS.map((name) => [name, result.outputs[name].map(({ text, ...meta }) => ({ ...meta, chars: text.length, start: text.slice(0, 80) }))])),
    rows: score.rows.map((row) => Object.fromEntries(EXTRACTORS.map((name) => [name, { ...row[name], body: row[name].body && { ...row[name].body } }]))),
  };
  const snippets = page.truth[0].snippets;
  if (snippets) {
    const glossText = snippetNormalize(result.outputs.gloss.map((story) => story.text).join('\n'));
    line.glossSnippets = {
      missing: snippets.with.filter((snippet) => !glossText.includes(snippetNormalize(snippet))),
      boilerplate: snippets.without.filter((snippet) => glossText.length && glossText.includes(snippetNormalize(snippet))),
    };
  }
  return JSON.stringify(line);
}

async function syntheticTimes(browser, server) {
  await browser.open(server.add('/synthetic/50k.html', syntheticPage(50_000)));
  const elements = await browser.page.evaluate(() => document.getElementsByTagName('*').length);
  const runs = { gloss: [], readability: [], defuddle: [] };
  for (let run = 0; run < 3; run++) {
    runs.gloss.push((await browser.detect('synthetic', null)).ms);
    runs.readability.push((await browser.readability()).ms);
    runs.defuddle.push((await browser.defuddle(null)).ms);
  }
  return { elements, ...Object.fromEntries(EXTRACTORS.map((name) => [name, quantile(runs[name], 0.5)])) };
}

/** Buckets in print order: each corpus whole, then its tune and check halves (and the Readability news pages). */
function bucketsOf(scored) {
  const buckets = [];
  const push = (label, items) => {
    if (!items.length) return;
    buckets.push([label, 'all', summarize(items)]);
    if (SPLIT_CORPORA.includes(items[0].page.corpus)) {
      for (const half of ['tune', 'check']) buckets.push([label, half, summarize(items.filter((item) => item.page.half === half))]);
    }
  };
  for (const corpus of [...new Set(scored.map((item) => item.page.corpus))]) {
    const items = scored.filter((item) => item.page.corpus === corpus);
    push(corpus, items);
    if (corpus === 'readability') push('readability (news only)', items.filter((item) => item.page.type === 'news'));
  }
  return buckets;
}

async function main() {
  const started = Date.now();
  const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;
  const limit = Number(process.env.BENCH_LIMIT ?? Infinity);
  const dump = process.env.BENCH_DUMP ?? null;
  const pages = loadPages({ only, limit });
  const server = await startPageServer();
  const browser = await launchBrowser();
  const scored = [];
  const failures = [];
  if (dump) writeFileSync(dump, '');
  for (const page of pages) {
    try {
      await browser.open(server.add(page.path, page.bytes, `text/html; charset=${page.charset}`));
      const result = await runExtractors(browser, page);
      const score = scorePage(page.truth, result.outputs);
      scored.push({ page, rows: score.rows, f1: score.f1, ms: result.ms });
      if (dump) appendFileSync(dump, `${dumpLine(page, result, score)}\n`);
    } catch (error) {
      failures.push(`${page.corpus}/${page.id}: ${String(error?.message ?? error).split('\n')[0]}`);
    }
  }
  const synthetic = await syntheticTimes(browser, server);
  await browser.close();
  await server.close();

  const buckets = bucketsOf(scored);
  const overall = overallTimes(scored);
  console.log('bench:detect — Gloss lib/article vs @mozilla/readability 0.6.0 vs defuddle 0.19.4 (same Chromium, same pages)\n');
  console.log(formatTables(buckets, overall, synthetic));
  if (failures.length) console.log(`\nfailed pages (${failures.length}):\n  ${failures.join('\n  ')}`);
  console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const corpora = buckets.map(([corpus, half, figures]) => ({ corpus, half, ...figures }));
  const round = (key, value) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1e4) / 1e4 : value);
  console.log(JSON.stringify({ bench: 'detect', date: new Date().toISOString(), corpora, overall, synthetic, failures }, round));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
