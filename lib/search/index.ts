/**
 * The library's data side: search, filters, the first screen
 * and the overview. Every function takes the database and returns plain
 * data. Re-run them on Dexie's `storagemutated` (components/data/useQuery.ts),
 * not inside `liveQuery`, where the search's read transaction commits early.
 * The index itself is in postings/.
 */
export { searchHighlights, countMatches, DEFAULT_PAGE_SIZE } from './search';
export { recentArticles } from './recent';
export { activityByPeriod, topTags, periodStart } from './overview';
export { foldText } from '../text/fold';
export { parseQuery, type QueryClause } from './terms';
export { searchIndexMiddleware, deferSearchIndex, rebuildSearchIndex } from './postings';
export type * from './types';
export { summarizeArticle } from './types';
