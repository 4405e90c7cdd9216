/**
 * Keeps the postings right for every write to highlights and articles, in the
 * writer's own transaction, so no writer (repository, tag rewrites, imports)
 * needs to know the index exists. A Dexie DBCore middleware:
 * - widens read-write transactions on highlights or articles to the tables the
 *   index reads and writes;
 * - gives each written highlight its `seq` (seq.ts), keeping the stored one
 *   while `createdAt` is unchanged, trying the next tie-breaker on a clash;
 * - diffs the old and new terms of each written row and applies the diff;
 * - on an article whose indexed fields changed, reindexes its highlights.
 * Bulk writers skip it for a transaction (deferSearchIndex) and rebuild after.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { ArticleRow, HighlightRow } from '../../model/records';
import { applyPostingChanges, PostingChanges } from './chunk-store';
import { highlightRowTerms, indexedArticleSignature } from './row-terms';
import { assignSeqs, MAX_ATTEMPTS, seqCandidate, seqFits } from './seq';

const INDEXED_TABLES = ['highlights', 'articles'];
const WIDENED = ['highlights', 'articles', 'postings'];
const EQUAL = 1 as const;

const deferred = new WeakSet<object>();

/** Writes in this transaction leave the postings alone; the writer rebuilds them before it ends. */
export function deferSearchIndex(idbTransaction: object): void {
  deferred.add(idbTransaction);
}

const isUpgrade = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).mode === 'versionchange';

interface Tables {
  highlights: DBCoreTable;
  articles: DBCoreTable;
  postings: DBCoreTable;
}

async function articlesById(tables: Tables, trans: DBCoreTransaction, ids: Iterable<string>): Promise<Map<string, ArticleRow>> {
  const keys = [...new Set(ids)].filter((id) => typeof id === 'string');
  const rows = (await tables.articles.getMany({ trans, keys })) as (ArticleRow | undefined)[];
  return new Map(rows.flatMap((row) => (row ? [[row.id, row] as const] : [])));
}

/** Puts or adds highlights: seq for each, then the term diff of every row that was written. */
async function writeHighlights(tables: Tables, req: DBCoreMutateRequest & { type: 'add' | 'put' }): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const values = req.values.map((value) => ({ ...(value as HighlightRow) }));
  const keys = values.map((row) => row.id);
  const old = req.type === 'put' && !deferred.has(trans) ? ((await tables.highlights.getMany({ trans, keys })) as (HighlightRow | undefined)[]) : [];
  const needing: HighlightRow[] = [];
  const taken = new Set<number>();
  values.forEach((row, i) => {
    const previous = old[i];
    if (previous && seqFits(previous.seq, row.createdAt)) row.seq = previous.seq;
    if (seqFits(row.seq, row.createdAt) && !taken.has(row.seq)) taken.add(row.seq);
    else needing.push(row);
  });
  // Distinct within the batch here; a clash with a stored row is resolved after the write.
  assignSeqs(needing, taken);
  const response = await putResolvingSeqClashes(tables, { ...req, values, keys }, values);
  if (deferred.has(trans)) return response;
  const written = values.flatMap((row, i) => (response.failures[i] ? [] : [{ row, previous: old[i] }]));
  const articles = await articlesById(tables, trans, written.flatMap(({ row, previous }) => [row.articleId, previous?.articleId ?? '']));
  const changes = new PostingChanges();
  for (const { row, previous } of written) {
    changes.diff(
      previous?.seq,
      previous ? highlightRowTerms(previous, articles.get(previous.articleId)) : [],
      row.seq,
      highlightRowTerms(row, articles.get(row.articleId)),
    );
  }
  await applyPostingChanges(tables.postings, trans, changes);
  return response;
}

/** Writes; rows refused because another highlight holds their seq try the next tie-breaker. */
async function putResolvingSeqClashes(tables: Tables, req: DBCoreMutateRequest & { type: 'add' | 'put' }, values: HighlightRow[]) {
  const response = await tables.highlights.mutate(req);
  const failures = { ...response.failures };
  let numFailures = response.numFailures;
  for (const [index, error] of Object.entries(response.failures)) {
    const i = Number(index);
    const row = values[i]!;
    for (let attempt = 1; attempt < MAX_ATTEMPTS && (error as Error)?.name === 'ConstraintError'; attempt++) {
      const holder = (await tables.highlights.query({ trans: req.trans, values: true, limit: 1, query: { index: tables.highlights.schema.getIndexByKeyPath('seq')!, range: { type: EQUAL, lower: row.seq, upper: row.seq } } })).result[0] as HighlightRow | undefined;
      // Not a seq clash (an `add` of an id already stored): the failure stands.
      if (!holder || holder.id === row.id) break;
      row.seq = seqCandidate(row.id, row.createdAt, attempt);
      const retry = await tables.highlights.mutate({ ...req, values: [row], keys: [row.id] });
      if (retry.numFailures === 0) {
        delete failures[i];
        numFailures--;
        break;
      }
    }
  }
  return { ...response, failures, numFailures };
}

