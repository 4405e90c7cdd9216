/**
 * Counts per facet value for the filter UI, over the highlights matching a
 * query and filters. Few candidates: their rows are read; otherwise every
 * row is read once in bounded chunks (IndexedDB counts walk their range in
 * any case, and per-value counts would walk it once per value).
 */
import type { GlossDatabase } from '../model/database';
import { allMatching, buildClauses } from './plan';
import type { IndexedHighlight } from './search-terms-field';
import type { FacetCount, LibraryFacets, LibraryQuery } from './types';

function sortedCounts(counts: Map<string, number>): FacetCount[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

const bump = (counts: Map<string, number>, key: string, by = 1) => counts.set(key, (counts.get(key) ?? 0) + by);

/** Article id → site name, from the `siteName` index alone. */
async function sitesByArticle(db: GlossDatabase): Promise<Map<string, string>> {
  const sites = new Map<string, string>();
  await db.articles.orderBy('siteName').eachKey((site, cursor) => sites.set(cursor.primaryKey as string, site as string));
  return sites;
}

function facetsOfRows(rows: readonly IndexedHighlight[], sites: ReadonlyMap<string, string>): LibraryFacets {
  const colors = new Map<string, number>();
  const statuses = new Map<string, number>();
  const tags = new Map<string, number>();
  const siteCounts = new Map<string, number>();
  let withNote = 0;
  for (const row of rows) {
    bump(colors, row.color);
    bump(statuses, row.status);
    for (const tag of new Set(row.tags)) bump(tags, tag);
    const site = sites.get(row.articleId);
    if (site !== undefined) bump(siteCounts, site);
    if (row.note.trim().length > 0) withNote++;
  }
  return {
    total: rows.length,
    colors: sortedCounts(colors),
    statuses: sortedCounts(statuses),
    tags: sortedCounts(tags),
    sites: sortedCounts(siteCounts),
    withNote,
  };
}

export async function facetCounts(db: GlossDatabase, query: LibraryQuery = {}): Promise<LibraryFacets> {
  return db.transaction('r', db.highlights, db.articles, async () => {
    const clauses = await buildClauses(db, query);
    const rows = await allMatching(db, clauses);
    return facetsOfRows(rows, await sitesByArticle(db));
  });
}
