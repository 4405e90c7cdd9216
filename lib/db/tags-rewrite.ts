/** Rewrites the tag arrays of highlights and articles; callers hold the transaction. */
import type { EntityTable } from 'dexie';
import type { GlossDatabase } from '../model/database';
import { foldTagName } from '../tags/tag-names';

/**
 * Every spelling stored on items that folds to one of these keys. Items should
 * hold the tag's exact name, but an older or foreign writer may not have.
 */
export async function tagNameVariants(db: GlossDatabase, nameKeys: readonly string[]): Promise<string[]> {
  const wanted = new Set(nameKeys);
  const names = new Set<string>();
  for (const table of [db.highlights, db.articles]) {
    const keys = (await table.orderBy('tags').uniqueKeys()) as unknown[];
    for (const key of keys) if (typeof key === 'string' && wanted.has(foldTagName(key))) names.add(key);
  }
  return [...names];
}

/** Replaces `fromNames` by `toName` (or removes them, for null), keeping order and one copy of each tag. */
export function replaceTagNames(tags: readonly string[], fromNames: ReadonlySet<string>, toName: string | null): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const tag of tags) {
    const name = fromNames.has(tag) ? toName : tag;
    if (name === null) continue;
    const key = foldTagName(name);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

export async function rewriteTagNames(
  db: GlossDatabase,
  fromNames: readonly string[],
  toName: string | null,
  now: number,
): Promise<{ highlights: number; articles: number; urlKeys: string[] }> {
  if (fromNames.length === 0) return { highlights: 0, articles: 0, urlKeys: [] };
  const from = new Set(fromNames);
  // Read all, then one bulkPut per table: far fewer round trips than a cursor update per row.
  const highlights = await carriers(db.highlights, fromNames);
  await db.highlights.bulkPut(highlights.map((h) => ({ ...h, tags: replaceTagNames(h.tags, from, toName), updatedAt: now })));
  const articles = await carriers(db.articles, fromNames);
  await db.articles.bulkPut(articles.map((a) => ({ ...a, tags: replaceTagNames(a.tags, from, toName), updatedAt: now })));
  // Pages whose highlights changed, so the background can tell their tabs to repaint.
  const urlKeys = [...new Set(highlights.map((h) => h.urlKey))];
  return { highlights: highlights.length, articles: articles.length, urlKeys };
}

/**
 * Rows carrying any of the names. One `equals` query per name: Dexie answers
 * it with a single getAll, where `anyOf(...).distinct()` walks a cursor row by row.
 */
async function carriers<T extends { id: string; tags: string[] }>(table: EntityTable<T, 'id'>, names: readonly string[]): Promise<T[]> {
  if (names.length === 1) return table.where('tags').equals(names[0]!).toArray();
  const byId = new Map<string, T>();
  for (const name of names) for (const row of await table.where('tags').equals(name).toArray()) byId.set(row.id, row);
  return [...byId.values()];
}