async function deleteHighlights(tables: Tables, req: DBCoreMutateRequest, keys: readonly unknown[]): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const old = (await tables.highlights.getMany({ trans, keys: [...keys] })) as (HighlightRow | undefined)[];
  const response = await tables.highlights.mutate(req);
  const gone = old.filter((row): row is HighlightRow => row !== undefined);
  if (gone.length === 0) return response;
  const articles = await articlesById(tables, trans, gone.map((row) => row.articleId));
  const changes = new PostingChanges();
  for (const row of gone) changes.diff(row.seq, highlightRowTerms(row, articles.get(row.articleId)), undefined, []);
  await applyPostingChanges(tables.postings, trans, changes);
  return response;
}

/** Article writes: the highlights of every article whose indexed fields changed get their terms again. */
async function writeArticles(tables: Tables, req: DBCoreMutateRequest, keys: readonly string[], next: (ArticleRow | undefined)[]): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const old = (await tables.articles.getMany({ trans, keys: [...keys] })) as (ArticleRow | undefined)[];
  const response = await tables.articles.mutate(req);
  const changed = keys.filter((_, i) => !response.failures[i] && indexedArticleSignature(old[i]) !== indexedArticleSignature(next[i]));
  if (changed.length === 0) return response;
  const changes = new PostingChanges();
  const articleIndex = tables.highlights.schema.getIndexByKeyPath('articleId')!;
  for (const id of changed) {
    const i = keys.indexOf(id);
    const { result } = await tables.highlights.query({ trans, values: true, query: { index: articleIndex, range: { type: EQUAL, lower: id, upper: id } } });
    for (const row of result as HighlightRow[]) changes.diff(row.seq, highlightRowTerms(row, old[i]), row.seq, highlightRowTerms(row, next[i]));
  }
  await applyPostingChanges(tables.postings, trans, changes);
  return response;
}

async function rangeKeys(table: DBCoreTable, req: DBCoreMutateRequest & { type: 'deleteRange' }): Promise<unknown[]> {
  return (await table.query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } })).result;
}

function mutate(tables: Tables, name: string, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const down = tables[name as keyof Tables];
  const isWrite = req.type === 'add' || req.type === 'put';
  // Deferred, only highlights' seqs are still assigned; the writer rebuilds the postings afterwards.
  if (isUpgrade(req.trans) || (deferred.has(req.trans) && !(isWrite && name === 'highlights'))) return down.mutate(req);
  if (name === 'highlights') {
    if (req.type === 'add' || req.type === 'put') return writeHighlights(tables, req);
    if (req.type === 'delete') return deleteHighlights(tables, req, req.keys);
    return rangeKeys(down, req).then((keys) => deleteHighlights(tables, { type: 'delete', trans: req.trans, keys }, keys));
  }
  if (req.type === 'add' || req.type === 'put') {
    const values = req.values as ArticleRow[];
    return writeArticles(tables, req, values.map((row) => row.id), values);
  }
  if (req.type === 'delete') return writeArticles(tables, req, req.keys as string[], req.keys.map(() => undefined));
  return rangeKeys(down, req).then((keys) =>
    writeArticles(tables, { type: 'delete', trans: req.trans, keys }, keys as string[], keys.map(() => undefined)),
  );
}

export const searchIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'GlossSearchIndex',
  // Close to IndexedDB: Dexie's hooks and change tracking above it see the writers' own requests.
  level: 1,
  create(down) {
    // Before v3 (an app opened at an older version, in tests) there is no index to keep.
    if (!down.schema.tables.some((table) => table.name === 'postings')) return down;
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.some((store) => INDEXED_TABLES.includes(store));
        return down.transaction(widen ? [...new Set([...stores, ...WIDENED])] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!INDEXED_TABLES.includes(name)) return table;
        const tables: Tables = { highlights: down.table('highlights'), articles: down.table('articles'), postings: down.table('postings') };
        return { ...table, mutate: (req) => mutate(tables, name, req) };
      },
    };
  },
};
