/**
 * What a restore will do, decided against the database's current content:
 * articles are matched by page and story (their key recomputed from their
 * address), highlights by id, tags by folded name; matched records are merged
 * field by field (restore-merge.ts) and nothing is duplicated. The plan holds
 * records (tag names); restore-apply.ts stores them with the tags' ids.
 */
import type { GlossDatabase } from '../../model/database';
import type { ArticleRecord, HighlightRecord, TagRecord, VersionRecord } from '../../model/records';
import { articleFromRow, highlightFromRow } from '../../model/rows';
import { tagMapsOf } from '../../db/tag-maps';
import { cleanTagName, foldTagName, uniqueTagNames } from '../../tags/tag-names';
import { urlKey } from '../../url/normalize';
import { storedFields, type RecordSet } from './backup-schema';
import { mergeArticle, mergeHighlight, type FieldChange } from './restore-merge';
import { planSnapshots, type PlannedSnapshots } from './restore-snapshots';
import { planVersions } from './restore-versions';

export interface PlannedChanges<T> {
  add: T[];
  update: T[];
  skip: number;
}

export interface RestorePlan {
  articles: PlannedChanges<ArticleRecord>;
  highlights: PlannedChanges<HighlightRecord>;
  tags: PlannedChanges<TagRecord>;
  versions: PlannedChanges<VersionRecord>;
  /** Page snapshots with their bytes: only added, never changed. */
  snapshots: PlannedSnapshots;
  /** Highlights left out because their article is neither in the file nor in the database. */
  withoutArticle: number;
  /** Every stored field the restore changes, in file order. */
  changes: FieldChange[];
}

export interface RestoreSummary {
  added: number;
  updated: number;
  skipped: number;
}

export function summarize(plan: RestorePlan): Record<'articles' | 'highlights' | 'tags', RestoreSummary> {
  const of = <T>(p: PlannedChanges<T>): RestoreSummary => ({ added: p.add.length, updated: p.update.length, skipped: p.skip });
  return { articles: of(plan.articles), highlights: of(plan.highlights), tags: of(plan.tags) };
}

export function planSize(plan: RestorePlan): number {
  return [plan.articles, plan.highlights, plan.tags, plan.versions, plan.snapshots].reduce((n, p) => n + p.add.length + p.update.length, 0);
}

/** Keeps one record per id in the file: the most recently updated. */
function newestById<T extends { id: string; updatedAt?: number; createdAt: number }>(records: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const record of records) {
    const seen = byId.get(record.id);
    if (!seen || (record.updatedAt ?? record.createdAt) > (seen.updatedAt ?? seen.createdAt)) byId.set(record.id, record);
  }
  return [...byId.values()];
}

const storyOf = (a: ArticleRecord) => `${a.urlKey}\u0000${a.storyKey}`;

/**
 * Tags have no update time: an existing tag (same id or same folded name) is kept as it is; the file's are added
 * otherwise, their key recomputed from their name. Returns the tags by key, for spelling the records' names.
 */
async function planTags(db: GlossDatabase, incoming: readonly TagRecord[], planned: PlannedChanges<TagRecord>): Promise<Map<string, TagRecord>> {
  const storedTags = await db.tags.toArray();
  const tagIds = new Set(storedTags.map((t) => t.id));
  const byKey = new Map(storedTags.map((t) => [t.nameKey, t]));
  for (const record of newestById(incoming)) {
    const tag = { ...record, nameKey: foldTagName(record.name) };
    if (tag.nameKey === '' || tagIds.has(tag.id) || byKey.has(tag.nameKey)) planned.skip++;
    else {
      planned.add.push(tag);
      tagIds.add(tag.id);
      byKey.set(tag.nameKey, tag);
    }
  }
  return byKey;
}

/** Names as their tag spells them (`CHINA` is the stored `China`), so merging compares like with like. */
function spelled(names: readonly string[], byKey: ReadonlyMap<string, TagRecord>): string[] {
  return uniqueTagNames(names.map((name) => byKey.get(foldTagName(name))?.name ?? cleanTagName(name)));
}

/** Names an older or foreign writer left without a tag record get one: a name is never dropped. */
function planMissingTags(records: readonly { tags: string[] }[], byKey: Map<string, TagRecord>, planned: PlannedChanges<TagRecord>): void {
  const now = Date.now();
  for (const name of records.flatMap((r) => r.tags)) {
    const nameKey = foldTagName(name);
    if (byKey.has(nameKey)) continue;
    const tag: TagRecord = { id: crypto.randomUUID(), name, nameKey, color: null, createdAt: now };
    planned.add.push(tag);
    byKey.set(nameKey, tag);
  }
}

