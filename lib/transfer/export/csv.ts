/** CSV of highlights, one row each: UTF-8 with BOM, RFC 4180 quoting, guarded against formula injection. */
import { inReadingOrder } from './order';
import { colorName, isoTime, type ArticleBundle } from './types';

export const CSV_COLUMNS = ['article', 'url', 'quote', 'note', 'tags', 'colour', 'status', 'created', 'updated', 'published', 'site'] as const;

/** Spreadsheets run cells starting with these as formulas; a leading apostrophe keeps them text. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export interface CsvOptions {
  colorNames?: Readonly<Record<string, string>>;
}

function* csvRows(bundles: readonly ArticleBundle[], options: CsvOptions = {}): Generator<string> {
  yield `\ufeff${CSV_COLUMNS.join(',')}\r\n`;
  for (const { article, highlights } of bundles) {
    const { anchored, orphans } = inReadingOrder(highlights);
    for (const h of [...anchored, ...orphans]) {
      const cells = [
        article.title, article.url, h.selectors.quote.exact, h.note, h.tags.join('; '), colorName(h.color, options.colorNames),
        h.status, isoTime(h.createdAt), isoTime(h.updatedAt), article.publishedDate ?? '', article.siteName ?? '',
      ];
      yield `${cells.map(csvCell).join(',')}\r\n`;
    }
  }
}

export function toCsv(bundles: readonly ArticleBundle[], options: CsvOptions = {}): string {
  return [...csvRows(bundles, options)].join('');
}
