/**
 * Tag aliases (TagRecord.aliasOf): a merged tag's row points at the tag it
 * was merged into. Every reader of the tags table resolves them here, so an
 * alias's carriers show, filter and count as the target's.
 */
import type { TagRecord } from '../model/records';

/**
 * An alias's nameKey, which no folded name can equal: folding drops empty
 * path segments, so a folded name never holds `//` (and valid names have no
 * control characters either). Its old name is free for a new tag.
 */
export const aliasNameKey = (id: string): string => `\u0000alias//${id}`;

export const isAlias = (tag: TagRecord): boolean => tag.aliasOf !== undefined;

export interface ResolvedTags {
  /** The real tags, aliases left out, in the order given. */
  tags: TagRecord[];
  /** Any tag id, real or alias → the name it shows. */
  names: ReadonlyMap<string, string>;
  /** Any tag id, real or alias → the real tag it stands for. */
  tagOf(id: string): TagRecord | undefined;
  /** A real tag's id and its aliases' ids: carrying any of them is carrying the tag. */
  idsOf(id: string): readonly string[];
}

/**
 * Resolves aliases in one step: merging re-points a source's aliases to the
 * target, so an alias never names another alias. An alias whose target is
 * gone (never expected: deleting a tag deletes its aliases) names nothing.
 */
export function resolveTags(rows: Iterable<TagRecord>): ResolvedTags {
  const all = [...rows];
  const tags = all.filter((tag) => !isAlias(tag));
  const real = new Map(tags.map((tag) => [tag.id, tag]));
  const byId = new Map(real);
  const ids = new Map(tags.map((tag) => [tag.id, [tag.id]]));
  for (const alias of all) {
    const target = alias.aliasOf === undefined ? undefined : real.get(alias.aliasOf);
    if (!target) continue;
    byId.set(alias.id, target);
    ids.get(target.id)!.push(alias.id);
  }
  const names = new Map([...byId].map(([id, tag]) => [id, tag.name]));
  return { tags, names, tagOf: (id) => byId.get(id), idsOf: (id) => ids.get(id) ?? [] };
}
