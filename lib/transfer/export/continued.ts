/** A story printed on several pages, exported as one note: its parts' bundles joined, first part first. */
import { continuedStories } from '../../article/continued';
import type { ArticleBundle } from './types';

/** Bundles whose articles are parts of one story become one bundle with `parts`; the rest stay as they are. */
export function joinContinuedStories(bundles: readonly ArticleBundle[]): ArticleBundle[] {
  const byArticle = new Map(bundles.map((bundle) => [bundle.article, bundle]));
  return continuedStories(bundles.map((bundle) => bundle.article)).map((parts) => {
    if (parts.length === 1) return byArticle.get(parts[0]!)!;
    return { article: parts[0]!, parts, highlights: parts.flatMap((part) => byArticle.get(part)!.highlights) };
  });
}
