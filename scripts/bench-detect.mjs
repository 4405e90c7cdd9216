// npm run bench:detect: lib/article vs @mozilla/readability 0.6.0, same Chromium, same pages.
// Prints a table per corpus, then (last line) one JSON object with the same figures.
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { ROOT, launchBrowser, pathOf, sniffCharset, startPageServer } from './detect-runtime.mjs';
import { authorMatches, dateMatches, htmlToText, mean, prf, quantile, titleMatches } from './bench-detect-score.mjs';

const SHARED = join(ROOT, '../shared');
const CORPUS = join(SHARED, 'corpus');
const limit = Number(process.env.BENCH_LIMIT ?? Infinity);
// Diagnosis: BENCH_ONLY=<corpus> runs one corpus; BENCH_DUMP=<file> writes one JSON line per page.
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;
const dump = process.env.BENCH_DUMP ?? null;

/** Each page: { corpus, id, bytes, charset, path, url, truth: [{ title, author, date, body }], type } */
function loadPages() {
  const pages = [];
  const readability = join(CORPUS, 'readability');
  const index = JSON.parse(readFileSync(join(readability, 'index.json'), 'utf8'));
  for (const entry of index.pages.slice(0, limit)) {
    const dir = join(readability, entry.name);
    if (!existsSync(join(dir, 'source.html'))) continue;
    const meta = existsSync(join(dir, 'expected-metadata.json')) ? JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) : {};
    const bytes = readFileSync(join(dir, 'source.html'));
    pages.push({
      corpus: 'readability', id: entry.name, type: entry.type, bytes, charset: 'utf-8', path: `/${entry.name}/test/page.html`, url: null,
      truth: [{ title: meta.title ?? null, author: meta.byline ?? null, date: meta.publishedTime ?? null, body: htmlToText(readFileSync(join(dir, 'expected.html'), 'utf8')) }],
    });
  }
  const zyte = join(CORPUS, 'scrapinghub-dev');
  const zyteTruth = JSON.parse(readFileSync(join(zyte, 'ground-truth.json'), 'utf8'));
  for (const [id, truth] of Object.entries(zyteTruth).slice(0, limit)) {
    const bytes = gunzipSync(readFileSync(join(zyte, 'html', `${id}.html.gz`)));
    pages.push({ corpus: 'scrapinghub-dev', id, type: 'news', bytes, charset: 'utf-8', path: `/${id.slice(0, 8)}${pathOf(truth.url, '/page.html')}`, url: truth.url, truth: [{ title: null, author: null, date: null, body: truth.articleBody }] });
  }
  const cwce = join(CORPUS, 'cwce-dev');
  for (const id of readdirSync(cwce).filter((name) => existsSync(join(cwce, name, 'ground-truth.json'))).slice(0, limit)) {
    const truth = JSON.parse(readFileSync(join(cwce, id, 'ground-truth.json'), 'utf8'));
    const bytes = readFileSync(join(cwce, id, 'source.html'));
    const charset = /^(gb2312|gbk|gb18030|utf-8)/i.exec(truth.sourceEncoding ?? '')?.[1]?.toLowerCase() ?? sniffCharset(bytes);
    pages.push({ corpus: 'cwce-dev', id, type: 'news', bytes, charset, path: `/${id.slice(0, 8)}${pathOf(truth.url, '/page.html')}`, url: truth.url, truth: [{ title: null, author: truth.author, date: truth.date, body: truth.content }] });
  }
  const fixtures = join(SHARED, 'fixtures/news-zh');
  for (const file of readdirSync(fixtures).filter((name) => name.endsWith('.expected.json'))) {
    const expected = JSON.parse(readFileSync(join(fixtures, file), 'utf8'));
    pages.push({
      corpus: 'news-zh', id: expected.fixture, type: 'news', bytes: readFileSync(join(fixtures, expected.fixture)), charset: 'utf-8', path: pathOf(expected.url, `/${expected.fixture}`), url: expected.url,
      truth: expected.articles.map((article) => ({
        title: article.title, author: article.authors.map((author) => author.name).join(', ') || null, date: article.publishedDate, body: article.paragraphs.join('\n'),
      })),
    });
  }
  return pages;
}

/** Our story for one expected story: same title if any matches, else by order. */
function pickStory(json, truth, index) {
  const articles = json.articles;
  return articles.find((article) => titleMatches(article.title, truth.title)) ?? articles[index] ?? null;
}

function scorePage(page, gloss, readability) {
  const rows = [];
  page.truth.forEach((truth, index) => {
    const story = pickStory(gloss, truth, index);
    const glossBody = page.truth.length > 1 ? story?.paragraphs.join('\n') ?? '' : gloss.articles.flatMap((article) => article.paragraphs).join('\n');
    rows.push({
      gloss: {
        title: titleMatches(story?.title, truth.title),
        author: authorMatches(story?.authors.map((author) => author.name).join(', '), truth.author),
        date: dateMatches(story?.publishedDate, truth.date),
        body: prf(glossBody, truth.body),
      },
      readability: {
        title: titleMatches(readability.title, truth.title),
        author: authorMatches(readability.byline, truth.author),
        date: dateMatches(readability.publishedTime, truth.date),
        body: prf(readability.text, truth.body),
      },
    });
  });
  return rows;
}

