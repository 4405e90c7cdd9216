/** How much a reading of the page can be trusted, from general signals only (see docs/detection.md). */
import type { Scan } from './blocks';
import type { DetectedArticle } from './types';
import { measure } from './text';

/**
 * 0–1 for the stories found: body text mass, its share of the page's plain text, paragraph count,
 * link density of the body, and whether metadata or the printed title agree that this is an article.
 */
export function readingConfidence(scan: Scan, page: Element, articles: DetectedArticle[], metaAgrees: boolean): number {
  let weight = 0;
  let links = 0;
  let paragraphs = 0;
  const elements = new Set<Element>();
  for (const article of articles) {
    paragraphs += article.paragraphs.length;
    for (const text of article.paragraphs) weight += measure(text);
    for (const element of article.paragraphElements) elements.add(element);
  }
  // One pass over the blocks, however many stories (a front page has hundreds).
  for (const block of scan.blocks) if (elements.has(block.element)) links += block.linkWeight;
  // Share of the page's text that is not links or chrome (a table of figures counts, unlike in the main reading).
  const tally = scan.tallies.get(page);
  const share = Math.min(1, weight / Math.max(1, (tally?.good ?? 0) + (tally?.neutral ?? 0)));
  const score = 0.3 * Math.min(1, weight / 2000) + 0.25 * share + 0.15 * Math.min(1, paragraphs / 5)
    + 0.15 * Math.max(0, 1 - (2 * links) / Math.max(1, weight)) + (metaAgrees ? 0.15 : 0);
  return Math.round(score * 100) / 100;
}
