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

function installOn<T extends { id: string }>(
  table: EntityTable<T, 'id'>,
  sources: readonly string[],
  compute: (row: T) => unknown[],
): void {
  table.hook('creating', (_key, row) => {
    (row as SearchTermsField).searchTerms = compute(row);
  });
  table.hook('updating', (modifications, _key, row) => {
    if (!touches(modifications, sources)) return undefined;
    return { searchTerms: compute(applyModifications(row, modifications as Record<string, unknown>)) };
  });
}

/** Installs the hooks on an opened-or-not database; call once per Dexie instance. */
export function installSearchHooks(database: GlossDatabase): void {
  installOn<HighlightRecord>(database.highlights, HIGHLIGHT_SOURCES, highlightSearchTerms);
  installOn<ArticleRecord>(database.articles, ARTICLE_SOURCES, articleSearchTerms);
}

/** Schema v2's upgrade: computes the terms of every existing row. */
export async function addSearchTermsToExistingRows(tx: Transaction): Promise<void> {
  await tx.table<IndexedHighlight>('highlights').toCollection().modify((row) => {
    row.searchTerms = highlightSearchTerms(row);
  });
  await tx.table<IndexedArticle>('articles').toCollection().modify((row) => {
    row.searchTerms = articleSearchTerms(row);
  });
}

/** Removes the derived field, for handing rows to the UI or to exports. */
export function withoutSearchTerms<T extends object>(row: T): Omit<T, 'searchTerms'> {
  const { searchTerms: _dropped, ...rest } = row as T & SearchTermsField;
  return rest;
}