/** Reads what it needs from the database; call inside a transaction to make plan and apply atomic. */
export async function planRestore(db: GlossDatabase, incoming: RecordSet): Promise<RestorePlan> {
  const plan: RestorePlan = {
    articles: { add: [], update: [], skip: 0 },
    highlights: { add: [], update: [], skip: 0 },
    tags: { add: [], update: [], skip: 0 },
    versions: { add: [], update: [], skip: 0 },
    snapshots: { add: [], update: [], skip: 0 },
    withoutArticle: 0,
    changes: [],
  };
  const unknownArticleFields = incoming.unknownFields?.articles;
  const unknownHighlightFields = incoming.unknownFields?.highlights;
  const tagsByKey = await planTags(db, incoming.tags, plan.tags);
  const { nameOf } = tagMapsOf(tagsByKey.values());

  // Articles: the page and story say which article it is, whatever the id; the key is always recomputed from the
  // address, so a file cannot file an article (and its highlights) under another page.
  const articleIdMap = new Map<string, string>();
  const storedArticles = (await db.articles.toArray()).map((a) => storedFields('articles', articleFromRow(a, nameOf)));
  const articleById = new Map(storedArticles.map((a) => [a.id, a]));
  const articleByStory = new Map(storedArticles.map((a) => [storyOf(a), a]));
  const added = new Map<string, ArticleRecord>();
  const updated = new Map<string, ArticleRecord>();
  for (const record of newestById(incoming.articles)) {
    const key = urlKey(record.url);
    // The readers refuse such files; this guards callers that pass records directly.
    if (!key) {
      plan.articles.skip++;
      continue;
    }
    const article = { ...record, urlKey: key, tags: spelled(record.tags, tagsByKey) };
    const existing = articleByStory.get(storyOf(article));
    if (!existing) {
      // An id already used by another page's article gets a fresh one: an import never moves an article.
      const target = articleById.has(article.id) ? { ...article, id: crypto.randomUUID() } : article;
      added.set(target.id, target);
      articleIdMap.set(record.id, target.id);
      articleById.set(target.id, target);
      articleByStory.set(storyOf(target), target);
      continue;
    }
    articleIdMap.set(record.id, existing.id);
    const { merged, changes } = mergeArticle(existing, article, unknownArticleFields?.get(record.id));
    if (!changes.length || added.has(existing.id)) plan.articles.skip++;
    if (!changes.length) continue;
    if (added.has(existing.id)) added.set(existing.id, merged);
    else {
      updated.set(existing.id, merged);
      plan.changes.push(...changes);
    }
    articleById.set(merged.id, merged);
    articleByStory.set(storyOf(merged), merged);
  }
  plan.articles.add = [...added.values()];
  plan.articles.update = [...updated.values()];

  // Highlights take their article's key; a stored highlight stays on its article.
  const highlights = newestById(incoming.highlights);
  const inFile = new Set(incoming.articles.map((a) => a.id));
  const storedHighlights = await db.highlights.bulkGet(highlights.map((h) => h.id));
  highlights.forEach((record, i) => {
    const articleId = inFile.has(record.articleId) ? articleIdMap.get(record.articleId) : record.articleId;
    const article = articleId === undefined ? undefined : articleById.get(articleId);
    if (!article) {
      plan.highlights.skip++;
      plan.withoutArticle++;
      return;
    }
    const highlight = { ...record, articleId: article.id, urlKey: article.urlKey, tags: spelled(record.tags, tagsByKey) };
    const row = storedHighlights[i];
    if (!row) return void plan.highlights.add.push(highlight);
    const existing = storedFields('highlights', highlightFromRow(row, nameOf));
    // The same id on another article is not this highlight: the stored one is kept as it is.
    if (existing.articleId !== article.id) return void plan.highlights.skip++;
    const { merged, changes } = mergeHighlight(existing, highlight, unknownHighlightFields?.get(record.id));
    if (!changes.length) return void plan.highlights.skip++;
    plan.highlights.update.push(merged);
    plan.changes.push(...changes);
  });

  const fileArticleIds = new Set(incoming.articles.map((a) => a.id));
  const joinedArticleId = (id: string) => (fileArticleIds.has(id) ? articleIdMap.get(id) : articleById.has(id) ? id : undefined);
  plan.versions = await planVersions(db, incoming.versions ?? [], joinedArticleId);
  plan.snapshots = await planSnapshots(db, incoming.snapshots ?? [], (id) => {
    const joined = joinedArticleId(id);
    return joined === undefined ? undefined : articleById.get(joined);
  });

  const written = [plan.articles.add, plan.articles.update, plan.highlights.add, plan.highlights.update];
  planMissingTags(written.flat(), tagsByKey, plan.tags);
  return plan;
}
