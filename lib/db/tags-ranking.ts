/** Tag usage (how often, how recently) and the autocomplete ranking built on it. */
import type { Collection } from 'dexie';
import type { GlossDatabase } from '../model/database';
import { resolveTags } from '../tags/tag-aliases';
import { foldTagName } from '../tags/tag-names';
import { countCarriers } from './tags-rewrite';

export interface TagUsage {
  /** The TagRecord's id. */
  id: string;
  name: string;
  nameKey: string;
  color: string | null;
  highlights: number;
  articles: number;
  /** Latest updatedAt of a highlight or article carrying it; the tag's createdAt if none. */
  lastUsedAt: number;
}

/**
 * Every tag with its counts, in one read transaction; aliases are not listed,
 * their carriers count for their target. Counts come from the `*tagIds`
 * index; the latest use from a newest-first walk of each table that stops
 * once every used tag has been seen (usually after a few rows).
 */
export async function listTagUsage(db: GlossDatabase): Promise<TagUsage[]> {
  return db.transaction('r', db.tags, db.highlights, db.articles, async () => {
    const resolved = resolveTags(await db.tags.toArray());
    const usages = await Promise.all(
      resolved.tags.map(async (tag): Promise<TagUsage> => ({
        id: tag.id, name: tag.name, nameKey: tag.nameKey, color: tag.color,
        highlights: await countCarriers(db.highlights, resolved.idsOf(tag.id)),
        articles: await countCarriers(db.articles, resolved.idsOf(tag.id)),
        lastUsedAt: tag.createdAt,
      })),
    );
    const byId = new Map(usages.map((usage) => [usage.id, usage]));
    for (const [table, field] of [[db.highlights, 'highlights'], [db.articles, 'articles']] as const) {
      // A tag's latest use in this table is the first carrier seen walking newest first.
      const unseen = new Set(usages.filter((usage) => usage[field] > 0).map((usage) => usage.id));
      if (unseen.size === 0) continue;
      await (table.orderBy('updatedAt').reverse() as Collection<{ tagIds: string[]; updatedAt: number }>)
        .until(() => unseen.size === 0)
        .each((row) => {
          for (const carried of row.tagIds) {
            const id = resolved.tagOf(carried)?.id;
            if (id === undefined || !unseen.delete(id)) continue;
            const usage = byId.get(id)!;
            usage.lastUsedAt = Math.max(usage.lastUsedAt, row.updatedAt);
          }
        });
    }
    return usages;
  });
}

export interface RankedTag extends TagUsage {
  score: number;
}

const DAY_MS = 86_400_000;

/** Frequent and recent use: log of the count plus a boost that halves every two weeks. */
export function usageScore(usage: Pick<TagUsage, 'highlights' | 'articles' | 'lastUsedAt'>, now: number): number {
  const ageDays = Math.max(0, (now - usage.lastUsedAt) / DAY_MS);
  return Math.log2(1 + usage.highlights + usage.articles) + 3 * Math.pow(0.5, ageDays / 14);
}

/** 0: the name starts with the query; 1: a path segment or word does; 2: it contains it; -1: no match. */
function matchRank(nameKey: string, query: string): number {
  if (query === '') return 0;
  if (nameKey.startsWith(query)) return 0;
  if (nameKey.split(/[/\s_-]/u).some((part) => part.startsWith(query))) return 1;
  return nameKey.includes(query) ? 2 : -1;
}

/**
 * Autocomplete candidates for what the user has typed: better matches first,
 * then by frequent and recent use. Tags already chosen are left out.
 */
export function rankTagsForInput(
  usages: readonly TagUsage[],
  typed: string,
  options: { now?: number; exclude?: readonly string[]; limit?: number } = {},
): RankedTag[] {
  const now = options.now ?? Date.now();
  const query = foldTagName(typed);
  const excluded = new Set((options.exclude ?? []).map(foldTagName));
  const ranked: { tag: RankedTag; rank: number }[] = [];
  for (const usage of usages) {
    if (excluded.has(usage.nameKey)) continue;
    const rank = matchRank(usage.nameKey, query);
    if (rank < 0) continue;
    ranked.push({ tag: { ...usage, score: usageScore(usage, now) }, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || b.tag.score - a.tag.score || a.tag.name.localeCompare(b.tag.name));
  return ranked.slice(0, options.limit ?? 8).map((r) => r.tag);
}
