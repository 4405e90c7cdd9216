/** Reads what an export covers from the database, grouped by article in a stable order. */
import type { GlossDatabase } from '../../model/database';
import type { ArticleRecord, ArticleRow, HighlightRecord, HighlightRow } from '../../model/records';
import { articleFromRow, highlightFromRow } from '../../model/rows';
import { tagMaps } from '../../db/tag-maps';
import { carrierIdsOf, findTag } from '../../db/tags';
import { carriers } from '../../db/tags-rewrite';
import { storedFields } from '../import/backup-schema';
import { seqBase } from '../../search/postings/seq';
import { articleProof } from '../../db/versions';
import type { ArticleBundle } from './types';

export type ExportScope =
  | { kind: 'all' }
  | { kind: 'articles'; ids: readonly string[] }
  /** Highlights carrying the tag, and every highlight of articles carrying it. */
  | { kind: 'tag'; name: string }
  /** Highlights created in [from, to) (epoch ms). */
  | { kind: 'dates'; from: number; to: number };

function byCreation(a: ArticleRecord, b: ArticleRecord): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Groups highlights under their articles; articles without highlights are kept only when asked. */
export function groupBundles(articles: readonly ArticleRecord[], highlights: readonly HighlightRecord[], keepEmpty: boolean): ArticleBundle[] {
  const byArticle = new Map<string, HighlightRecord[]>();
  for (const h of highlights) {
    const list = byArticle.get(h.articleId);
    if (list) list.push(h);
    else byArticle.set(h.articleId, [h]);
  }
  return [...articles]
    .sort(byCreation)
    .map((article) => ({
      article: storedFields('articles', article),
      highlights: (byArticle.get(article.id) ?? []).map((h) => storedFields('highlights', h)),
    }))
    .filter((bundle) => keepEmpty || bundle.highlights.length > 0);
}

const present = <T>(row: T | undefined): row is T => row !== undefined;

/** The rows an export covers: articles kept even without highlights unless `keepEmpty` is false. */
async function rowsOf(db: GlossDatabase, scope: ExportScope): Promise<{ articles: ArticleRow[]; highlights: HighlightRow[]; keepEmpty: boolean }> {
  switch (scope.kind) {
    case 'all':
      return { articles: await db.articles.toArray(), highlights: await db.highlights.toArray(), keepEmpty: true };
    case 'articles': {
      const articles = (await db.articles.bulkGet([...scope.ids])).filter(present);
      const highlights = await db.highlights.where('articleId').anyOf([...scope.ids]).toArray();
      return { articles, highlights, keepEmpty: true };
    }
    case 'tag': {
      const tag = await findTag(db, scope.name);
      if (!tag) return { articles: [], highlights: [], keepEmpty: true };
      // Its aliases' carriers carry it too.
      const tagIds = await carrierIdsOf(db, tag);
      const tagged = await carriers(db.highlights, tagIds);
      const taggedArticles = await carriers(db.articles, tagIds);
      const ofArticles = await db.highlights.where('articleId').anyOf(taggedArticles.map((a) => a.id)).toArray();
      const highlights = [...new Map([...tagged, ...ofArticles].map((h) => [h.id, h])).values()];
      const ids = [...new Set(highlights.map((h) => h.articleId).concat(taggedArticles.map((a) => a.id)))];
      return { articles: (await db.articles.bulkGet(ids)).filter(present), highlights, keepEmpty: true };
    }
    case 'dates': {
      // `seq` is createdAt × 1,000 plus a tie-breaker: the date range is a seq range.
      const highlights = await db.highlights.where('seq').between(seqBase(scope.from), seqBase(scope.to), true, false).toArray();
      const ids = [...new Set(highlights.map((h) => h.articleId))];
      return { articles: (await db.articles.bulkGet(ids)).filter(present), highlights, keepEmpty: false };
    }
  }
}

export interface LoadOptions {
  /** Each article's text as clipped and its change since (lib/db/versions.ts). */
  proof?: boolean;
}

export async function loadBundles(db: GlossDatabase, scope: ExportScope, options: LoadOptions = {}): Promise<ArticleBundle[]> {
  const bundles = await db.transaction('r', db.articles, db.highlights, db.tags, async () => {
    const { articles, highlights, keepEmpty } = await rowsOf(db, scope);
    const { nameOf } = await tagMaps(db);
    return groupBundles(
      articles.map((a) => articleFromRow(a, nameOf)),
      highlights.map((h) => highlightFromRow(h, nameOf)),
      keepEmpty,
    );
  });
  if (options.proof) for (const bundle of bundles) bundle.proof = await articleProof(db, bundle.article);
  return bundles;
}
