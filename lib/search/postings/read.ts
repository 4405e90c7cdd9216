/** Reading postings: a term's keys, a prefix's, and which terms exist under a prefix. */
import type { GlossDatabase } from '../../model/database';
import type { PostingRow } from '../../model/records';
import { chunkKeys } from './encoding';
import { concatKeys, EMPTY_KEYS, unionKeys, type Keys } from './keys';

const MAX_CHAR = '\uffff';

const termRange = (db: GlossDatabase, term: string) => db.postings.where(':id').between([term, -Infinity], [term, Infinity], true, true);
const prefixRange = (db: GlossDatabase, prefix: string) =>
  db.postings.where(':id').between([prefix, -Infinity], [prefix + MAX_CHAR, Infinity], true, true);

export async function termKeys(db: GlossDatabase, term: string): Promise<Keys> {
  const chunks = await termRange(db, term).toArray();
  return chunks.length === 0 ? EMPTY_KEYS : concatKeys(chunks.map(chunkKeys));
}

/** Keys of every term with a prefix, or null when that would read more than `maxChunks` chunks. */
export async function prefixKeys(db: GlossDatabase, prefix: string, maxChunks: number): Promise<Keys | null> {
  const listed = await prefixRange(db, prefix).limit(maxChunks + 1).primaryKeys();
  if (listed.length > maxChunks) return null;
  const chunks: PostingRow[] = await prefixRange(db, prefix).toArray();
  return unionKeys(chunks.map(chunkKeys));
}

/** The distinct terms under a prefix (field terms, such as published dates, are few). */
export async function termsWithPrefix(db: GlossDatabase, prefix: string): Promise<string[]> {
  const keys = (await prefixRange(db, prefix).primaryKeys()) as [string, number][];
  const terms: string[] = [];
  for (const [term] of keys) if (terms.at(-1) !== term) terms.push(term);
  return terms;
}
