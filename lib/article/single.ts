/** Finds the one story of an article page: its title element, header lines and body blocks. */
import { blocksWithin, type Block, type Scan } from './blocks';
import { isBoilerplate, headingHint, headingLevel, headingRank, isMetaLine } from './lines';
import { parseBylineLine } from './byline';
import { parseTextDate } from './dates';
import { joinLines, type Region } from './story';
import { looseTitle, siteFromTitle, titleParts } from './metadata';
import { foldTitle } from './text';
import { bodyScope, isLead } from './extent';

function contains(ancestor: Element, node: Element): boolean {
  return ancestor === node || ancestor.contains(node);
}

export function commonAncestor(a: Element, b: Element): Element {
  for (let node: Element | null = a; node; node = node.parentElement) if (node.contains(b)) return node;
  return a.ownerDocument.documentElement;
}

/** Scores how well a block's text matches the title from metadata. */
export function titleMatch(block: Block, titles: string[], foldedTitles: string[] = titles.map(foldTitle), looseTitles: string[] = foldedTitles.map(looseTitle)): number {
  if (block.text.length > 300) return 0;
  // Every match needs at least half a title's folded length: a shorter text is rejected before folding it.
  if (!foldedTitles.some((folded) => folded && block.text.length * 2 >= folded.length)) return 0;
  const text = foldTitle(block.text);
  if (!text) return 0;
  let best = 0;
  let loose: string | null = null;
  foldedTitles.forEach((folded, index) => {
    if (!folded) return;
    // Print and metadata often differ only in punctuation ("Dropbox ATF:" / "Dropbox’s ATF -" aside).
    if (folded === text || looseTitles[index] === (loose ??= looseTitle(text))) best = Math.max(best, 3);
    else if (text.length >= 4 && folded.includes(text) && text.length / folded.length > 0.5) best = Math.max(best, 2);
    else if (text.length >= 6 && text.includes(folded) && folded.length / text.length > 0.6) best = Math.max(best, 1);
  });
  return best;
}

function isHeadingish(block: Block): boolean {
  return headingLevel(block.element) > 0 || headingHint(block.element) !== null;
}

