/** Tag usage (how often, how recently) and the autocomplete ranking built on it. */
import type { GlossDatabase } from '../model/database';
import { resolveTags } from '../tags/tag-aliases';
import { foldTagName } from '../tags/tag-names';
import { unionKeys } from '../search/postings/keys';
import { termKeys } from '../search/postings/read';
import { ownTagTerm } from '../search/postings/row-terms';
import { seqTime } from '../search/postings/seq';
import { countCarriers } from './tags-rewrite';

export interface TagUsage {
  /** The TagRecord's id. */
  id: string;
  name: string;
  nameKey: string;
  color: string | null;
  highlights: number;
  articles: number;
  /**
   * Latest use: the updatedAt of the most recently updated rows carrying it, else the creation of its newest
   * highlight; the tag's createdAt if none is later.
   */
  lastUsedAt: number;
}

/** Rows read newest first for each tag's latest use; a tag not among them takes its newest carrier's creation. */
const RECENT_ROWS = 500;

/**
 * Every tag with its counts, in one read transaction; aliases are not listed,
 * their carriers count for their target. The side panel asks for this when its
 * library opens, so nothing here grows with the library: highlight counts and
 * each tag's newest carrier come from the postings (own-tag terms, in
 * creation order), article counts from the `*tagIds` index of the few tagged
 * articles, and the latest use from one bounded read of the most recently
 * updated rows (a tag put on an old highlight today counts as used today).
 */
export async function listTagUsage(db: GlossDatabase): Promise<TagUsage[]> {
  return db.transaction('r', [db.tags, db.highlights, db.articles, db.postings], async () => {
    const resolved = resolveTags(await db.tags.toArray());
    const usages = await Promise.all(
      resolved.tags.map(async (tag): Promise<TagUsage> => {
        const ids = resolved.idsOf(tag.id);
        const keys = unionKeys(await Promise.all(ids.map((id) => termKeys(db, ownTagTerm(id)))));
        return {
          id: tag.id, name: tag.name, nameKey: tag.nameKey, color: tag.color,
          highlights: keys.length,
          articles: await countCarriers(db.articles, ids),
          lastUsedAt: keys.length > 0 ? Math.max(tag.createdAt, seqTime(keys[keys.length - 1]!)) : tag.createdAt,
        };
      }),
    );
    const byId = new Map(usages.map((usage) => [usage.id, usage]));
    for (const table of [db.highlights, db.articles] as const) {
      const recent = (await table.orderBy('updatedAt').reverse().limit(RECENT_ROWS).toArray()) as { tagIds: string[]; updatedAt: number }[];
      for (const row of recent) {
        for (const carried of row.tagIds) {
          const usage = byId.get(resolved.tagOf(carried)?.id ?? '');
          if (usage) usage.lastUsedAt = Math.max(usage.lastUsedAt, row.updatedAt);
        }
      }
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
