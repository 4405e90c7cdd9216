/**
 * Counts per facet value for the filter UI, over the highlights matching a
 * query and filters. With no condition at all, every count is an index
 * count; otherwise the matching rows are read once.
 */
import type { GlossDatabase } from '../db/database';
import { buildClauses, candidateKeys, loadMatching, matchesAll } from './plan';
import type { IndexedHighlight } from './search-terms-field';
import { HAS_NOTE_TERM } from './terms';
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

async function countByIndex(db: GlossDatabase, index: 'color' | 'status' | 'tags'): Promise<Map<string, number>> {
  const values = (await db.highlights.orderBy(index).uniqueKeys()) as string[];
  const counts = await Promise.all(values.map((value) => db.highlights.where(index).equals(value).count()));
  return new Map(values.map((value, i) => [value, counts[i]!]));
}

async function unfilteredFacets(db: GlossDatabase): Promise<LibraryFacets> {
  const [total, colors, statuses, tags, withNote, sites] = await Promise.all([
    db.highlights.count(),
    countByIndex(db, 'color'),
    countByIndex(db, 'status'),
    countByIndex(db, 'tags'),
    db.highlights.where('searchTerms').equals(HAS_NOTE_TERM).count(),
    sitesByArticle(db),
  ]);
  const articlesBySite = new Map<string, string[]>();
  for (const [articleId, site] of sites) articlesBySite.set(site, [...(articlesBySite.get(site) ?? []), articleId]);
  const siteNames = [...articlesBySite.keys()];
  const siteCounts = await Promise.all(
    siteNames.map((site) => db.highlights.where('articleId').anyOf(articlesBySite.get(site)!).count()),
  );
  return {
    total,
    colors: sortedCounts(colors),
    statuses: sortedCounts(statuses),
    tags: sortedCounts(tags),
    sites: sortedCounts(new Map(siteNames.map((site, i) => [site, siteCounts[i]!]))),
    withNote,
  };
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
    if (clauses.length === 0) return unfilteredFacets(db);
    const candidates = await candidateKeys(clauses);
    const rows =
      candidates !== null
        ? await loadMatching(db, candidates)
        : ((await db.highlights.filter(matchesAll(clauses)).toArray()) as IndexedHighlight[]);
    return facetsOfRows(rows, await sitesByArticle(db));
  });
}
