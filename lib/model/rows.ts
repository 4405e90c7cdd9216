/**
 * Stored rows ↔ records. Rows hold tag ids and the derived `seq`; records,
 * which everything above the database sees, hold tag names, each once. A tag
 * id with no tag row (never expected) is dropped rather than shown as an id.
 */
import type { ArticleRecord, ArticleRow, HighlightRecord, HighlightRow } from './records';

export type TagNameOf = (id: string) => string | undefined;
export type TagIdOf = (name: string) => string | undefined;

function namesOf(ids: readonly string[] | undefined, nameOf: TagNameOf): string[] {
  const names: string[] = [];
  for (const id of ids ?? []) {
    const name = nameOf(id);
    // An alias and its target (or two aliases of one tag) on one row show the name once.
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

function idsOf(names: readonly string[], idOf: TagIdOf): string[] {
  const ids: string[] = [];
  for (const name of names) {
    const id = idOf(name);
    if (id === undefined) throw new Error(`Tag ${JSON.stringify(name.slice(0, 50))} has no tag record`);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

export function highlightFromRow(row: HighlightRow, nameOf: TagNameOf): HighlightRecord {
  const { tagIds, seq: _seq, ...rest } = row;
  return { ...rest, tags: namesOf(tagIds, nameOf) };
}

export function articleFromRow(row: ArticleRow, nameOf: TagNameOf): ArticleRecord {
  const { tagIds, ...rest } = row;
  return { ...rest, tags: namesOf(tagIds, nameOf) };
}

/** The row for a record whose tags all have tag records (callers ensure them first). */
export function highlightToRow(record: HighlightRecord, idOf: TagIdOf): HighlightRow {
  const { tags, ...rest } = record;
  return { ...rest, tagIds: idsOf(tags, idOf) };
}

export function articleToRow(record: ArticleRecord, idOf: TagIdOf): ArticleRow {
  const { tags, ...rest } = record;
  return { ...rest, tagIds: idsOf(tags, idOf) };
}
