/** Tag usage (how often, how recently) and the autocomplete ranking built on it. */
import type { GlossDatabase } from '../model/database';
import { foldTagName } from '../tags/tag-names';

export interface TagUsage {
  /** The TagRecord's id, or null for a name carried by items without a record. */
  id: string | null;
  name: string;
  nameKey: string;
  color: string | null;
  highlights: number;
  articles: number;
  /** Latest updatedAt of a highlight or article carrying it; the tag's createdAt if none. */
  lastUsedAt: number;
}

/** Every tag with its counts, in one read transaction (a scan of highlights and articles). */
export async function listTagUsage(db: GlossDatabase): Promise<TagUsage[]> {
  return db.transaction('r', db.tags, db.highlights, db.articles, async () => {
    const byKey = new Map<string, TagUsage>();
    for (const tag of await db.tags.toArray()) {
      byKey.set(tag.nameKey, { id: tag.id, name: tag.name, nameKey: tag.nameKey, color: tag.color, highlights: 0, articles: 0, lastUsedAt: tag.createdAt });
    }
    const tally = (tags: readonly string[], updatedAt: number, field: 'highlights' | 'articles') => {
      for (const name of tags) {
        const nameKey = foldTagName(name);
        let usage = byKey.get(nameKey);
        if (!usage) {
          usage = { id: null, name, nameKey, color: null, highlights: 0, articles: 0, lastUsedAt: 0 };
          byKey.set(nameKey, usage);
        }
        usage[field] += 1;
        usage.lastUsedAt = Math.max(usage.lastUsedAt, updatedAt);
      }
    };
    await db.highlights.each((h) => tally(h.tags, h.updatedAt, 'highlights'));
    await db.articles.each((a) => tally(a.tags, a.updatedAt, 'articles'));
    return [...byKey.values()];
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
