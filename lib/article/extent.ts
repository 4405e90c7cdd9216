/**
 * Body extent. The container is the element where prose most outweighs chrome, so it can be narrower
 * than the story: a lead printed in its own wrapper above the body, sibling wrappers split off by an
 * image or a share bar, or one story printed as a row of identical section templates. These rules
 * widen the body to such blocks from markup and text statistics only.
 */
import type { Block, Scan, Tally } from './blocks';
import { parseBylineLine } from './byline';
import { isBoilerplate, isMetaLine, summaryText } from './lines';

// A sentence ends at CJK full stops, or at Latin ones followed by a space or the end (not "19.10.2019").
const SENTENCE_END = /[。！？]|[.!?…](?=["'”’»)\]]*(?:\s|$))/g;

export function sentenceCount(text: string): number {
  return text.match(SENTENCE_END)?.length ?? 0;
}

/** A standfirst between the title and the body: several sentences of plain prose, not a credit or date line. */
export function isLead(block: Block): boolean {
  if (block.junk || block.weight < 80 || block.linkWeight > block.weight * 0.2) return false;
  if (sentenceCount(block.text) < 2) return false;
  // Captions stay captions; labelled summaries stay summaries.
  if (block.element.closest('figure, figcaption')) return false;
  return !isMetaLine(block.text) && !isBoilerplate(block.text) && !summaryText(block.text) && !parseBylineLine(block.text);
}

function linkShare(tally: Tally): number {
  return tally.junk / Math.max(1, tally.good + tally.junk);
}

/** The tag most of an element's prose blocks carry (P, LI, DIV…), for comparing paragraph structure. */
function paragraphTag(scan: Scan, tally: Tally, element: Element): string | null {
  const counts = new Map<string, number>();
  for (let index = tally.first; index <= tally.last; index++) {
    const block = scan.blocks[index]!;
    if (block.junk || block.weight < 40 || block.linkWeight > block.weight * 0.5) continue;
    if (block.element !== element && !element.contains(block.element)) continue;
    counts.set(block.element.tagName, (counts.get(block.element.tagName) ?? 0) + block.weight);
  }
  let best: string | null = null;
  let most = 0;
  for (const [tag, weight] of counts) if (weight > most) [best, most] = [tag, weight];
  return best;
}

/** A sibling wrapper that continues the body: a fifth of its prose or more, few links, the same kind of paragraphs. */
function continuesBody(scan: Scan, sibling: Element, body: Tally, bodyTag: string | null): boolean {
  const tally = scan.tallies.get(sibling);
  if (!tally || tally.good < 0.2 * body.good || tally.good < 30 || linkShare(tally) > 0.25) return false;
  // Another story's title (a teaser, the next article of an endless page) starts something else.
  if (sibling.querySelector('h1')) return false;
  return sibling.tagName === bodyTag || paragraphTag(scan, tally, sibling) === bodyTag;
}

const classOf = (element: Element) => element.getAttribute('class')?.trim() ?? '';

/**
 * The counterpart of the container in a section built from the same template as `model` (one of the
 * container's wrappers): same tag and class at every step from the wrapper down. Layout rows share a
 * class too, but not the class chain down to the body, so a notice row next to the story does not match.
 */
function templateCounterpart(scan: Scan, sibling: Element, model: Element, chain: Element[]): Element | null {
  if (!classOf(model) || sibling.tagName !== model.tagName || classOf(sibling) !== classOf(model)) return null;
  let node: Element | undefined = sibling;
  for (const step of chain) {
    node = Array.from(node.children).find((child) => child.tagName === step.tagName && classOf(child) === classOf(step));
    if (!node) return null;
  }
  const tally = scan.tallies.get(node);
  return tally && tally.good >= 60 && linkShare(tally) <= 0.5 && !node.querySelector('h1') ? node : null;
}

/**
 * The elements whose blocks are body: the container, plus sibling wrappers and same-template sections
 * inside the story's root (the element holding title and container). Outside it, a look-alike is
 * another story, so the root bounds the search.
 */
export function bodyScope(scan: Scan, container: Element, root: Element): Element[] {
  const body = scan.tallies.get(container);
  if (!body || container === root) return [container];
  const scope = new Set<Element>([container]);
  const bodyTag = paragraphTag(scan, body, container);
  for (const sibling of Array.from(container.parentElement?.children ?? [])) {
    if (sibling !== container && continuesBody(scan, sibling, body, bodyTag)) scope.add(sibling);
  }
  // From the container up to the root: sections of the same template hold more of the story.
  const chain: Element[] = [];
  for (let model: Element = container; model !== root && model.parentElement; chain.unshift(model), model = model.parentElement) {
    for (const sibling of Array.from(model.parentElement.children)) {
      const counterpart = sibling === model || scope.has(sibling) ? null : templateCounterpart(scan, sibling, model, chain);
      if (counterpart) scope.add(counterpart);
    }
  }
  return [...scope];
}