function summarize(rows, times, who) {
  const pick = (field) => rows.map((row) => row[who][field]).filter((value) => value !== null && value !== undefined);
  const rate = (field) => {
    const values = pick(field);
    return { n: values.length, rate: values.length ? values.filter(Boolean).length / values.length : null };
  };
  const bodies = pick('body');
  return {
    title: rate('title'), author: rate('author'), date: rate('date'),
    bodyN: bodies.length,
    precision: mean(bodies.map((body) => body.precision)), recall: mean(bodies.map((body) => body.recall)), f1: mean(bodies.map((body) => body.f1)),
    medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95),
  };
}

export function syntheticPage(targetNodes) {
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

const fmt = (value, digits = 3) => (value === null || value === undefined ? '–' : typeof value === 'number' ? value.toFixed(digits) : String(value));
const pct = (rate) => (rate.rate === null ? '–' : `${(rate.rate * 100).toFixed(1)}% (${rate.n})`);

async function main() {
  const started = Date.now();
  const pages = loadPages();
  const server = await startPageServer();
  const browser = await launchBrowser();
  const perCorpus = new Map();
  const add = (key, page, rows, glossMs, readabilityMs) => {
    const bucket = perCorpus.get(key) ?? { pages: 0, rows: [], glossMs: [], readabilityMs: [], kinds: {} };
    bucket.pages++;
    bucket.rows.push(...rows);
    bucket.glossMs.push(glossMs);
    bucket.readabilityMs.push(readabilityMs);
    perCorpus.set(key, bucket);
  };
  const failures = [];
  if (dump) writeFileSync(dump, '');
  for (const page of pages.filter((page) => !only || only.includes(page.corpus))) {
    try {
      await browser.open(server.add(page.path, page.bytes, page.charset));
      const gloss = await browser.detect(page.id, page.url);
      const readability = await browser.readability();
      const rows = scorePage(page, gloss, readability);
      if (dump) {
        const summary = { corpus: page.corpus, id: page.id, type: page.type, pageKind: gloss.pageKind, confidence: gloss.confidence, ms: gloss.ms, rows, truth: page.truth.map(({ body, ...rest }) => rest),
          got: gloss.articles.map((article) => ({ title: article.title, authors: article.authors, date: article.publishedDate })), readability: { title: readability.title, byline: readability.byline, date: readability.publishedTime } };
        appendFileSync(dump, `${JSON.stringify(summary)}\n`);
      }
      add(page.corpus, page, rows, gloss.ms, readability.ms);
      if (page.corpus === 'readability' && page.type === 'news') add('readability (news only)', page, rows, gloss.ms, readability.ms);
      add('ALL', page, rows, gloss.ms, readability.ms);
    } catch (error) {
      failures.push(`${page.corpus}/${page.id}: ${String(error?.message ?? error).split('\n')[0]}`);
    }
  }
  // The 50,000-node page: median of 3 runs each.
  const html = syntheticPage(50_000);
  await browser.open(server.add('/synthetic/50k.html', Buffer.from(html), 'utf-8'));
  const nodeCount = await browser.page.evaluate(() => document.getElementsByTagName('*').length);
  const glossRuns = [];
  const readabilityRuns = [];
  for (let run = 0; run < 3; run++) {
    glossRuns.push((await browser.detect('synthetic', null)).ms);
    readabilityRuns.push((await browser.readability()).ms);
  }
  await browser.close();
  await server.close();

  const figures = {};
  console.log('bench:detect — Gloss lib/article vs @mozilla/readability 0.6.0 (same Chromium, same pages)\n');
  console.log(['corpus', 'pages', 'extractor', 'title', 'author', 'date', 'body P', 'body R', 'body F1', 'median ms', 'p95 ms'].join(' | '));
  for (const [key, bucket] of perCorpus) {
    const gloss = summarize(bucket.rows, bucket.glossMs, 'gloss');
    const readability = summarize(bucket.rows, bucket.readabilityMs, 'readability');
    figures[key] = { pages: bucket.pages, gloss, readability };
    for (const [name, s] of [['gloss', gloss], ['readability', readability]]) {
      console.log([key, bucket.pages, name, pct(s.title), pct(s.author), pct(s.date), fmt(s.precision), fmt(s.recall), fmt(s.f1), fmt(s.medianMs, 2), fmt(s.p95Ms, 2)].join(' | '));
    }
  }
  const synthetic = { elements: nodeCount, glossMs: quantile(glossRuns, 0.5), readabilityMs: quantile(readabilityRuns, 0.5) };
  console.log(`\nsynthetic page, ${nodeCount} elements: gloss ${fmt(synthetic.glossMs, 1)} ms, readability ${fmt(synthetic.readabilityMs, 1)} ms (median of 3)`);
  if (failures.length) console.log(`\nfailed pages (${failures.length}):\n  ${failures.join('\n  ')}`);
  console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(JSON.stringify({ bench: 'detect', date: new Date().toISOString(), corpora: figures, synthetic, failures }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
