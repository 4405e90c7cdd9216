/**
 * The shape of Gloss's Dexie database: its tables and their records. A type
 * only, so search, transfer and topics can take the database as a parameter
 * without importing lib/db, which opens it.
 */
import type Dexie from 'dexie';
import type { EntityTable, Table } from 'dexie';
import type { ArticleRow, HighlightRow, PostingRow, SnapshotFile, SnapshotRecord, TagRecord, VersionRecord } from './records';

export type GlossDatabase = Dexie & {
  articles: EntityTable<ArticleRow, 'id'>;
  highlights: EntityTable<HighlightRow, 'id'>;
  tags: EntityTable<TagRecord, 'id'>;
  /** The texts an article had on the visits Gloss saw (lib/versions). */
  versions: EntityTable<VersionRecord, 'id'>;
  /** The search index (lib/search/postings), derived from highlights and articles. */
  postings: Table<PostingRow, [string, number]>;
  /** Page snapshots (MHTML): what they are, and apart from that their bytes. */
  snapshots: EntityTable<SnapshotRecord, 'id'>;
  snapshotFiles: EntityTable<SnapshotFile, 'id'>;
};
