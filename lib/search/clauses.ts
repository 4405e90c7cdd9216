/**
 * The conditions of a library query, each read from the postings as a sorted
 * key list. A clause's keys are exactly its matches, or (for a CJK phrase of
 * three or more characters, or a prefix too broad to expand) a superset or
 * nothing, and then its `test` decides on the loaded row.
 */
import Dexie from 'dexie';
import type { GlossDatabase } from '../model/database';
import type { TagRecord } from '../model/records';
import type { ResolvedTags } from '../tags/tag-aliases';
import { tagIsWithin } from '../tags/tag-names';
import { foldText } from '../text/fold';
import { EMPTY_KEYS, intersectKeys, unionKeys, type Keys } from './postings/keys';
import { prefixKeys, termKeys, termsWithPrefix } from './postings/read';
import {
  articleTagTerm, colorTerm, NOTE_TERM, ownTagTerm, PUBLISHED_PREFIX, siteTerm, statusTerm, UNDATED_TERM,
} from './postings/row-terms';
import { parseQuery, termsOf, termsSatisfy, type QueryClause } from './terms';
import type { LibraryFilters } from './types';
import type { LoadedRow } from './rows';

export interface Clause {
  /** The matching keys (a superset when `test` is set); null when the postings cannot list them. */
  keys: Keys | null;
  /** The exact test on a loaded row, when the keys alone do not decide. */
  test?: (row: LoadedRow) => boolean;
}

/** Keys excluded from every answer (the has-no-note filter). */
export interface QueryPlanInput {
  clauses: Clause[];
  exclude: Keys[];
  annotated: { from: number; to: number } | null;
}

/** A prefix read from postings at most this many chunks (about a thousand keys each); broader ones test rows. */
const MAX_PREFIX_CHUNKS = 200;

/**
 * The union of some terms' keys. A Dexie promise even for no terms: awaiting a
 * promise that waits on no database request loses Dexie's transaction zone.
 */
const unionOfTerms = (db: GlossDatabase, terms: readonly string[]): Promise<Keys> =>
  terms.length === 0 ? Dexie.Promise.resolve(EMPTY_KEYS) : Promise.all(terms.map((t) => termKeys(db, t))).then(unionKeys);

/** Own tags whose names satisfy a text clause: today's semantics, a tag's name is part of its highlight's text. */
function tagsMatching(tags: readonly TagRecord[], clause: QueryClause, phrase: string | null): TagRecord[] {
  return tags.filter((tag) => termsSatisfy(new Set(termsOf([tag.name])), clause) && (phrase === null || foldText(tag.name).includes(phrase)));
}

const rowHasTerms = (clause: QueryClause) => (row: LoadedRow) => termsSatisfy(row.terms(), clause);

async function textClause(db: GlossDatabase, clause: QueryClause, tags: ResolvedTags): Promise<Clause> {
  const phrase = clause.kind === 'exact' ? clause.substring : null;
  const viaTags = unionOfTerms(db, tagsMatching(tags.tags, clause, phrase).flatMap((tag) => tags.idsOf(tag.id).map(ownTagTerm)));
  switch (clause.kind) {
    case 'prefix':
    case 'word': {
      const { prefix } = clause;
      const expanded = prefix === null ? null : await prefixKeys(db, prefix, MAX_PREFIX_CHUNKS);
      if (prefix !== null && expanded === null) return { keys: null, test: rowHasTerms(clause) };
      const stem = clause.kind === 'word' ? [await termKeys(db, clause.stem)] : [];
      return { keys: unionKeys([...stem, ...(expanded ? [expanded] : []), await viaTags]) };
    }
    case 'exact': {
      const lists = await Promise.all(clause.terms.map((term) => termKeys(db, term)));
      const both = lists.reduce((acc, list) => intersectKeys(acc, list));
      const keys = unionKeys([both, await viaTags]);
      if (phrase === null) return { keys };
      return { keys, test: (row) => row.foldedText().includes(phrase) };
    }
  }
}

async function publishedKeys(db: GlossDatabase, from: string | undefined, to: string | undefined): Promise<Keys> {
  // A prefix bound (`2022-09`) includes the whole month.
  const upper = to === undefined ? null : to + '\uffff';
  const terms = (await termsWithPrefix(db, PUBLISHED_PREFIX)).filter((term) => {
    const date = term.slice(PUBLISHED_PREFIX.length);
    return (from === undefined || date >= from) && (upper === null || date <= upper);
  });
  return unionOfTerms(db, terms);
}

/** `tags`: the tags table resolved, so a tag's aliases' carriers match it (their postings hold the alias's id). */
export async function buildPlanInput(db: GlossDatabase, query: string, filters: LibraryFilters, tags: ResolvedTags): Promise<QueryPlanInput> {
  const clauses: Clause[] = [];
  const exclude: Keys[] = [];
  for (const clause of parseQuery(query)) clauses.push(await textClause(db, clause, tags));
  for (const name of filters.tags ?? []) {
    const ids = tags.tags.filter((tag) => tagIsWithin(tag.name, name)).flatMap((tag) => tags.idsOf(tag.id));
    clauses.push({ keys: await unionOfTerms(db, ids.flatMap((id) => [ownTagTerm(id), articleTagTerm(id)])) });
  }
  if (filters.colors?.length) clauses.push({ keys: await unionOfTerms(db, filters.colors.map(colorTerm)) });
  if (filters.statuses?.length) clauses.push({ keys: await unionOfTerms(db, filters.statuses.map(statusTerm)) });
  if (filters.sites?.length) clauses.push({ keys: await unionOfTerms(db, filters.sites.map(siteTerm)) });
  if (filters.publishedFrom !== undefined || filters.publishedTo !== undefined) {
    clauses.push({ keys: await publishedKeys(db, filters.publishedFrom, filters.publishedTo) });
  }
  if (filters.hasNote === true) clauses.push({ keys: await termKeys(db, NOTE_TERM) });
  if (filters.hasNote === false) exclude.push(await termKeys(db, NOTE_TERM));
  const annotated =
    filters.annotatedFrom !== undefined || filters.annotatedTo !== undefined
      ? { from: filters.annotatedFrom ?? -Infinity, to: filters.annotatedTo ?? Infinity }
      : null;
  return { clauses, exclude, annotated };
}

/** Published-date terms in the `published` sort's order: dated ones by date, undated last either way. */
export async function publishedOrder(db: GlossDatabase, direction: 'asc' | 'desc'): Promise<string[]> {
  const dated = await termsWithPrefix(db, PUBLISHED_PREFIX);
  if (direction === 'desc') dated.reverse();
  return [...dated, UNDATED_TERM];
}
