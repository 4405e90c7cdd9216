/**
 * A second, independent reading for pages where the main one is weak: Readability-style candidate
 * scoring (commas and length of each paragraph, given to its ancestors, damped by link density).
 * It ignores the prose/chrome balance the main reading uses, so it fails on different pages.
 */
import { blocksWithin, type Scan } from './blocks';

const TAG_BONUS: Record<string, number> = { DIV: 5, ARTICLE: 5, MAIN: 5, PRE: 3, TD: 3, BLOCKQUOTE: 3, UL: -3, OL: -3, DL: -3, LI: -3, FORM: -3, TH: -5 };
const CONTENT_HINT = /article|body|content|entry|main|post|story|text/i;

/** The element the scoring pass would read as the article, or null. */
export function secondOpinion(scan: Scan): Element | null {
  const scores = new Map<Element, number>();
  for (const block of scan.blocks) {
    const tag = block.element.tagName;
    if (block.junk || block.text.length < 25 || /^H\d$/.test(tag)) continue;
    const score = 1 + (block.text.match(/[,，、]/g)?.length ?? 0) + Math.min(Math.floor(block.text.length / 100), 3);
    let node = block.element.parentElement;
    for (let level = 0; node && level < 5; level++, node = node.parentElement) {
      if (!scores.has(node)) {
        const hint = `${node.getAttribute('class') ?? ''} ${node.id}`;
        scores.set(node, (TAG_BONUS[node.tagName] ?? 0) + (CONTENT_HINT.test(hint) ? 25 : 0));
      }
      scores.set(node, scores.get(node)! + score / (level < 2 ? level + 1 : level * 3));
    }
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score <= bestScore) continue;
    let weight = 0;
    let links = 0;
    for (const block of blocksWithin(scan, element)) {
      weight += block.weight;
      links += block.linkWeight;
    }
    const final = weight ? score * (1 - links / weight) : 0;
    if (final > bestScore) [best, bestScore] = [element, final];
  }
  return bestScore >= 20 ? best : null;
}
