import Dexie, { type EntityTable } from 'dexie';
import { DB_NAME, SCHEMA_VERSIONS, type SchemaVersion } from './schema';
import type { ArticleRecord, HighlightRecord, TagRecord } from '../model/records';
import { installSearchHooks } from '../library/search-terms-field';

export type GlossDatabase = Dexie & {
  articles: EntityTable<ArticleRecord, 'id'>;
  highlights: EntityTable<HighlightRecord, 'id'>;
  tags: EntityTable<TagRecord, 'id'>;
};

/** Declares the given schema versions (all of them by default) on a new Dexie instance. */
export function declareSchema(db: Dexie, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): void {
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}

/**
 * Opens Gloss's database. Only extension pages and the background call this:
 * in a content script IndexedDB belongs to the page, so content scripts ask
 * the background instead.
 */
export function openDatabase(name: string = DB_NAME): GlossDatabase {
  const db = new Dexie(name) as GlossDatabase;
  declareSchema(db);
  installSearchHooks(db);
  return db;
}
