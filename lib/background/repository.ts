/**
 * The database operations behind the background's highlight, article and page
 * messages; each is one transaction. Beside the handlers, above lib/messaging,
 * because its inputs are the message payloads defined in lib/messaging/protocol.ts.
 */
import type { GlossDatabase } from '../model/database';
import { newUuid } from '../model/uuid';
import { ensureTags } from '../db/tags';
import { articleRecords, highlightRecords, rowsFor, tagMaps } from '../db/tag-maps';
import { articleFromRow, highlightFromRow } from '../model/rows';
import type { ArticleRecord, ArticleRow, HighlightRecord, HighlightRow } from '../model/records';
import type {
  AnchorState, ArticleCorrection, ArticleInput, HighlightPatch, NewHighlight, PageAnnotations, StorageStats,
} from '../messaging/protocol';

export const newId = newUuid;

/** Detected fields that the user may correct; a correction is never overwritten. */
const DETECTED_FIELDS = [
  'url', 'title', 'kicker', 'subtitle', 'authors', 'editors', 'siteName', 'section', 'page', 'publishedDate', 'lang',
] as const satisfies readonly (keyof ArticleInput & keyof ArticleRecord)[];

async function upsertArticle(db: GlossDatabase, input: ArticleInput, now: number): Promise<ArticleRow> {
  const existing = await db.articles.where('[urlKey+storyKey]').equals([input.urlKey, input.storyKey]).first();
  if (!existing) {
    const row: ArticleRow = { ...input, id: newId(), tagIds: [], userEdited: [], createdAt: now, updatedAt: now };
    // A copy: a write hook may add derived fields to the object it is given.
    await db.articles.add({ ...row });
    return row;
  }
  const changes: Partial<ArticleRow> = { updatedAt: now };
  for (const field of DETECTED_FIELDS) {
    if (!existing.userEdited.includes(field)) Object.assign(changes, { [field]: input[field] });
  }
  // The clipped text is kept as first seen: it is the proof of what the page said then.
  await db.articles.update(existing.id, changes);
  return { ...existing, ...changes };
}

/** Ids of the named tags: a name that folds to an existing tag gets that tag (`Ｃｈｉｎａ` is `China`), new ones are created. */
async function tagIdsFor(db: GlossDatabase, names: readonly string[]): Promise<string[]> {
  return names.length ? (await ensureTags(db, names)).map((tag) => tag.id) : [];
}

async function highlightRecord(db: GlossDatabase, row: HighlightRow): Promise<HighlightRecord> {
  return highlightFromRow(row, (await tagMaps(db)).nameOf);
}

/**
 * Saves a new highlight under the id the caller made when the user acted. Put-if-absent: a request sent again
 * (its first answer was lost when the MV3 worker stopped) returns the record already stored instead of a copy.
 * The answer is read back from the database after the transaction committed, so "saved" means saved.
 */
export async function createHighlight(
  db: GlossDatabase,
  article: ArticleInput,
  highlight: NewHighlight,
  now = Date.now(),
): Promise<HighlightRecord> {
  await db.transaction('rw', db.articles, db.highlights, db.tags, async () => {
    const existing = await db.highlights.get(highlight.id);
    if (existing) {
      // The same id for another passage is not a retry: refuse rather than answer with someone else's record.
      if (existing.urlKey !== article.urlKey || existing.selectors.quote.exact !== highlight.selectors.quote.exact) {
        throw new Error(`Highlight id ${highlight.id} is already used by another passage`);
      }
      return;
    }
    const stored = await upsertArticle(db, article, now);
    const { tags, ...fields } = highlight;
    const row: HighlightRow = {
      ...fields,
      tagIds: await tagIdsFor(db, tags),
      articleId: stored.id,
      urlKey: stored.urlKey,
      status: 'anchored',
      currentText: null,
      createdAt: now,
      updatedAt: now,
    };
    await db.highlights.add(row);
  });
  return db.transaction('r', db.highlights, db.tags, async () => {
    const saved = await db.highlights.get(highlight.id);
    if (!saved) throw new Error(`Highlight ${highlight.id} was not found after saving it`);
    return highlightRecord(db, saved);
  });
}

export async function updateHighlight(
  db: GlossDatabase,
  id: string,
  patch: HighlightPatch,
  now = Date.now(),
): Promise<HighlightRecord> {
  return db.transaction('rw', db.highlights, db.tags, async () => {
    const existing = await db.highlights.get(id);
    if (!existing) throw new Error(`No highlight with id ${id}`);
    const { tags, ...fields } = patch;
    const changes: Partial<HighlightRow> = { ...fields, updatedAt: now };
    if (tags) changes.tagIds = await tagIdsFor(db, tags);
    // An update, not a put: the row keeps its place in the search index (`seq`).
    await db.highlights.update(id, changes);
    return highlightRecord(db, { ...existing, ...changes });
  });
}

