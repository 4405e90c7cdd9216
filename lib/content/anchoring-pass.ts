/**
 * One anchoring pass: stored highlights against the page's articles, each
 * article's text walked once, the page body as the fallback.
 */
import { Anchorer, type AnchorResult } from '@/lib/anchoring';
import type { ArticleRecord, HighlightRecord } from '@/lib/model/records';
import { isWholePageStory } from '@/lib/model/records';
import type { PageArticle } from './articles';

export interface Anchored {
  record: HighlightRecord;
  result: AnchorResult;
}

/** Anchors `records`; the page body is walked only if some fail in their article. */
export function anchorRecords(
  doc: Document,
  articles: readonly PageArticle[],
  storedArticles: readonly ArticleRecord[],
  records: readonly HighlightRecord[],
): Anchored[] {
  const storyOf = new Map(storedArticles.map((a) => [a.id, a.storyKey]));
  const anchorers = new Map<Element, Anchorer>();
  const anchorerFor = (root: Element) => {
    let anchorer = anchorers.get(root);
    if (!anchorer) anchorers.set(root, (anchorer = new Anchorer(root)));
    return anchorer;
  };
  const body = doc.body;
  return records.map((record) => {
    const story = storyOf.get(record.articleId);
    // A story no longer detected (or the whole-page story): the page body, by its page position.
    const article = articles.find((a) => a.storyKey === story) ?? (articles.length === 1 && !(story && isWholePageStory(story)) ? articles[0] : undefined);
    let result: AnchorResult | null = null;
    if (article) result = anchorerFor(article.root).anchor({ quote: record.selectors.quote, position: record.selectors.position });
    if ((!result || result.status === 'orphan') && body && article?.root !== body) {
      result = anchorerFor(body).anchor({ quote: record.selectors.quote, position: record.selectors.pagePosition });
    }
    return { record, result: result ?? { status: 'orphan', range: null, text: null, start: null, end: null, score: 0 } };
  });
}
