/**
 * Tag operations. Highlights and articles carry tag ids (`tagIds`), so rename
 * and recolour write the tag's row only, and merge writes one row per source:
 * it becomes an alias of the target (TagRecord.aliasOf) and its carriers keep
 * its id. Delete rewrites the id lists of its carriers together with the tags
 * table in one transaction, so a failure leaves everything as it was. Tags are
 * addressed by name; any spelling that folds to the same key works. Aliases
 * have no name to address them by.
 */
import type { GlossDatabase } from '../model/database';
import { newUuid } from '../model/uuid';
import type { TagRecord } from '../model/records';
import { aliasNameKey, resolveTags } from '../tags/tag-aliases';
import { checkTagName, foldTagName, type TagNameProblem } from '../tags/tag-names';
import { countCarriers, removeTagIds, type CarrierChanges } from './tags-rewrite';

export { listTagUsage, rankTagsForInput, usageScore, type RankedTag, type TagUsage } from './tags-ranking';

export const newTagId = newUuid;

export class TagNameError extends Error {
  constructor(
    readonly problem: TagNameProblem,
    readonly input: string,
  ) {
    super(`Invalid tag name (${problem}): ${JSON.stringify(input.slice(0, 50))}`);
    this.name = 'TagNameError';
  }
}

export class TagNotFoundError extends Error {
  constructor(readonly tagName: string) {
    super(`No tag named ${JSON.stringify(tagName.slice(0, 50))}`);
    this.name = 'TagNotFoundError';
  }
}

function validName(raw: string): { name: string; nameKey: string } {
  const check = checkTagName(raw);
  if (!check.ok) throw new TagNameError(check.problem, raw);
  return check;
}

/** The tag of that name; never an alias, whose key no name folds to. */
export function findTag(db: GlossDatabase, name: string): Promise<TagRecord | undefined> {
  return db.tags.where('nameKey').equals(foldTagName(name)).first();
}

/** The tag's id and its aliases' ids: carrying any of them is carrying the tag. Reads the (small) tags table. */
export async function carrierIdsOf(db: GlossDatabase, tag: TagRecord): Promise<readonly string[]> {
  return resolveTags(await db.tags.toArray()).idsOf(tag.id);
}

/**
 * Returns the records for these names, creating the missing ones. A name that
 * folds to an existing tag returns that tag (its spelling wins), so callers
 * store the returned ids on highlights and articles.
 */
export async function ensureTags(
  db: GlossDatabase,
  rawNames: readonly string[],
  options: { color?: string | null; now?: number } = {},
): Promise<TagRecord[]> {
  const wanted = rawNames.map(validName);
  const now = options.now ?? Date.now();
  return db.transaction('rw', db.tags, async () => {
    const out: TagRecord[] = [];
    const byKey = new Map<string, TagRecord>();
    for (const { name, nameKey } of wanted) {
      let record = byKey.get(nameKey) ?? (await db.tags.where('nameKey').equals(nameKey).first());
      if (!record) {
        record = { id: newTagId(), name, nameKey, color: options.color ?? null, createdAt: now };
        await db.tags.add(record);
      }
      if (!byKey.has(nameKey)) out.push(record);
      byKey.set(nameKey, record);
    }
    return out;
  });
}

export interface TagRewriteResult extends CarrierChanges {
  /** `merged`: the new name belonged to another tag, which now holds both. */
  outcome: 'renamed' | 'merged' | 'unchanged';
  tag: TagRecord;
}

/**
 * Renames a tag everywhere: one write, its row (carriers hold its id or an
 * alias's); the counts are of its carriers, which now show the new
 * name. Tags under it (`politics/local` when renaming `politics`) keep their
 * names. Renaming to the name of another tag merges the two (outcome
 * `merged`), which the UI should confirm or at least report.
 */
