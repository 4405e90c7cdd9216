/**
 * The conditions of a library query. Each clause knows the index ranges that
 * list its highlights (their union), the articles whose highlights all match
 * it, and an exact test on a loaded row. The planner (plan.ts) decides what
 * to read.
 */
import type { GlossDatabase } from '../model/database';
import { tagIsWithin } from '../tags/tag-names';
import { rowTerms, type IndexedArticle, type IndexedHighlight } from './search-terms-field';
import { foldText } from '../text/fold';
import {
  HAS_NOTE_TERM, articleSearchTexts, highlightSearchTexts, parseQuery, termsSatisfy, type QueryClause,
} from './terms';
import type { LibraryFilters } from './types';

/** An inclusive key range on an index of `highlights`. */
export interface IndexRange {
  index: 'searchTerms' | 'tags' | 'color' | 'status' | 'createdAt';
  lower: unknown;
  upper: unknown;
}

export interface Clause {
  /** Ranges whose union lists the highlights matching on their own fields; null when no index helps. */
  ranges: IndexRange[] | null;
  /** Articles all of whose highlights match (title, tags, site…). */
  articleIds: ReadonlySet<string>;
  /** True when the ranges may list more than match, so rows must be tested. */
  verify: boolean;
  /** Loads what `test` needs for these rows (called before testing them). */
  prepare?: (rows: readonly IndexedHighlight[]) => Promise<void>;
  test(row: IndexedHighlight): boolean;
}

const MAX_UNICODE = '\uffff';
const NO_ARTICLES: ReadonlySet<string> = new Set();

/** The `[term, createdAt]` range of one term's entries: annotation order. */
const termRange = (term: string): IndexRange => ({ index: 'searchTerms', lower: [term, -Infinity], upper: [term, Infinity] });
const prefixRange = (prefix: string): IndexRange => ({
  index: 'searchTerms', lower: [prefix, -Infinity], upper: [prefix + MAX_UNICODE, Infinity],
});
const valueRange = (index: IndexRange['index'], value: unknown): IndexRange => ({ index, lower: value, upper: value });

/** A single exact term or a time range: its one range lists matches in annotation order. */
export function isTimeOrdered(range: IndexRange): boolean {
  if (range.index === 'createdAt') return true;
  if (range.index !== 'searchTerms') return false;
  return (range.lower as unknown[])[0] === (range.upper as unknown[])[0];
}

type ArticleTable = GlossDatabase['articles'];

async function articleKeys(table: ArticleTable, index: string, lower: unknown, upper: unknown): Promise<Set<string>> {
  return new Set((await table.where(index).between(lower, upper, true, true).primaryKeys()) as string[]);
}

function intersect(sets: ReadonlySet<string>[]): Set<string> {
  if (sets.length === 0) return new Set();
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  return new Set([...smallest!].filter((key) => rest.every((set) => set.has(key))));
}

const unionOf = (sets: ReadonlySet<string>[]) => new Set(sets.flatMap((set) => [...set]));

const foldedHighlightText = (row: IndexedHighlight): string => foldText(highlightSearchTexts(row).join('\n'));

/**
 * The clauses of one part of the query. A CJK phrase becomes one clause per
 * bigram (each can drive the index) plus a row-only clause that checks the
 * phrase is really there; the others map to one clause.
 */
async function textClauses(db: GlossDatabase, clause: QueryClause): Promise<Clause[]> {
  const articlesWith = (term: string) => articleKeys(db.articles, 'searchTerms', term, term);
  const articlesWithPrefix = (prefix: string) => articleKeys(db.articles, 'searchTerms', prefix, prefix + MAX_UNICODE);
  switch (clause.kind) {
    case 'prefix': {
      const articleIds = await articlesWithPrefix(clause.prefix);
      return [{ ranges: [prefixRange(clause.prefix)], articleIds, verify: false, test: (row) => articleIds.has(row.articleId) || termsSatisfy(rowTerms(row), clause) }];
    }
    case 'word': {
      const ranges = [termRange(clause.stem)];
      const articleSets = [await articlesWith(clause.stem)];
      if (clause.prefix !== null) {
        ranges.push(prefixRange(clause.prefix));
        articleSets.push(await articlesWithPrefix(clause.prefix));
      }
      const articleIds = unionOf(articleSets);
      return [{ ranges, articleIds, verify: false, test: (row) => articleIds.has(row.articleId) || termsSatisfy(rowTerms(row), clause) }];
    }
    case 'exact': {
      const perTerm = await Promise.all(
        clause.terms.map(async (term): Promise<Clause> => {
          const articleIds = await articlesWith(term);
          return { ranges: [termRange(term)], articleIds, verify: false, test: (row) => articleIds.has(row.articleId) || rowTerms(row).has(term) };
        }),
      );
      const phrase = clause.substring;
      if (phrase === null) return perTerm;
      // Articles having every bigram are checked for the whole phrase only when
      // one of their highlights is tested: loading them all could mean hundreds.
      const candidates = intersect(perTerm.map((c) => c.articleIds));
      const verified = new Map<string, boolean>();
      const whole: Clause = {
        ranges: null,
        articleIds: candidates,
        verify: true,
        async prepare(rows) {
          const ids = [...new Set(rows.map((row) => row.articleId))].filter((id) => candidates.has(id) && !verified.has(id));
          if (ids.length === 0) return;
          const articles = (await db.articles.bulkGet(ids)) as (IndexedArticle | undefined)[];
          ids.forEach((id, i) => {
            const article = articles[i];
            verified.set(id, !!article && foldText(articleSearchTexts(article).join('\n')).includes(phrase));
          });
        },
        test: (row) => verified.get(row.articleId) === true || foldedHighlightText(row).includes(phrase),
      };
      return [...perTerm, whole];
    }
  }
}

