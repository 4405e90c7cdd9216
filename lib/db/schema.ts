/**
 * Every version of the schema, oldest first. A new version appends an entry
 * (with its `upgrade` when rows must change, frozen in migrations/) and a
 * test in test/unit/db/migrations.test.ts that opens real rows written at the
 * previous version.
 */
import type { Transaction } from 'dexie';
import { addSearchTermsV2 } from './migrations/v2-search-terms';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const DB_NAME = 'gloss';

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      articles: 'id, urlKey, &[urlKey+storyKey], updatedAt, createdAt, siteName, publishedDate, *tags',
      highlights: 'id, articleId, urlKey, updatedAt, createdAt, color, status, *tags',
      tags: 'id, &nameKey, createdAt',
    },
  },
  {
    // Library search (lib/search): derived, hook-maintained term lists.
    version: 2,
    stores: {
      articles: 'id, urlKey, &[urlKey+storyKey], updatedAt, createdAt, siteName, publishedDate, *tags, *searchTerms',
      highlights: 'id, articleId, urlKey, updatedAt, createdAt, color, status, *tags, *searchTerms',
    },
    upgrade: addSearchTermsV2,
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
