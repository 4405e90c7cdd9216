/**
 * Every version of the schema, oldest first. A new version appends an entry
 * (with its `upgrade` when rows must change, frozen in migrations/) and a
 * test in test/unit/db/migrations.test.ts that opens real rows written at the
 * previous version.
 */
import type { Transaction } from 'dexie';
import { addSearchTermsV2 } from './migrations/v2-search-terms';
import { tagIdsV3 } from './migrations/v3-tag-ids';
import { firstVersionsV4 } from './migrations/v4-versions';
import { rebuildSearchIndex } from '../search/postings';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
  /**
   * The upgrade only computes derived data that a later version drops or
   * rebuilds: skipped when that later version is declared too (v1 → v3 need
   * not compute v2's search terms).
   */
  derivedOnly?: boolean;
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
    derivedOnly: true,
  },
  {
    // Tags by id, and the search index out of the rows into `postings` (rebuilt by the upgrade).
    // Colour, status, tag-name and date filters are answered by postings, so their row indexes go;
    // `seq` orders highlights by creation, so `createdAt` needs no index of its own.
    version: 3,
    stores: {
      articles: 'id, urlKey, &[urlKey+storyKey], updatedAt, siteName, *tagIds',
      highlights: 'id, articleId, urlKey, updatedAt, *tagIds, &seq',
      postings: '[term+start]',
    },
    // The index is derived data, so the live code builds it: it must match what live search reads.
    upgrade: async (tx) => {
      await tagIdsV3(tx);
      await rebuildSearchIndex(tx, { assignSeqs: true });
    },
  },
  {
    // Versions of an article (lib/versions): the first is made from each article's clipped text. Page snapshots
    // (MHTML) listed per page, their bytes apart: new tables, no rows change.
    version: 4,
    stores: { versions: 'id, articleId', snapshots: 'id, urlKey, &[urlKey+sha256]', snapshotFiles: 'id' },
    upgrade: firstVersionsV4,
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
