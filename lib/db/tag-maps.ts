/**
 * Tag ids ↔ names for converting rows to records and back (lib/model/rows.ts).
 * The tags table is small (a few hundred rows), so callers read it whole once
 * per operation rather than looking names up one by one.
 */
import type { GlossDatabase } from '../model/database';
import type { ArticleRecord, ArticleRow, HighlightRecord, HighlightRow, TagRecord } from '../model/records';
import { articleFromRow, articleToRow, highlightFromRow, highlightToRow, type TagIdOf, type TagNameOf } from '../model/rows';
import { resolveTags } from '../tags/tag-aliases';
import { foldTagName } from '../tags/tag-names';
import { ensureTags } from './tags';

export interface TagMaps {
  /** Tag id → its name; an alias's id → its target's name. */
  nameOf: TagNameOf;
  /** Any spelling that folds to a tag's name → that tag's id, never an alias's: new rows carry the real id. */
  idOf: TagIdOf;
}

export function tagMapsOf(tags: Iterable<TagRecord>): TagMaps {
  const resolved = resolveTags(tags);
  const idByKey = new Map(resolved.tags.map((tag) => [tag.nameKey, tag.id]));
  return { nameOf: (id) => resolved.names.get(id), idOf: (name) => idByKey.get(foldTagName(name)) };
}

/** The maps for the tags as stored now; inside a transaction, include db.tags in it. */
export async function tagMaps(db: GlossDatabase): Promise<TagMaps> {
  return tagMapsOf(await db.tags.toArray());
}

/**
 * The maps after creating the tags these names lack (validated as ensureTags
 * does), for writers about to store the names as ids.
 */
export async function ensureTagMaps(db: GlossDatabase, names: Iterable<string>): Promise<TagMaps> {
  const wanted = [...new Set(names)];
  return db.transaction('rw', db.tags, async () => {
    if (wanted.length) await ensureTags(db, wanted);
    return tagMaps(db);
  });
}

/** Rows for records, creating the tags their names lack; inside a writer's transaction, include db.tags in it. */
export async function rowsFor(
  db: GlossDatabase,
  records: { articles?: readonly ArticleRecord[]; highlights?: readonly HighlightRecord[] },
): Promise<{ articles: ArticleRow[]; highlights: HighlightRow[] }> {
  const { articles = [], highlights = [] } = records;
  const { idOf } = await ensureTagMaps(db, [...articles, ...highlights].flatMap((r) => r.tags));
  return { articles: articles.map((a) => articleToRow(a, idOf)), highlights: highlights.map((h) => highlightToRow(h, idOf)) };
}

export async function highlightRecords(db: GlossDatabase, rows: readonly HighlightRow[]): Promise<HighlightRecord[]> {
  if (rows.length === 0) return [];
  const { nameOf } = await tagMaps(db);
  return rows.map((row) => highlightFromRow(row, nameOf));
}

export async function articleRecords(db: GlossDatabase, rows: readonly ArticleRow[]): Promise<ArticleRecord[]> {
  if (rows.length === 0) return [];
  const { nameOf } = await tagMaps(db);
  return rows.map((row) => articleFromRow(row, nameOf));
}
