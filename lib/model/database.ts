/**
 * The shape of Gloss's Dexie database: its tables and their records. A type
 * only, so search, transfer and topics can take the database as a parameter
 * without importing lib/db, which opens it.
 */
import type Dexie from 'dexie';
import type { EntityTable } from 'dexie';
import type { ArticleRecord, HighlightRecord, TagRecord } from './records';

export type GlossDatabase = Dexie & {
  articles: EntityTable<ArticleRecord, 'id'>;
  highlights: EntityTable<HighlightRecord, 'id'>;
  tags: EntityTable<TagRecord, 'id'>;
};
