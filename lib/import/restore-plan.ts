/**
 * What a restore will do, decided against the database's current content:
 * records are matched by id (articles also by page and story, tags by folded
 * name), the newer `updatedAt` wins, and nothing is duplicated.
 */
import type { GlossDatabase } from '../db/database';
import type { ArticleRecord, HighlightRecord, TagRecord } from '../db/types';
import type { RecordSet } from './backup-schema';

export interface PlannedChanges<T> {
  add: T[];
  update: T[];
  skip: number;
}

export interface RestorePlan {
  articles: PlannedChanges<ArticleRecord>;
  highlights: PlannedChanges<HighlightRecord>;
  tags: PlannedChanges<TagRecord>;
  /** Highlights left out because their article is neither in the file nor in the database. */
  withoutArticle: number;
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
  return [plan.articles, plan.highlights, plan.tags].reduce((n, p) => n + p.add.length + p.update.length, 0);
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

/** Reads what it needs from the database; call inside a transaction to make plan and apply atomic. */
export async function planRestore(db: GlossDatabase, incoming: RecordSet): Promise<RestorePlan> {
  const plan: RestorePlan = {
    articles: { add: [], update: [], skip: 0 },
    highlights: { add: [], update: [], skip: 0 },
    tags: { add: [], update: [], skip: 0 },
    withoutArticle: 0,
  };

  // Articles: an article of the same page and story under another id is the same article.
  const articleIdMap = new Map<string, string>();
  const storedArticles = await db.articles.toArray();
  const articleById = new Map(storedArticles.map((a) => [a.id, a]));
  const articleByStory = new Map(storedArticles.map((a) => [storyOf(a), a]));
  for (const article of newestById(incoming.articles)) {
    const existing = articleById.get(article.id) ?? articleByStory.get(storyOf(article));
    const target = existing ? { ...article, id: existing.id } : article;
    articleIdMap.set(article.id, target.id);
    if (!existing) plan.articles.add.push(target);
    else if (article.updatedAt > existing.updatedAt) plan.articles.update.push(target);
    else {
      plan.articles.skip++;
      continue;
    }
    articleById.set(target.id, target);
    articleByStory.set(storyOf(target), target);
  }

  const highlights = newestById(incoming.highlights).map((h) => {
    const articleId = articleIdMap.get(h.articleId) ?? h.articleId;
    return articleId === h.articleId ? h : { ...h, articleId };
  });
  const storedHighlights = await db.highlights.bulkGet(highlights.map((h) => h.id));
  highlights.forEach((highlight, i) => {
    const existing = storedHighlights[i];
    if (!articleById.has(highlight.articleId)) {
      plan.highlights.skip++;
      plan.withoutArticle++;
    } else if (!existing) plan.highlights.add.push(highlight);
    else if (highlight.updatedAt > existing.updatedAt) plan.highlights.update.push(highlight);
    else plan.highlights.skip++;
  });

  // Tags have no update time: an existing tag (same id or same folded name) is kept as it is.
  const storedTags = await db.tags.toArray();
  const tagIds = new Set(storedTags.map((t) => t.id));
  const tagKeys = new Set(storedTags.map((t) => t.nameKey));
  for (const tag of newestById(incoming.tags)) {
    if (tagIds.has(tag.id) || tagKeys.has(tag.nameKey)) plan.tags.skip++;
    else {
      plan.tags.add.push(tag);
      tagIds.add(tag.id);
      tagKeys.add(tag.nameKey);
    }
  }
  return plan;
}
