/**
 * The derived `searchTerms` field: computed from a row's own text fields,
 * stored on the row for the `*searchTerms` multiEntry index, and kept right
 * by Dexie hooks so every writer (repository, importer, tag rewrites) updates
 * it without knowing it exists.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { GlossDatabase } from '../model/database';
import type { ArticleRecord, HighlightRecord } from '../model/records';
import { articleSearchTerms, highlightSearchTerms, type TermEntry } from './terms';

export interface SearchTermsField {
  searchTerms?: unknown[];
}

/** Highlights index `[term, createdAt]` pairs (see TermEntry); articles plain terms. */
export type IndexedHighlight = HighlightRecord & { searchTerms?: TermEntry[] };
export type IndexedArticle = ArticleRecord & { searchTerms?: string[] };

const termsOfRows = new WeakMap<object, ReadonlySet<string>>();

/** The terms of a loaded highlight row, as a set (memoized per row object). */
export function rowTerms(row: IndexedHighlight): ReadonlySet<string> {
  let terms = termsOfRows.get(row);
  if (!terms) {
    terms = new Set((row.searchTerms ?? []).map((entry) => entry[0]));
    termsOfRows.set(row, terms);
  }
  return terms;
}

/** Top-level fields whose change means the terms must be recomputed. */
const HIGHLIGHT_SOURCES = ['selectors', 'note', 'tags', 'createdAt', 'searchTerms'];
const ARTICLE_SOURCES = ['title', 'kicker', 'subtitle', 'authors', 'siteName', 'searchTerms'];

function touches(modifications: object, sources: readonly string[]): boolean {
  return Object.keys(modifications).some((keyPath) => sources.includes(keyPath.split('.')[0]!));
}

/** The row as it will be after the update (modifications use dotted key paths; undefined deletes). */
function applyModifications<T extends object>(row: T, modifications: Record<string, unknown>): T {
  const next = Dexie.deepClone(row);
  for (const [keyPath, value] of Object.entries(modifications)) Dexie.setByKeyPath(next, keyPath, value);
  return next;
}

/** Schema upgrades write what their own frozen code computes (lib/db/migrations); the live terms stay out. */
const inUpgrade = (tx: Transaction): boolean => tx.idbtrans.mode === 'versionchange';

function installOn<T extends { id: string }>(
  table: EntityTable<T, 'id'>,
  sources: readonly string[],
  compute: (row: T) => unknown[],
): void {
  table.hook('creating', (_key, row, tx) => {
    if (inUpgrade(tx)) return;
    (row as SearchTermsField).searchTerms = compute(row);
  });
  table.hook('updating', (modifications, _key, row, tx) => {
    if (inUpgrade(tx) || !touches(modifications, sources)) return undefined;
    return { searchTerms: compute(applyModifications(row, modifications as Record<string, unknown>)) };
  });
}

/** Installs the hooks on an opened-or-not database; call once per Dexie instance. */
export function installSearchHooks(database: GlossDatabase): void {
  installOn<HighlightRecord>(database.highlights, HIGHLIGHT_SOURCES, highlightSearchTerms);
  installOn<ArticleRecord>(database.articles, ARTICLE_SOURCES, articleSearchTerms);
}

/** Removes the derived field, for handing rows to the UI or to exports. */
export function withoutSearchTerms<T extends object>(row: T): Omit<T, 'searchTerms'> {
  const { searchTerms: _dropped, ...rest } = row as T & SearchTermsField;
  return rest;
}
