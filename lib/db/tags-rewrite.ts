/**
 * Rewrites the tag id lists of the highlights and articles that carry a tag,
 * found with the `*tagIds` index; callers hold the transaction.
 */
import type { EntityTable } from 'dexie';
import type { GlossDatabase } from '../model/database';

export interface CarrierChanges {
  highlights: number;
  articles: number;
  /** Pages (urlKey) whose highlights changed. */
  urlKeys: string[];
}

/** Replaces `fromIds` by `toId` (or removes them, for null), keeping order and one copy of each id. */
export function replaceTagIds(tagIds: readonly string[], fromIds: ReadonlySet<string>, toId: string | null): string[] {
  const out: string[] = [];
  for (const id of tagIds) {
    const kept = fromIds.has(id) ? toId : id;
    if (kept !== null && !out.includes(kept)) out.push(kept);
  }
  return out;
}

export async function rewriteTagIds(
  db: GlossDatabase,
  fromIds: readonly string[],
  toId: string | null,
  now: number,
): Promise<CarrierChanges> {
  if (fromIds.length === 0) return { highlights: 0, articles: 0, urlKeys: [] };
  const from = new Set(fromIds);
  // Read all, then one bulkUpdate per table: far fewer round trips than a cursor update per row.
  const highlights = await carriers(db.highlights, fromIds);
  await db.highlights.bulkUpdate(highlights.map((h) => ({ key: h.id, changes: { tagIds: replaceTagIds(h.tagIds, from, toId), updatedAt: now } })));
  const articles = await carriers(db.articles, fromIds);
  await db.articles.bulkUpdate(articles.map((a) => ({ key: a.id, changes: { tagIds: replaceTagIds(a.tagIds, from, toId), updatedAt: now } })));
  // Pages whose highlights changed, so the background can tell their tabs to repaint.
  return { highlights: highlights.length, articles: articles.length, urlKeys: urlKeysOf(highlights) };
}

export const urlKeysOf = (highlights: readonly { urlKey: string }[]): string[] => [...new Set(highlights.map((h) => h.urlKey))];

/**
 * Rows carrying any of the ids. One `equals` query per id: Dexie answers it
 * with a single getAll, where `anyOf(...).distinct()` walks a cursor row by row.
 */
export async function carriers<T extends { id: string; tagIds: string[] }>(table: EntityTable<T, 'id'>, ids: readonly string[]): Promise<T[]> {
  if (ids.length === 1) return table.where('tagIds').equals(ids[0]!).toArray();
  const byId = new Map<string, T>();
  for (const id of ids) for (const row of await table.where('tagIds').equals(id).toArray()) byId.set(row.id, row);
  return [...byId.values()];
}
