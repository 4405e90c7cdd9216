/**
 * The highlights and articles that carry a tag, found with the `*tagIds`
 * index, and removing tag ids from them; callers hold the transaction.
 */
import type { EntityTable } from 'dexie';
import type { GlossDatabase } from '../model/database';

export interface CarrierChanges {
  highlights: number;
  articles: number;
  /**
   * Pages (urlKey) whose highlights changed, or null for "any page": a rename
   * or merge writes no highlight, and listing the pages would read every
   * carrier (seconds at 10,000), so every open tab is told to repaint instead.
   */
  urlKeys: string[] | null;
}

/** The list without `fromIds`, keeping order. */
export function withoutTagIds(tagIds: readonly string[], fromIds: ReadonlySet<string>): string[] {
  return tagIds.filter((id) => !fromIds.has(id));
}

export async function removeTagIds(db: GlossDatabase, fromIds: readonly string[], now: number): Promise<CarrierChanges> {
  const from = new Set(fromIds);
  // Read all, then one bulkUpdate per table: far fewer round trips than a cursor update per row.
  const highlights = await carriers(db.highlights, fromIds);
  await db.highlights.bulkUpdate(highlights.map((h) => ({ key: h.id, changes: { tagIds: withoutTagIds(h.tagIds, from), updatedAt: now } })));
  const articles = await carriers(db.articles, fromIds);
  await db.articles.bulkUpdate(articles.map((a) => ({ key: a.id, changes: { tagIds: withoutTagIds(a.tagIds, from), updatedAt: now } })));
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

/**
 * How many rows carry any of the ids, from the index alone: a count, or for
 * several ids the union of their primary keys (one getAllKeys each), so a row
 * carrying two of them counts once and no row is read.
 */
export async function countCarriers<T extends { id: string; tagIds: string[] }>(table: EntityTable<T, 'id'>, ids: readonly string[]): Promise<number> {
  if (ids.length === 1) return table.where('tagIds').equals(ids[0]!).count();
  const keys = await Promise.all(ids.map((id) => table.where('tagIds').equals(id).primaryKeys()));
  return new Set(keys.flat()).size;
}
