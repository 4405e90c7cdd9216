/** Loading highlights by `seq` for a query: each with its article, its text and its terms for row tests. */
import type { GlossDatabase } from '../model/database';
import type { ArticleRow, HighlightRow } from '../model/records';
import { articleSearchTexts, termsOf } from './terms';
import { foldText } from '../text/fold';

export interface LoadedRow {
  row: HighlightRow;
  article: ArticleRow | undefined;
  /** The folded text search looks at: passage, note, own tag names, article fields. */
  foldedText(): string;
  terms(): ReadonlySet<string>;
}

/** Tag id → the name it shows: an alias's id gives its target's name (lib/tags/tag-aliases.ts). */
export type TagNames = ReadonlyMap<string, string>;

function texts(row: HighlightRow, article: ArticleRow | undefined, tagNames: TagNames): string[] {
  const own = new Set((row.tagIds ?? []).flatMap((id) => tagNames.get(id) ?? []));
  return [row.selectors?.quote?.exact ?? '', row.note ?? '', ...own, ...(article ? articleSearchTexts(article) : [])];
}

export class RowLoader {
  private readonly articles = new Map<string, ArticleRow | undefined>();

  constructor(
    private readonly db: GlossDatabase,
    readonly tagNames: TagNames,
  ) {}

  private async articlesFor(ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.articles.has(id));
    if (missing.length === 0) return;
    const rows = await this.db.articles.bulkGet(missing);
    missing.forEach((id, i) => this.articles.set(id, rows[i]));
  }

  /** The rows with these keys, in the keys' order (deleted meanwhile: left out). */
  async load(keys: ArrayLike<number>): Promise<LoadedRow[]> {
    if (keys.length === 0) return [];
    // One index lookup per key, all at once: anyOf() walks a cursor, one round trip per key.
    const found = await Promise.all(Array.from(keys, (key) => this.db.highlights.where('seq').equals(key).first()));
    const rows = found.filter((row): row is HighlightRow => row !== undefined);
    // Only when some are missing: awaiting a promise with no database request would lose Dexie's transaction zone.
    const missing = rows.map((row) => row.articleId).filter((id) => !this.articles.has(id));
    if (missing.length > 0) await this.articlesFor(missing);
    const bySeq = new Map(rows.map((row) => [row.seq!, row]));
    const out: LoadedRow[] = [];
    for (const key of Array.from(keys)) {
      const row = bySeq.get(key);
      if (!row) continue;
      const article = this.articles.get(row.articleId);
      let folded: string | undefined;
      let terms: ReadonlySet<string> | undefined;
      const tagNames = this.tagNames;
      out.push({
        row,
        article,
        foldedText: () => (folded ??= foldText(texts(row, article, tagNames).join('\n'))),
        terms: () => (terms ??= new Set(termsOf(texts(row, article, tagNames)))),
      });
    }
    return out;
  }

  article(id: string): ArticleRow | undefined {
    return this.articles.get(id);
  }
}
