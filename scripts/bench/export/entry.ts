/**
 * Browser side of `npm run bench:export` (bundled by Vite into .cache/): a
 * synthetic library of 1,000 articles, Markdown/zip timings, and a backup →
 * restore round trip of 100,000 highlights in real IndexedDB, checked field by field.
 */
import { backupToBlob } from '@/lib/transfer/backup';
import Dexie from 'dexie';
import { declareSchema, openDatabase } from '@/lib/db/database';
import type { GlossDatabase } from '@/lib/model/database';
import type { ArticleRecord, HighlightRecord, TagRecord } from '@/lib/model/records';
import { toMarkdown, toMarkdownFiles } from '@/lib/transfer/export/markdown';
import { runExport } from '@/lib/transfer/export/run';
import type { ArticleBundle } from '@/lib/transfer/export/types';
import { zipFiles } from '@/lib/transfer/export/zip';
import { parseBackup } from '@/lib/transfer/import/backup-parse';
import { storedFields } from '@/lib/transfer/import/backup-schema';
import { applyRestore } from '@/lib/transfer/import/restore-apply';
import { tagMapsOf } from '@/lib/db/tag-maps';
import { articleToRow, highlightToRow } from '@/lib/model/rows';

const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'];
const ZH = '衡南县力推屋场恳谈会新模式，狠抓源头治理。许多上访事件源于群众对政策不理解，为此通过恳谈会零距离宣讲。';
const EN = 'Whale experts regard New Zealand as the whale stranding capital of the world, with more than 5,000 incidents recorded since 1840. ';

/** Deterministic pseudo-random numbers so every run builds the same library. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function makeLibrary(articleCount: number, highlightCount: number) {
  const next = random(42);
  const base = Date.UTC(2026, 0, 1);
  const articles: ArticleRecord[] = [];
  const highlights: HighlightRecord[] = [];
  for (let a = 0; a < articleCount; a++) {
    const zh = a % 2 === 0;
    const text = (zh ? ZH : EN).repeat(zh ? 40 : 12);
    articles.push({
      id: `a-${String(a).padStart(5, '0')}`, urlKey: `news.example/${a}?x=(1)`, storyKey: '0', url: `https://news.example/${a}?x=(1)`,
      title: zh ? `「第${a}篇」基层治理: "大能量" #${a}` : `Article ${a}: "Whales" | [Sea] *stranding*`,
      kicker: zh ? '衡南县力推新模式' : null, subtitle: null,
      authors: zh ? [{ name: '周瑞华', role: '全媒体记者' }, { name: '谭明星', role: '通讯员' }] : [{ name: 'Eleanor Ainge Roy', role: null }],
      editors: [], siteName: zh ? '衡阳日报' : 'the Guardian', section: zh ? '要闻' : 'World', publishedDate: '2022-09-05', lang: zh ? 'zh-CN' : 'en',
      text, tags: zh ? ['基层治理'] : ['whales', 'New Zealand'], userEdited: [], createdAt: base + a * 60_000, updatedAt: base + a * 60_000,
    });
  }
  for (let h = 0; h < highlightCount; h++) {
    const article = articles[h % articleCount]!;
    const start = Math.floor(next() * (article.text.length - 80));
    const end = start + 20 + Math.floor(next() * 60);
    const at = article.createdAt + h;
    highlights.push({
      id: `h-${String(h).padStart(7, '0')}`, articleId: article.id, urlKey: article.urlKey,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: article.text.slice(start, end), prefix: article.text.slice(Math.max(0, start - 32), start), suffix: article.text.slice(end, end + 32) },
        position: { type: 'TextPositionSelector', start, end },
        pagePosition: next() < 0.5 ? { type: 'TextPositionSelector', start: start + 500, end: end + 500 } : null,
      },
      color: COLORS[h % COLORS.length]!, note: h % 3 === 0 ? `Note ${h}: **check** <b>this</b> #基层治理 [[link]]` : '',
      tags: h % 4 === 0 ? ['基层治理', 'local government'] : [], status: h % 50 === 0 ? 'orphan' : 'anchored',
      currentText: null, createdAt: at, updatedAt: at,
    });
  }
  const tags: TagRecord[] = ['基层治理', 'local government', 'whales', 'New Zealand'].map((name, i) => ({
    id: `t-${i}`, name, nameKey: name.toLowerCase(), color: null, createdAt: base + i,
  }));
  return { articles, highlights, tags };
}

function bundlesOf(articles: ArticleRecord[], highlights: HighlightRecord[]): ArticleBundle[] {
  const by = new Map<string, HighlightRecord[]>();
  for (const h of highlights) (by.get(h.articleId) ?? by.set(h.articleId, []).get(h.articleId)!).push(h);
  return articles.map((article) => ({ article, highlights: by.get(article.id) ?? [] }));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

export async function timeMarkdown(articleCount: number, highlightCount: number, runs: number) {
  const { articles, highlights } = makeLibrary(articleCount, highlightCount);
  const bundles = bundlesOf(articles, highlights);
  const single: number[] = [];
  const files: number[] = [];
  const zips: number[] = [];
  const csv: number[] = [];
  let chars = 0;
  let zipBytes = 0;
  toMarkdown(bundles); // warm-up: the first run pays for JIT compilation
  for (let r = 0; r < runs; r++) {
    const [text, ms] = time(() => toMarkdown(bundles));
    single.push(ms);
    chars = text.length;
    files.push(time(() => [...toMarkdownFiles(bundles)].length)[1]);
    const [zip, zipMs] = await timeAsync(() => zipFiles(toMarkdownFiles(bundles)));
    zips.push(zipMs);
    zipBytes = zip.size;
    csv.push((await timeAsync(() => runExport('csv', bundles)))[1]);
  }
  return { articles: articleCount, highlights: highlightCount, singleFileMs: median(single), perArticleFilesMs: median(files), zipMs: median(zips), csvMs: median(csv), markdownChars: chars, zipBytes };
}

function heap(): number {
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
}

function gc() {
  (globalThis as unknown as { gc?: () => void }).gc?.();
}

async function fill(db: GlossDatabase, data: ReturnType<typeof makeLibrary>) {
  // Rows hold the ids of the library's tags.
  const { idOf } = tagMapsOf(data.tags);
  await db.transaction('rw', db.articles, db.highlights, db.tags, async () => {
    await db.articles.bulkAdd(data.articles.map((a) => articleToRow(a, idOf)));
    await db.tags.bulkAdd(data.tags);
    for (let i = 0; i < data.highlights.length; i += 5_000) {
      await db.highlights.bulkAdd(data.highlights.slice(i, i + 5_000).map((h) => highlightToRow(h, idOf)));
    }
  });
}

/** Every stored field of every row (tag ids included), source against restored. */
/** A row's stored fields: the record's, with the tag ids in place of names (not other modules' derived fields). */
function rowFields(name: 'articles' | 'highlights' | 'tags', row: Record<string, unknown>): unknown {
  return name === 'tags' ? storedFields(name, row) : { ...storedFields(name, row), tagIds: row.tagIds };
}

