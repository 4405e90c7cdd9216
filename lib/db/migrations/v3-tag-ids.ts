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
  id: string;
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

const PAGE = 2000;

/**
 * Every row, a page at a time by primary key. Each page is one getAll: a
 * cursor (`each`, `modify`) costs a round trip per row, about a millisecond
 * in Chromium, which made this upgrade take a minute for 20,000 highlights.
 */
async function forEachPage<T extends { id: string }>(tx: Transaction, name: string, visit: (rows: T[]) => Promise<void> | void): Promise<void> {
  const table = tx.table<T, string>(name);
  let after: string | null = null;
  for (;;) {
    const page: T[] = await (after === null ? table.orderBy(':id') : table.where(':id').above(after)).limit(PAGE).toArray();
    if (page.length === 0) return;
    await visit(page);
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
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
    await forEachPage<TaggedRow>(tx, table, (rows) => {
      for (const name of rows.flatMap(namesOf)) {
        const nameKey = foldTagName(name);
        if (nameKey === '' || idByKey.has(nameKey) || missing.has(nameKey)) continue;
        missing.set(nameKey, { id: crypto.randomUUID(), name: cleanTagName(name), nameKey, color: null, createdAt: now });
      }
    });
  }
  await tags.bulkAdd([...missing.values()]);
  for (const [nameKey, tag] of missing) idByKey.set(nameKey, tag.id);

  for (const table of ['highlights', 'articles']) {
    await forEachPage<TaggedRow>(tx, table, async (rows) => {
      for (const row of rows) {
        const ids: string[] = [];
        for (const name of namesOf(row)) {
          const id = idByKey.get(foldTagName(name));
          if (id !== undefined && !ids.includes(id)) ids.push(id);
        }
        row.tagIds = ids;
        delete row.tags;
        delete row.searchTerms;
      }
      await tx.table(table).bulkPut(rows);
    });
  }
}