/**
 * Saves one anchoring pass's outcomes in one transaction. Unknown ids are skipped (deleted meanwhile elsewhere);
 * `allowed` refuses the whole batch before anything is written when one record is not the caller's.
 */
export async function saveStatuses(
  db: GlossDatabase,
  statuses: readonly AnchorState[],
  allowed: (record: Pick<HighlightRecord, 'id' | 'urlKey'>) => void = () => undefined,
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.highlights, async () => {
    const existing = await db.highlights.bulkGet(statuses.map((s) => s.id));
    const found = existing.flatMap((record, i) => (record ? [{ record, state: statuses[i]! }] : []));
    for (const { record } of found) allowed(record);
    for (const { record, state } of found) {
      if (record.status === state.status && (record.currentText ?? null) === state.currentText) continue;
      await db.highlights.update(record.id, { status: state.status, currentText: state.currentText, updatedAt: now });
    }
  });
}

/**
 * Moves a highlight onto a new passage of its own page in one transaction: its id, creation date, colour, note and
 * tags stay; the article is the one the new passage is in. Doing it twice leaves what doing it once does.
 */
export async function reattachHighlight(
  db: GlossDatabase,
  id: string,
  article: ArticleInput,
  selectors: HighlightRecord['selectors'],
  now = Date.now(),
): Promise<HighlightRecord> {
  return db.transaction('rw', db.articles, db.highlights, db.tags, async () => {
    const existing = await db.highlights.get(id);
    if (!existing) throw new Error(`No highlight with id ${id}`);
    if (existing.urlKey !== article.urlKey) throw new Error(`Highlight ${id} can only be moved within its own page.`);
    const stored = await upsertArticle(db, article, now);
    const changes = { selectors, articleId: stored.id, status: 'anchored', currentText: null, updatedAt: now } satisfies Partial<HighlightRow>;
    await db.highlights.update(id, changes);
    return highlightRecord(db, { ...existing, ...changes });
  });
}

/** How many highlights a page has (the content script's loader asks before loading the rest of Gloss). */
export function highlightCount(db: GlossDatabase, urlKey: string): Promise<number> {
  return db.highlights.where('urlKey').equals(urlKey).count();
}

/** Deletes a highlight and returns it, so the caller can offer undo. */
export async function deleteHighlight(db: GlossDatabase, id: string): Promise<HighlightRecord | null> {
  return db.transaction('rw', db.highlights, db.tags, async () => {
    const existing = await db.highlights.get(id);
    if (!existing) return null;
    await db.highlights.delete(id);
    return highlightRecord(db, existing);
  });
}

/** Puts a deleted highlight back (undo) as it was; a tag deleted meanwhile is made again. */
export async function restoreHighlight(db: GlossDatabase, record: HighlightRecord): Promise<void> {
  await db.transaction('rw', db.highlights, db.tags, async () => {
    const { highlights: [row] } = await rowsFor(db, { highlights: [record] });
    await db.highlights.put(row!);
  });
}

/** Applies the user's corrections and remembers them, so later detection never overwrites them. */
export async function correctArticle(
  db: GlossDatabase,
  id: string,
  correction: ArticleCorrection,
  now = Date.now(),
): Promise<ArticleRecord> {
  return db.transaction('rw', db.articles, db.tags, async () => {
    const existing = await db.articles.get(id);
    if (!existing) throw new Error(`No article with id ${id}`);
    const changes: Partial<ArticleRow> = {
      ...correction,
      userEdited: [...new Set([...existing.userEdited, ...Object.keys(correction)])],
      updatedAt: now,
    };
    await db.articles.update(id, changes);
    return articleFromRow({ ...existing, ...changes }, (await tagMaps(db)).nameOf);
  });
}

export async function annotationsForPage(db: GlossDatabase, urlKey: string): Promise<PageAnnotations> {
  return db.transaction('r', db.articles, db.highlights, db.tags, async () => ({
    articles: await articleRecords(db, await db.articles.where('urlKey').equals(urlKey).toArray()),
    highlights: await highlightRecords(db, await db.highlights.where('urlKey').equals(urlKey).toArray()),
  }));
}

export async function storageStats(db: GlossDatabase): Promise<StorageStats> {
  return db.transaction('r', db.articles, db.highlights, db.tags, async () => ({
    articles: await db.articles.count(),
    highlights: await db.highlights.count(),
    // Aliases are merged tags, not tags of their own (lib/tags/tag-aliases.ts).
    tags: await db.tags.filter((tag) => tag.aliasOf === undefined).count(),
  }));
}
