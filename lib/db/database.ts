import Dexie from 'dexie';
import type { GlossDatabase } from '../model/database';
import { DB_NAME, SCHEMA_VERSIONS, type SchemaVersion } from './schema';
import { searchIndexMiddleware } from '../search/postings';

/** Declares the given schema versions (all of them by default) on a new Dexie instance. */
export function declareSchema(db: Dexie, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): void {
  const latest = Math.max(...versions.map((v) => v.version));
  for (const { version, stores, upgrade, derivedOnly } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade && !(derivedOnly && version < latest)) declared.upgrade(upgrade);
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
  db.use(searchIndexMiddleware);
  return db;
}
