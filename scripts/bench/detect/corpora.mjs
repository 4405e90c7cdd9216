// The pages of bench:detect, read from ../shared (never copied into the repo).
// Each page: { corpus, id, half, type, bytes, charset, path, url, truth: [story truth] }, where a story
// truth is { title, author, date, site, body } (null = not labelled) or, for trafilatura-dev,
// { …meta, body: null, snippets: { with, without } }.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pathOf, sniffCharset } from '../../detect/runtime.mjs';
import { SHARED } from '../../harness/paths.mjs';
import { htmlToText } from './score.mjs';
import { halfOf } from './split.mjs';

const CORPUS = join(SHARED, 'corpus');
const json = (path) => JSON.parse(readFileSync(path, 'utf8'));
const story = (fields) => ({ title: null, author: null, date: null, site: null, body: null, snippets: null, ...fields });

/** Corpora that are split into tune/check halves (news-zh is three hand-made fixtures, asserted exactly). */
export const SPLIT_CORPORA = ['readability', 'scrapinghub-dev', 'cwce-dev', 'trafilatura-dev'];

function readabilityPages(limit) {
  const dir = join(CORPUS, 'readability');
  return json(join(dir, 'index.json')).pages.slice(0, limit).filter((entry) => existsSync(join(dir, entry.name, 'source.html'))).map((entry) => {
    const metaFile = join(dir, entry.name, 'expected-metadata.json');
    const meta = existsSync(metaFile) ? json(metaFile) : {};
    return {
      corpus: 'readability', id: entry.name, type: entry.type, bytes: readFileSync(join(dir, entry.name, 'source.html')), charset: 'utf-8',
      path: `/${entry.name}/test/page.html`, url: null,
      truth: [story({ title: meta.title ?? null, author: meta.byline ?? null, date: meta.publishedTime ?? null, site: meta.siteName ?? null, body: htmlToText(readFileSync(join(dir, entry.name, 'expected.html'), 'utf8')) })],
    };
  });
}

function scrapinghubPages(limit) {
  const dir = join(CORPUS, 'scrapinghub-dev');
  return Object.entries(json(join(dir, 'ground-truth.json'))).slice(0, limit).map(([id, truth]) => ({
    corpus: 'scrapinghub-dev', id, type: 'news', bytes: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))), charset: 'utf-8',
    path: `/${id.slice(0, 8)}${pathOf(truth.url, '/page.html')}`, url: truth.url, truth: [story({ body: truth.articleBody })],
  }));
}

function cwcePages(limit) {
  const dir = join(CORPUS, 'cwce-dev');
  return readdirSync(dir).filter((name) => existsSync(join(dir, name, 'ground-truth.json'))).slice(0, limit).map((id) => {
    const truth = json(join(dir, id, 'ground-truth.json'));
    const bytes = readFileSync(join(dir, id, 'source.html'));
    const charset = /^(gb2312|gbk|gb18030|utf-8)/i.exec(truth.sourceEncoding ?? '')?.[1]?.toLowerCase() ?? sniffCharset(bytes);
    return {
      corpus: 'cwce-dev', id, type: 'news', bytes, charset, path: `/${id.slice(0, 8)}${pathOf(truth.url, '/page.html')}`, url: truth.url,
      truth: [story({ author: truth.author, date: truth.date, body: truth.content })],
    };
  });
}

function trafilaturaPages(limit) {
  const dir = join(CORPUS, 'trafilatura-dev');
  return json(join(dir, 'ground-truth.json')).slice(0, limit).map((record) => {
    const meta = record.meta ?? {};
    return {
      // `encoding` is the WHATWG label the README derived (BOM, else declared charset, else UTF-8); served as the HTTP charset.
      corpus: 'trafilatura-dev', id: record.id, type: 'mixed', bytes: gunzipSync(readFileSync(join(dir, 'pages', `${record.id}.html.gz`))), charset: record.encoding,
      path: `/${record.id.slice(0, 8)}${pathOf(record.url, '/page.html')}`, url: record.url ?? null,
      truth: [story({ title: meta.title ?? null, author: meta.author ?? null, date: meta.date ?? null, site: meta.sitename ?? null, snippets: { with: record.with, without: record.without } })],
    };
  });
}

function newsZhPages() {
  const dir = join(SHARED, 'fixtures/news-zh');
  return readdirSync(dir).filter((name) => name.endsWith('.expected.json')).sort().map((file) => {
    const expected = json(join(dir, file));
    return {
      corpus: 'news-zh', id: expected.fixture, type: 'news', bytes: readFileSync(join(dir, expected.fixture)), charset: 'utf-8',
      path: pathOf(expected.url, `/${expected.fixture}`), url: expected.url,
      // The publication is only labelled on e-paper pages (edition.paper, the masthead).
      truth: expected.articles.map((article) => story({
        title: article.title, author: article.authors.map((author) => author.name).join(', ') || null, date: article.publishedDate,
        site: expected.edition?.paper ?? null, body: article.paragraphs.join('\n'),
      })),
    };
  });
}

/** Pages of the chosen corpora (all when `only` is null); `limit` pages per corpus at most. */
export function loadPages({ only = null, limit = Infinity } = {}) {
  const loaders = { readability: readabilityPages, 'scrapinghub-dev': scrapinghubPages, 'cwce-dev': cwcePages, 'trafilatura-dev': trafilaturaPages, 'news-zh': newsZhPages };
  const unknown = (only ?? []).filter((name) => !loaders[name]);
  if (unknown.length) throw new Error(`BENCH_ONLY: unknown corpus ${unknown.join(', ')} (known: ${Object.keys(loaders).join(', ')})`);
  return Object.entries(loaders)
    .filter(([name]) => !only || only.includes(name))
    .flatMap(([, load]) => load(limit))
    .map((page) => ({ ...page, half: halfOf(page.id) }));
}
