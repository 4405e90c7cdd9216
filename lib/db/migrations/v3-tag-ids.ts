/**
 * Schema v3's row reshaping: tags by id. Every tag name carried by a highlight
 * or an article becomes the id of its tag record (created when an older or
 * foreign writer left a name without one), and the v2 `searchTerms` field is
 * dropped: the search index moves to the `postings` table, which the upgrade
 * then builds with the live index code (derived data, see lib/db/schema.ts).
 *
 * Frozen: a copy of the tag-name folding as it was when v3 shipped
 * (lib/tags/tag-names.ts). Imports nothing from lib/; never edit it.
 */
import type { Transaction } from 'dexie';

interface TagRow {
  id: string;
  name: string;
  nameKey: string;
  color: string | null;
  createdAt: number;
}

interface TaggedRow {
  tags?: unknown;
  tagIds?: string[];
  searchTerms?: unknown;
}

function cleanTagName(raw: string): string {
  return raw
    .normalize('NFC')
    .split('/')
    .map((segment) => segment.replace(/\s+/gu, ' ').trim())
    .filter((segment) => segment.length > 0)
    .join('/');
}

function foldTagName(raw: string): string {
  return cleanTagName(raw.normalize('NFKC')).toUpperCase().toLowerCase().normalize('NFKC');
}

const namesOf = (row: TaggedRow): string[] =>
  Array.isArray(row.tags) ? row.tags.filter((name): name is string => typeof name === 'string') : [];

export async function tagIdsV3(tx: Transaction, now = Date.now()): Promise<void> {
  const tags = tx.table<TagRow, string>('tags');
  const idByKey = new Map<string, string>();
  for (const tag of await tags.toArray()) idByKey.set(tag.nameKey, tag.id);

  // Names without a tag record get one, spelled as first seen: a name is never dropped.
  const missing = new Map<string, TagRow>();
  for (const table of ['highlights', 'articles']) {
    await tx.table<TaggedRow>(table).each((row) => {
      for (const name of namesOf(row)) {
        const nameKey = foldTagName(name);
        if (nameKey === '' || idByKey.has(nameKey) || missing.has(nameKey)) continue;
        missing.set(nameKey, { id: crypto.randomUUID(), name: cleanTagName(name), nameKey, color: null, createdAt: now });
      }
    });
  }
  await tags.bulkAdd([...missing.values()]);
  for (const [nameKey, tag] of missing) idByKey.set(nameKey, tag.id);

  for (const table of ['highlights', 'articles']) {
    await tx.table<TaggedRow>(table).toCollection().modify((row) => {
      const ids: string[] = [];
      for (const name of namesOf(row)) {
        const id = idByKey.get(foldTagName(name));
        if (id !== undefined && !ids.includes(id)) ids.push(id);
      }
      row.tagIds = ids;
      delete row.tags;
      delete row.searchTerms;
    });
  }
}
