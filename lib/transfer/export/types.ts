/** Inputs shared by every export format. */
import type { ArticleRecord, HighlightRecord } from '../../model/records';
import type { ArticleProof } from '../../db/versions';

/** One article with its highlights (any order: exporters sort them). */
export interface ArticleBundle {
  article: ArticleRecord;
  highlights: HighlightRecord[];
  /** The text as clipped and its change since, when the export was asked to include them. */
  proof?: ArticleProof;
  /** A story printed on several pages: every part's article in reading order, `article` first (lib/article/continued.ts). */
  parts?: ArticleRecord[];
}

/** Default meaning of each highlight colour; the user may rename them. */
export const DEFAULT_COLOR_NAMES: Readonly<Record<string, string>> = {
  yellow: 'key point',
  green: 'evidence',
  blue: 'question',
  pink: 'disagree',
  purple: 'quote',
};

/** The colour's display name, falling back to the id for unknown colours. */
export function colorName(color: string, names: Readonly<Record<string, string>> = DEFAULT_COLOR_NAMES): string {
  return names[color] ?? DEFAULT_COLOR_NAMES[color] ?? color;
}

/** ISO date (YYYY-MM-DD) of an epoch-ms time, in UTC so exports do not depend on the machine. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
