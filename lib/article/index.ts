/** Public API of article-structure detection. */
import { detectPageUnsafe } from './detect';
import type { DetectOptions, PageStructure } from './types';

export type * from './types';
export { toDetectJson, type DetectJson } from './json';

/** Detects the stories on a page. Never throws: on any failure the page is 'none'. */
export function detectPage(doc: Document, options: DetectOptions = {}): PageStructure {
  try {
    return detectPageUnsafe(doc, options);
  } catch {
    return { pageKind: 'none', confidence: 0, articles: [], nonArticles: [] };
  }
}