async function compareAll(source: GlossDatabase, target: GlossDatabase): Promise<{ compared: number; differences: number }> {
  let compared = 0;
  let differences = 0;
  for (const name of ['articles', 'highlights', 'tags'] as const) {
    const a = await source.table(name).orderBy(':id').toArray();
    const b = await target.table(name).orderBy(':id').toArray();
    if (a.length !== b.length) differences += Math.abs(a.length - b.length);
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      compared++;
      if (JSON.stringify(rowFields(name, a[i])) !== JSON.stringify(rowFields(name, b[i]))) differences++;
    }
  }
  return { compared, differences };
}

export async function timeBackupRestore(articleCount: number, highlightCount: number) {
  const stamp = Date.now();
  const source = openDatabase(`bench-export-src-${stamp}`);
  const target = openDatabase(`bench-export-dst-${stamp}`);
  // Gloss's schema without other modules' write hooks (search terms): the floor for writing these rows.
  const bare = new Dexie(`bench-export-bare-${stamp}`) as GlossDatabase;
  declareSchema(bare);
  try {
    const data = makeLibrary(articleCount, highlightCount);
    const [, fillMs] = await timeAsync(() => fill(source, data));
    // For scale on a shared machine: the same rows written straight into an empty database.
    const [, bareFillMs] = await timeAsync(() => fill(bare, data));
    (data as { highlights: unknown }).highlights = [];
    gc();
    const heapBefore = heap();
    let heapPeak = heapBefore;
    const [blob, backupMs] = await timeAsync(() => backupToBlob(source, { now: stamp, onProgress: () => (heapPeak = Math.max(heapPeak, heap())) }));
    const [text, readMs] = await timeAsync(() => blob.text());
    const [parsed, parseMs] = time(() => parseBackup(text));
    const restoreProgress: number[] = [];
    const [plan, applyMs] = await timeAsync(() => applyRestore(target, parsed, { onProgress: ({ done }) => restoreProgress.push(done) }));
    const check = await compareAll(source, target);
    const again = await (await backupToBlob(target, { now: stamp })).text();
    return {
      articles: articleCount, highlights: highlightCount, fillMs, bareFillMs, backupMs, backupBytes: blob.size,
      backupHeapPeakBytes: Math.max(0, heapPeak - heapBefore), readMs, parseValidateMs: parseMs, applyMs,
      restoreMs: readMs + parseMs + applyMs, written: plan.articles.add.length + plan.highlights.add.length + plan.tags.add.length,
      progressEvents: restoreProgress.length, ...check, secondBackupIdentical: again === text,
    };
  } finally {
    for (const db of [source, target, bare]) {
      db.close();
      await db.delete();
    }
  }
}
