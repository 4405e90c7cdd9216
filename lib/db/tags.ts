/**
 * Tag operations. Highlights and articles carry tag ids (`tagIds`), so rename
 * and recolour write the tag's row only; merge and delete rewrite the id lists
 * of its carriers together with the tags table in one transaction, so a
 * failure leaves everything as it was. Tags are addressed by name; any
 * spelling that folds to the same key works.
 */
import type { GlossDatabase } from '../model/database';
import { newUuid } from '../model/uuid';
import type { TagRecord } from '../model/records';
import { checkTagName, foldTagName, type TagNameProblem } from '../tags/tag-names';
import { carriers, rewriteTagIds, urlKeysOf, type CarrierChanges } from './tags-rewrite';

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

export function findTag(db: GlossDatabase, name: string): Promise<TagRecord | undefined> {
  return db.tags.where('nameKey').equals(foldTagName(name)).first();
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
 * Renames a tag everywhere: one write, its row (carriers hold its id); the
 * counts and pages are of its carriers, which now show the new name. Tags
 * under it (`politics/local` when renaming `politics`) keep their names.
 * Renaming to the name of another tag merges the two (outcome `merged`),
 * which the UI should confirm or at least report.
 */
export async function renameTag(db: GlossDatabase, fromName: string, toRawName: string, now = Date.now()): Promise<TagRewriteResult> {
  const target = validName(toRawName);
  return db.transaction('rw', db.tags, db.highlights, db.articles, async () => {
    const source = await findTag(db, fromName);
    if (!source) throw new TagNotFoundError(fromName);
    const other = target.nameKey === source.nameKey ? undefined : await db.tags.where('nameKey').equals(target.nameKey).first();
    if (other) {
      const merged = await mergeInto(db, [source], other, now);
      return { outcome: 'merged', ...merged };
    }
    if (target.name === source.name) return { outcome: 'unchanged', tag: source, highlights: 0, articles: 0, urlKeys: [] };
    const renamed: TagRecord = { ...source, name: target.name, nameKey: target.nameKey };
    await db.tags.put(renamed);
    const highlights = await carriers(db.highlights, [source.id]);
    const articles = await db.articles.where('tagIds').equals(source.id).count();
    return { outcome: 'renamed', tag: renamed, highlights: highlights.length, articles, urlKeys: urlKeysOf(highlights) };
  });
}

/** Merges the source tags into the target: every item carrying a source now carries the target once. */
export async function mergeTags(db: GlossDatabase, sourceNames: readonly string[], targetName: string, now = Date.now()): Promise<TagRewriteResult> {
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
    return { outcome: 'merged', ...(await mergeInto(db, sources, target, now)) };
  });
}

async function mergeInto(db: GlossDatabase, sources: readonly TagRecord[], target: TagRecord, now: number) {
  // Carriers of the target alone are left as they are; those holding both end with it once.
  const { urlKeys } = await rewriteTagIds(db, sources.map((s) => s.id), target.id, now);
  // The counts are of every item that now carries the target, as when names were rewritten on all of them.
  const counts = {
    highlights: await db.highlights.where('tagIds').equals(target.id).count(),
    articles: await db.articles.where('tagIds').equals(target.id).count(),
    urlKeys,
  };
  const color = target.color ?? sources.find((s) => s.color !== null)?.color ?? null;
  const tag: TagRecord = { ...target, color };
  await db.tags.put(tag);
  await db.tags.bulkDelete(sources.map((s) => s.id));
  return { tag, ...counts };
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
    return {
      highlights: await db.highlights.where('tagIds').equals(tag.id).count(),
      articles: await db.articles.where('tagIds').equals(tag.id).count(),
    };
  });
}

export type TagDeletion = CarrierChanges;

/** Deletes the tag and removes its id from every highlight and article; returns how many carried it. */
export async function deleteTag(db: GlossDatabase, name: string, now = Date.now()): Promise<TagDeletion> {
  return db.transaction('rw', db.tags, db.highlights, db.articles, async () => {
    const tag = await findTag(db, name);
    if (!tag) return { highlights: 0, articles: 0, urlKeys: [] };
    const counts = await rewriteTagIds(db, [tag.id], null, now);
    await db.tags.delete(tag.id);
    return counts;
  });
}