export async function renameTag(db: GlossDatabase, fromName: string, toRawName: string): Promise<TagRewriteResult> {
  const target = validName(toRawName);
  return db.transaction('rw', db.tags, db.highlights, db.articles, async () => {
    const source = await findTag(db, fromName);
    if (!source) throw new TagNotFoundError(fromName);
    const other = target.nameKey === source.nameKey ? undefined : await findTag(db, target.name);
    if (other) {
      const merged = await mergeInto(db, [source], other);
      return { outcome: 'merged', ...merged };
    }
    if (target.name === source.name) return { outcome: 'unchanged', tag: source, highlights: 0, articles: 0, urlKeys: [] };
    const renamed: TagRecord = { ...source, name: target.name, nameKey: target.nameKey };
    await db.tags.put(renamed);
    const ids = await carrierIdsOf(db, source);
    const [highlights, articles] = [await countCarriers(db.highlights, ids), await countCarriers(db.articles, ids)];
    return { outcome: 'renamed', tag: renamed, highlights, articles, urlKeys: null };
  });
}

/** Merges the source tags into the target: every item carrying a source now shows the target, once. */
export async function mergeTags(db: GlossDatabase, sourceNames: readonly string[], targetName: string): Promise<TagRewriteResult> {
  return db.transaction('rw', db.tags, db.highlights, db.articles, async () => {
    const target = await findTag(db, targetName);
    if (!target) throw new TagNotFoundError(targetName);
    const sources: TagRecord[] = [];
    for (const name of sourceNames) {
      const source = await findTag(db, name);
      if (!source) throw new TagNotFoundError(name);
      if (source.id !== target.id) sources.push(source);
    }
    if (sources.length === 0) return { outcome: 'unchanged', tag: target, highlights: 0, articles: 0, urlKeys: [] };
    return { outcome: 'merged', ...(await mergeInto(db, sources, target)) };
  });
}

/**
 * The sources, and the aliases they had, become aliases of the target: one
 * tags row each (and the target's when it takes a source's colour), no
 * carrier written. The counts are of every item that now shows the target.
 * No carrier is read: the pages are "any page" (CarrierChanges.urlKeys).
 */
async function mergeInto(db: GlossDatabase, sources: readonly TagRecord[], target: TagRecord) {
  const all = await db.tags.toArray();
  const sourceIds = new Set(sources.map((s) => s.id));
  // Re-pointed, not chained: an alias always names a real tag, so readers resolve in one step.
  const moved = all.filter((t) => t.aliasOf !== undefined && sourceIds.has(t.aliasOf));
  const aliases = [...sources, ...moved].map((t): TagRecord => ({ ...t, nameKey: aliasNameKey(t.id), aliasOf: target.id }));
  const color = target.color ?? sources.find((s) => s.color !== null)?.color ?? null;
  const tag: TagRecord = { ...target, color };
  await db.tags.bulkPut(color === target.color ? aliases : [tag, ...aliases]);
  const ids = [target.id, ...all.filter((t) => t.aliasOf === target.id).map((t) => t.id), ...aliases.map((a) => a.id)];
  return { tag, highlights: await countCarriers(db.highlights, ids), articles: await countCarriers(db.articles, ids), urlKeys: null };
}

export async function recolourTag(db: GlossDatabase, name: string, color: string | null): Promise<TagRecord> {
  return db.transaction('rw', db.tags, async () => {
    const tag = await findTag(db, name);
    if (!tag) throw new TagNotFoundError(name);
    const updated = { ...tag, color };
    await db.tags.put(updated);
    return updated;
  });
}

export interface TagCarriers {
  highlights: number;
  articles: number;
}

/** How many highlights and articles carry the tag: for the delete confirmation. */
export async function countTagCarriers(db: GlossDatabase, name: string): Promise<TagCarriers> {
  return db.transaction('r', db.tags, db.highlights, db.articles, async () => {
    const tag = await findTag(db, name);
    if (!tag) return { highlights: 0, articles: 0 };
    const ids = await carrierIdsOf(db, tag);
    return { highlights: await countCarriers(db.highlights, ids), articles: await countCarriers(db.articles, ids) };
  });
}

export type TagDeletion = CarrierChanges;

/** Deletes the tag and its aliases and removes their ids from every highlight and article; returns how many carried it. */
export async function deleteTag(db: GlossDatabase, name: string, now = Date.now()): Promise<TagDeletion> {
  return db.transaction('rw', db.tags, db.highlights, db.articles, async () => {
    const tag = await findTag(db, name);
    if (!tag) return { highlights: 0, articles: 0, urlKeys: [] };
    const ids = await carrierIdsOf(db, tag);
    const counts = await removeTagIds(db, ids, now);
    await db.tags.bulkDelete([...ids]);
    return counts;
  });
}
