/** Reading order of highlights: by position in the article, orphans last. */
import type { HighlightRecord } from '../../model/records';

function startOf(h: HighlightRecord): number {
  return h.selectors.position?.start ?? h.selectors.pagePosition?.start ?? Number.POSITIVE_INFINITY;
}

function compareReading(a: HighlightRecord, b: HighlightRecord): number {
  const byStart = startOf(a) - startOf(b);
  if (byStart !== 0 && !Number.isNaN(byStart)) return byStart;
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface OrderedHighlights {
  anchored: HighlightRecord[];
  orphans: HighlightRecord[];
}

/**
 * Splits highlights into those found on the page (reading order) and orphans (creation order).
 * `partOf` numbers the part of a continued story each highlight is on: earlier parts read first.
 */
export function inReadingOrder(highlights: readonly HighlightRecord[], partOf: (h: HighlightRecord) => number = () => 0): OrderedHighlights {
  const anchored = highlights.filter((h) => h.status !== 'orphan').sort((a, b) => partOf(a) - partOf(b) || compareReading(a, b));
  const orphans = highlights
    .filter((h) => h.status === 'orphan')
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { anchored, orphans };
}
