/**
 * Runs inside the built extension's own page (same origin, so the real `gloss`
 * database): seeds data through Gloss's own writers (a restore for the library).
 */
import { openDatabase } from '@/lib/db/database';
import { rowsFor } from '@/lib/db/tag-maps';
import { foldTagName } from '@/lib/tags/tag-names';
import { applyRestore } from '@/lib/transfer/import';
import type { ArticleRecord, HighlightRecord } from '@/lib/model/records';
import { generateLibrary, type Corpus } from '../library/data';

const CHUNK = 5_000;

async function clear(): Promise<void> {
  const db = openDatabase();
  await db.transaction('rw', [db.articles, db.highlights, db.tags, db.postings], async () => {
    await Promise.all([db.articles.clear(), db.highlights.clear(), db.tags.clear(), db.postings.clear()]);
  });
  db.close();
}

/** One article at `urlKey` with `count` highlights spread through its paragraphs. */
async function seedPage(urlKey: string, url: string, paragraphs: string[], count: number): Promise<void> {
  const db = openDatabase();
  const now = Date.now();
  const text = paragraphs.join('\n');
  const article: ArticleRecord = {
    id: 'bench-article', urlKey, storyKey: '0', url, title: 'Benchmark article', kicker: null, subtitle: null,
    authors: [{ name: 'Bench Writer', role: 'Staff Writer' }], editors: [], siteName: 'Bench', section: null,
    publishedDate: '2026-11-01', lang: 'en', text, tags: [], userEdited: [], createdAt: now, updatedAt: now,
  };
  const highlights: HighlightRecord[] = Array.from({ length: count }, (_, i) => {
    const start = Math.floor((i / count) * (text.length - 40));
    return {
      id: `bench-${i}`, articleId: article.id, urlKey,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: text.slice(start, start + 30), prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start, end: start + 30 },
        pagePosition: null,
      },
      color: ['yellow', 'green', 'blue', 'pink', 'purple'][i % 5]!, note: i % 4 === 0 ? `Note ${i}` : '',
      tags: i % 3 === 0 ? ['bench'] : [], status: 'anchored', currentText: null, createdAt: now + i, updatedAt: now + i,
    };
  });
  const rows = await rowsFor(db, { articles: [article], highlights });
  await db.articles.put(rows.articles[0]!);
  for (let i = 0; i < rows.highlights.length; i += CHUNK) await db.highlights.bulkPut(rows.highlights.slice(i, i + CHUNK));
  db.close();
}

/** The generated library restored as a backup would be: rows, then the search index in one pass. */
async function seedLibrary(corpus: Corpus, articles: number, highlights: number): Promise<number> {
  const started = performance.now();
  const db = openDatabase();
  const library = generateLibrary(corpus, articles, highlights);
  const names = [...new Set([...library.articles, ...library.highlights].flatMap((record) => record.tags))];
  const tags = names.map((name, i) => ({ id: `tag-${i}`, name, nameKey: foldTagName(name), color: null, createdAt: 0 }));
  await applyRestore(db, { articles: library.articles, highlights: library.highlights, tags });
  db.close();
  return performance.now() - started;
}

(globalThis as unknown as { glossSidepanelBench: object }).glossSidepanelBench = { clear, seedPage, seedLibrary };
