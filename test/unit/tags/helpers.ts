import type { GlossDatabase } from '../../../lib/model/database';
import type { ArticleRecord, HighlightRecord } from '../../../lib/model/records';
import { highlightRecords, rowsFor, tagMaps } from '../../../lib/db/tag-maps';

let counter = 0;
export const uniqueName = (label: string): string => `gloss-tags-test-${label}-${Date.now()}-${counter++}`;

export function article(id: string, tags: string[], updatedAt = 1): ArticleRecord {
  return {
    id, urlKey: `news.example/${id}`, storyKey: '0', url: `https://news.example/${id}`, title: `Article ${id}`,
    kicker: null, subtitle: null, authors: [], editors: [], siteName: null, section: null, publishedDate: null,
    lang: 'en', text: 'text', tags, userEdited: [], createdAt: 1, updatedAt,
  };
}

export function highlight(id: string, articleId: string, tags: string[], updatedAt = 1): HighlightRecord {
  return {
    id, articleId, urlKey: `news.example/${articleId}`,
    selectors: { quote: { type: 'TextQuoteSelector', exact: `quote ${id}`, prefix: '', suffix: '' }, position: null, pagePosition: null },
    color: 'yellow', note: '', tags, status: 'anchored', currentText: null, createdAt: 1, updatedAt,
  };
}

/** Everything in the three tables, sorted, for before/after comparisons. */
export async function snapshot(db: GlossDatabase) {
  return {
    tags: (await db.tags.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
    highlights: (await db.highlights.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
    articles: (await db.articles.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** Stores records as rows (tag names become ids; missing tags are created), as Gloss's writers do. */
export async function addRecords(db: GlossDatabase, records: { articles?: ArticleRecord[]; highlights?: HighlightRecord[] }): Promise<void> {
  await db.transaction('rw', db.articles, db.highlights, db.tags, async () => {
    const rows = await rowsFor(db, records);
    await db.articles.bulkAdd(rows.articles);
    await db.highlights.bulkAdd(rows.highlights);
  });
}

/** The tag names a stored highlight or article shows (its ids, named by the tags table). */
export async function tagNamesOn(db: GlossDatabase, table: 'highlights' | 'articles', id: string): Promise<string[]> {
  const row = await db[table].get(id);
  if (!row) throw new Error(`No ${table} row ${id}`);
  const { nameOf } = await tagMaps(db);
  return row.tagIds.map((tagId) => nameOf(tagId) ?? `<missing ${tagId}>`);
}

/** The tag names a stored highlight shows as a record (aliases resolved, each name once). */
export async function shownOn(db: GlossDatabase, id: string): Promise<string[]> {
  const row = await db.highlights.get(id);
  if (!row) throw new Error(`No highlights row ${id}`);
  return (await highlightRecords(db, [row]))[0]!.tags;
}

/** The names of the tags that are not aliases, sorted. */
export async function realTagNames(db: GlossDatabase): Promise<string[]> {
  return (await db.tags.toArray()).filter((t) => t.aliasOf === undefined).map((t) => t.name).sort();
}

export interface Write {
  table: string;
  type: string;
  keys: unknown[];
}

/** Records every mutation that reaches IndexedDB, to prove which rows an operation writes. Reopens the database. */
export async function recordWrites(db: GlossDatabase): Promise<Write[]> {
  const writes: Write[] = [];
  // Middleware joins the stack when the database opens.
  db.close({ disableAutoOpen: false });
  db.use({
    stack: 'dbcore',
    name: 'record-writes',
    create: (down) => ({
      ...down,
      table(tableName) {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (req) => {
            const keys = req.type === 'delete' ? req.keys : req.type === 'deleteRange' ? [] : (req.keys ?? req.values.map((v) => (v as { id?: unknown }).id));
            writes.push({ table: tableName, type: req.type, keys: [...keys] });
            return table.mutate(req);
          },
        };
      },
    }),
  });
  await db.open();
  return writes;
}
