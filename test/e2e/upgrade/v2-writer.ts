/**
 * Runs inside the built extension's origin (the real `gloss` database): writes
 * a library as Gloss's schema v2 stored it — the v2 schema declared by
 * lib/db/schema.ts, rows with tag names and the search terms v2's own frozen
 * code computed — and holds the connection open until asked to let go, so the
 * test decides when the extension's upgrade to v3 may start.
 */
import Dexie from 'dexie';
import { declareSchema } from '@/lib/db/database';
import { SCHEMA_VERSIONS } from '@/lib/db/schema';
import { v2ArticleTerms, v2HighlightTerms } from '@/lib/db/migrations/v2-search-terms';
import { foldTagName } from '@/lib/tags/tag-names';
import { generateLibrary, type Corpus } from '../../../scripts/bench/library/data';

let v2: Dexie | null = null;
let upgradeAsked = false;

async function write(corpus: Corpus, articles: number, highlights: number) {
  const library = generateLibrary(corpus, articles, highlights);
  v2 = new Dexie('gloss');
  declareSchema(v2, SCHEMA_VERSIONS.filter((v) => v.version <= 2));
  await v2.open();
  // Another connection asking for a newer version: the extension starting its upgrade.
  v2.on('versionchange', () => {
    upgradeAsked = true;
    return false; // keep the connection open until release()
  });
  const names = [...new Set([...library.highlights, ...library.articles].flatMap((row) => row.tags))];
  await v2.transaction('rw', ['articles', 'highlights', 'tags'], async () => {
    await v2!.table('tags').bulkAdd(names.map((name, i) => ({ id: `tag-${i}`, name, nameKey: foldTagName(name), color: null, createdAt: i })));
    await v2!.table('articles').bulkAdd(library.articles.map((a) => ({ ...a, searchTerms: v2ArticleTerms(a) })));
    for (let i = 0; i < library.highlights.length; i += 5000) {
      await v2!.table('highlights').bulkAdd(library.highlights.slice(i, i + 5000).map((h) => ({ ...h, searchTerms: v2HighlightTerms(h) })));
    }
  });
  return { verno: v2.verno, highlights: await v2.table('highlights').count(), articles: await v2.table('articles').count(), tags: names.length };
}

const asked = () => upgradeAsked;

function release() {
  v2?.close();
  v2 = null;
}

/** What is on disk now, read without Dexie (no version asked, so nothing is upgraded by reading). */
async function inspect() {
  const info = (await indexedDB.databases()).find((db) => db.name === 'gloss');
  return { version: info?.version ?? null };
}

(globalThis as unknown as { glossV2: object }).glossV2 = { write, asked, release, inspect };