/** A heading that is only a link to a site's front page is the site's name (the logo), not a title. */
function isHomeLink(block: Block): boolean {
  if (block.linkWeight < block.weight * 0.9) return false;
  const href = block.element.querySelector('a[href]')?.getAttribute('href')?.trim() ?? '';
  return /^(?:(?:https?:)?\/\/[^/?#]+)?\/?(?:index\.\w{3,4})?$/i.test(href);
}

/** Matches a block against the parts of the document <title> ("Title - Site", "Site » Blog » Title"). */
function partMatch(block: Block, looseParts: string[]): number {
  return looseParts.length && block.text.length <= 300 && looseParts.includes(looseTitle(block.text)) ? 2 : 0;
}

/** The title block: a heading matching the metadata title, else the first h1 before the body. */
export function findTitleBlock(scan: Scan, container: Element, titles: string[], parts: string[] = []): Block | null {
  const firstBody = blocksWithin(scan, container)[0];
  const limit = firstBody ? firstBody.index : scan.blocks.length;
  // A heading after the whole body (a teaser, a footer box) is not its title.
  const end = scan.tallies.get(container)?.last ?? Infinity;
  let best: Block | null = null;
  let bestScore = 0;
  const longest = titles.reduce((max, title) => Math.max(max, title.length), 0);
  const folded = titles.map(foldTitle);
  // Folded once per search, not once per candidate block.
  const loose = folded.map(looseTitle);
  const looseParts = parts.map(looseTitle).filter(Boolean);
  for (const block of scan.blocks) {
    if (block.index > end) break;
    if (block.junk || block.weight > 600 || block.linkWeight / block.weight > 0.9 && !isHeadingish(block)) continue;
    // Cheap length test first: most blocks cannot be the title.
    const plausible = isHeadingish(block) || (block.text.length >= 4 && block.text.length <= longest * 1.3 + 10);
    if (!plausible) continue;
    const match = titleMatch(block, titles, folded, loose) || partMatch(block, looseParts);
    const level = headingLevel(block.element);
    if (level && isHomeLink(block)) continue;
    let score = match * 10 + (level ? 7 - level : 0) + (headingHint(block.element) === 'title' ? 3 : 0);
    if (!match && !level && headingHint(block.element) !== 'title') continue;
    // Prefer headings just above the body over far ones (sidebars, footers).
    if (block.index > limit + 3 && !contains(container, block.element)) score -= 8;
    if (block.index <= limit && limit - block.index < 25) score += 2;
    if (score > bestScore) {
      bestScore = score;
      best = block;
    }
  }
  return bestScore >= 6 ? best : null;
}

/** "Title | Site" → "Title": the longest segment between site separators. */
export function stripSiteSuffix(title: string): string {
  const parts = title.split(/\s+[|–—-]\s+|\s*[_|]\s*|\s+::\s+|\s+·\s+/).map((part) => part.trim()).filter(Boolean);
  return parts.reduce((best, part) => (part.length > best.length ? part : best), '') || title.trim();
}

/** The printed title when it matches the metadata; else the metadata headline; else the heading or <title>. */
export function chooseTitle(block: Block | null, structured: string[], documentTitle: string | null, parts: string[] = []): string | null {
  const all = documentTitle ? [...structured, documentTitle] : structured;
  if (block && (titleMatch(block, all) >= 1 || partMatch(block, parts.map(looseTitle)))) return joinLines(block.lines);
  if (structured[0]) return structured[0];
  if (block) return joinLines(block.lines);
  return documentTitle ? stripSiteSuffix(documentTitle) : null;
}

const MAX_HEADER_BLOCKS = 12;

const printedTitles = new WeakMap<Scan, Map<Element, Block | null>>();

/**
 * The printed title of the story around `container`: a heading matching the metadata titles, the document
 * <title> or one of its parts. Remembered per scan and container (the page search asks twice).
 */
export function findPrintedTitle(scan: Scan, container: Element, titles: string[], documentTitle: string | null): Block | null {
  let known = printedTitles.get(scan);
  if (!known) printedTitles.set(scan, (known = new Map()));
  if (known.has(container)) return known.get(container)!;
  const block = findTitleBlock(scan, container, documentTitle ? [...titles, documentTitle] : titles, printableParts(titles, documentTitle));
  known.set(container, block);
  return block;
}

/** The parts of "Title - Site" that may be the printed title: never the site's name (a logo would match it). */
function printableParts(titles: string[], documentTitle: string | null): string[] {
  const site = siteFromTitle(documentTitle, titles);
  return titleParts(documentTitle).filter((part) => part !== site);
}

/** Assembles the single-article region around the body container. */
export function singleRegion(scan: Scan, container: Element, titles: string[], documentTitle: string | null): Region {
  const parts = printableParts(titles, documentTitle);
  const titleBlock = findPrintedTitle(scan, container, titles, documentTitle);
  let root = container;
  if (titleBlock && !contains(container, titleBlock.element)) {
    const ancestor = commonAncestor(titleBlock.element, container);
    // A title far up the page (site header) would make the root the whole body: keep it close.
    if (ancestor.tagName !== 'BODY' && ancestor.tagName !== 'HTML') root = ancestor;
  }
  const inRoot = blocksWithin(scan, root);
  const titleIndex = titleBlock && contains(root, titleBlock.element) ? titleBlock.index : -1;
  const bodyStart = inRoot.find((block) => contains(container, block.element) && block.index > titleIndex && !block.junk)?.index ?? Infinity;

  const kickerBlocks: Block[] = [];
  let subtitleBlock: Block | null = null;
  const headerBlocks: Block[] = [];
  const leadBlocks: Block[] = [];
  if (titleBlock && titleIndex >= 0) {
    const before = inRoot.filter((block) => block.index < titleIndex && !block.junk);
    const previous = before[before.length - 1];
    if (previous && previous.element.parentElement === titleBlock.element.parentElement && kickerLike(previous, titleBlock)) kickerBlocks.push(previous);
    // A date printed just above the title (e-paper article pages) is a header line too.
    for (const block of scan.blocks.slice(Math.max(0, titleIndex - 3), titleIndex)) {
      if (!block.junk && !kickerBlocks.includes(block) && block.weight < 120 && isMetaLine(block.text) && parseTextDate(block.text)) headerBlocks.push(block);
    }
    const after = scan.blocks.slice(titleIndex + 1, Math.min(bodyStart, titleIndex + 1 + MAX_HEADER_BLOCKS));
    let seen = 0;
    for (const block of after) {
      if (block.junk && !/摘要/.test(block.text)) continue;
      if (!subtitleBlock && !seen++ && subtitleLike(block, titleBlock)) subtitleBlock = block;
      // A standfirst in its own wrapper above the body is the body's first paragraph, not a header line.
      else if (isLead(block)) leadBlocks.push(block);
      else headerBlocks.push(block);
    }
  }
  if (!titleBlock || titleIndex < 0) {
    // No printed title: the short lines right above the body may still carry the date and byline.
    const above = scan.blocks.slice(Math.max(0, bodyStartIndex(scan, container) - 6), bodyStartIndex(scan, container));
    headerBlocks.push(...above.filter((block) => !block.junk && block.weight < 240 && block.linkWeight / block.weight < 0.5));
  }
  // The body may reach past the container (sibling wrappers, same-template sections); only from its start on.
  const scope = bodyScope(scan, container, root);
  const inScope = (block: Block) => scope.some((element) => contains(element, block.element));
  const bodyBlocks = [...leadBlocks, ...inRoot.filter(
    (block) => block.index >= bodyStart && inScope(block) && !block.junk && block.linkWeight / block.weight <= 0.5
      && block !== subtitleBlock && !kickerBlocks.includes(block),
  )];
  // Credit lines right above the body (inside the container) are header lines too.
  while (bodyBlocks.length > 1 && (isMetaLine(bodyBlocks[0]!.text) && !isBoilerplate(bodyBlocks[0]!.text) || parseBylineLine(bodyBlocks[0]!.text) && /[：:]/.test(bodyBlocks[0]!.text))) {
    headerBlocks.push(bodyBlocks.shift()!);
  }
  return { root, titleBlock, title: chooseTitle(titleBlock, titles, documentTitle, parts), kickerBlocks, subtitleBlock, headerBlocks, bodyBlocks };
}

function bodyStartIndex(scan: Scan, container: Element): number {
  return blocksWithin(scan, container)[0]?.index ?? 0;
}

function shortHeading(block: Block): boolean {
  return block.weight < 240 && !/[。！？]$/.test(block.text) && !isMetaLine(block.text) && !parseBylineLine(block.text);
}

function kickerLike(block: Block, title: Block): boolean {
  if (!shortHeading(block) || isBoilerplate(block.text)) return false;
  const hint = headingHint(block.element);
  if (hint === 'kicker') return true;
  if (hint === 'subtitle') return false;
  const level = headingLevel(block.element);
  const titleLevel = headingLevel(title.element);
  return level > 0 && (titleLevel === 0 || level > titleLevel) && headingRank(block) < headingRank(title);
}

function subtitleLike(block: Block, title: Block): boolean {
  if (!shortHeading(block) || block.linkWeight > 0) return false;
  const hint = headingHint(block.element);
  if (hint === 'subtitle') return true;
  if (hint === 'kicker') return false;
  const level = headingLevel(block.element);
  const titleLevel = headingLevel(title.element);
  return level > 0 && level > titleLevel && level <= 3;
}