export async function queryClauses(db: GlossDatabase, query: string): Promise<Clause[]> {
  return (await Promise.all(parseQuery(query).map((clause) => textClauses(db, clause)))).flat();
}

/**
 * The stored spellings of a tag and its descendants: a tag matches whatever the case and width
 * (tagIsWithin), which no index range can express, so the distinct names in the tag indexes are read.
 */
async function spellingsWithin(db: GlossDatabase, tag: string): Promise<string[]> {
  const names = new Set<string>();
  for (const table of [db.highlights, db.articles]) {
    for (const name of (await table.orderBy('tags').uniqueKeys()) as string[]) if (tagIsWithin(name, tag)) names.add(name);
  }
  return [...names];
}

async function tagClause(db: GlossDatabase, tag: string): Promise<Clause> {
  const names = await spellingsWithin(db, tag);
  const articleIds = unionOf(await Promise.all(names.map((name) => articleKeys(db.articles, 'tags', name, name))));
  return {
    ranges: names.map((name) => valueRange('tags', name)),
    articleIds,
    verify: false,
    test: (row) => articleIds.has(row.articleId) || row.tags.some((stored) => tagIsWithin(stored, tag)),
  };
}

function anyOfClause(index: 'color' | 'status', values: readonly string[]): Clause {
  const wanted = new Set(values);
  return {
    ranges: [...wanted].map((value) => valueRange(index, value)),
    articleIds: NO_ARTICLES,
    verify: false,
    test: (row) => wanted.has(row[index]),
  };
}

/** A condition on the article (site, published date): a set of article ids. */
function articleSetClause(articleIds: ReadonlySet<string>): Clause {
  return { ranges: [], articleIds, verify: false, test: (row) => articleIds.has(row.articleId) };
}

export async function filterClauses(db: GlossDatabase, filters: LibraryFilters): Promise<Clause[]> {
  const clauses: Clause[] = [];
  for (const tag of filters.tags ?? []) clauses.push(await tagClause(db, tag));
  if (filters.colors?.length) clauses.push(anyOfClause('color', filters.colors));
  if (filters.statuses?.length) clauses.push(anyOfClause('status', filters.statuses));
  if (filters.sites?.length) {
    const sets = await Promise.all(filters.sites.map((site) => articleKeys(db.articles, 'siteName', site, site)));
    clauses.push(articleSetClause(unionOf(sets)));
  }
  if (filters.publishedFrom !== undefined || filters.publishedTo !== undefined) {
    // A prefix bound (`2022-09`) includes the whole month.
    const to = (filters.publishedTo ?? MAX_UNICODE) + MAX_UNICODE;
    clauses.push(articleSetClause(await articleKeys(db.articles, 'publishedDate', filters.publishedFrom ?? '', to)));
  }
  if (filters.annotatedFrom !== undefined || filters.annotatedTo !== undefined) {
    const from = filters.annotatedFrom ?? -Infinity;
    const to = filters.annotatedTo ?? Infinity;
    clauses.push({
      // Inclusive upper bound in the index; the row test excludes `to` itself.
      ranges: [{ index: 'createdAt', lower: from, upper: to }],
      articleIds: NO_ARTICLES,
      verify: true,
      test: (row) => row.createdAt >= from && row.createdAt < to,
    });
  }
  if (filters.hasNote !== undefined) {
    const wanted = filters.hasNote;
    clauses.push({
      ranges: wanted ? [termRange(HAS_NOTE_TERM)] : null,
      articleIds: NO_ARTICLES,
      verify: !wanted,
      test: (row) => (row.note.trim().length > 0) === wanted,
    });
  }
  return clauses;
}
