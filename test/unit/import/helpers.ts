/** Databases for restore tests: a fresh name each time, filled with the shared fixture records. */
import { openDatabase, type GlossDatabase } from '@/lib/db/database';
import type { TagRecord } from '@/lib/db/types';
import { foldTagName } from '@/lib/topics/tag-names';
import { allBundles } from '../export/fixtures';

let counter = 0;
export function freshDatabase(): GlossDatabase {
  counter += 1;
  return openDatabase(`gloss-test-import-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`);
}

export function tagsFor(names: readonly string[]): TagRecord[] {
  return [...new Set(names)].map((name, i) => ({ id: `tag-${i}`, name, nameKey: foldTagName(name), color: null, createdAt: Date.UTC(2026, 0, 1) + i }));
}

/** A database holding the three fixture articles, their highlights and tags. */
export async function filledDatabase(): Promise<GlossDatabase> {
  const db = freshDatabase();
  const bundles = allBundles();
  const names = bundles.flatMap((b) => [...b.article.tags, ...b.highlights.flatMap((h) => h.tags)]);
  await db.articles.bulkAdd(bundles.map((b) => b.article));
  await db.highlights.bulkAdd(bundles.flatMap((b) => b.highlights));
  await db.tags.bulkAdd(tagsFor(names));
  return db;
}
