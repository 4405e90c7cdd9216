/**
 * One pass over the DOM: splits it into text blocks (runs of inline content inside one
 * block element) and sums, for every ancestor, how much prose, link text and chrome it holds.
 */
import { cleanText, measure, measuredPunctuation, textWeight } from './text';

export interface Block {
  element: Element;
  /** Lines of the block as split by <br>. */
  lines: string[];
  text: string;
  weight: number;
  linkWeight: number;
  /** Inside navigation, footer, share bar, comments… */
  junk: boolean;
  index: number;
}

export interface Tally {
  good: number;
  junk: number;
  neutral: number;
  /** Index range of the blocks inside this element (blocks come in document order). */
  first: number;
  last: number;
}

export interface Scan {
  blocks: Block[];
  tallies: Map<Element, Tally>;
  /** Top-level chrome regions (nav, footer, share, comments…) for reporting. */
  chrome: Element[];
  /** Prose found inside each chrome region: a large amount means the hint was wrong. */
  chromeProse: Map<Element, number>;
  nodeCount: number;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'IFRAME', 'OBJECT', 'EMBED', 'SELECT', 'TEXTAREA', 'INPUT', 'BUTTON', 'MAP', 'HEAD', 'CANVAS', 'VIDEO', 'AUDIO', 'MATH', 'FRAMESET', 'FRAME', 'OPTION', 'TITLE', 'META', 'LINK', 'BASE']);
const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'TD', 'TH', 'CAPTION', 'PRE', 'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'NAV', 'ASIDE',
  'FORM', 'HR', 'ADDRESS', 'CENTER', 'FIELDSET', 'BODY', 'DETAILS', 'SUMMARY', 'HGROUP', 'DIALOG', 'MENU', 'LEGEND',
]);
const JUNK_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE', 'MENU', 'DIALOG']);
// Overlays (consent, paywall, download dialogs) are chrome however much prose they hold.
const OVERLAY_WORDS = 'modal|dialog|popup|cookies?|consent|gdpr';
const hintPattern = (words: string) => new RegExp(`(?:^|[-_\\s])(${words})(?:[-_\\s]|$)`, 'i');
const JUNK_HINT = hintPattern(
  'nav|navbar|navigation|menu|breadcrumbs?|crumbs?|footer|foot|sidebar|side|share|sharing|social|related|recommend|comments?|cmt|copyright|statement|toolbar|tools|ads?|advert\\w*|banner|promo|sponsor\\w*|pn|prevnext|pager|pagination|hot|rank|login|subscribe|newsletter|sns|topbar|site-top|bdsharebuttonbox|bmdh|bmbt|disclaimer|jiucuo|' + OVERLAY_WORDS,
);
const OVERLAY = hintPattern(OVERLAY_WORDS);
const JUNK_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'dialog', 'alertdialog']);

let visiblePunctuation = 0;

/** Text weight of an element (its text given) without its scripts and styles (ad slots carry large inline scripts). */
function visibleWeight(element: Element, text: string): number {
  let weight = measure(text);
  let punctuation = measuredPunctuation;
  for (const hidden of Array.from(element.querySelectorAll('script, style, noscript, template'))) {
    weight -= measure(hidden.textContent ?? '');
    punctuation -= measuredPunctuation;
  }
  visiblePunctuation = Math.max(0, punctuation);
  return Math.max(0, weight);
}

export const MAX_DEPTH = 160;
const MAX_NODES = 200_000;

const NEVER_JUNK = new Set(['BODY', 'MAIN', 'ARTICLE', 'HTML']);

function junkHint(element: Element): boolean {
  if (NEVER_JUNK.has(element.tagName)) return false;
  if (JUNK_TAGS.has(element.tagName)) return true;
  if (!element.hasAttributes()) return false;
  const role = element.getAttribute('role');
  if (role === 'main') return false;
  if (role && JUNK_ROLES.has(role) || element.getAttribute('aria-modal') === 'true') return true;
  const className = element.getAttribute('class') ?? '';
  const hint = className ? `${className} ${element.id}` : element.id;
  return hint.length > 1 && hint.length < 300 && JUNK_HINT.test(hint);
}

function isOverlay(element: Element): boolean {
  return element.tagName === 'DIALOG' || element.getAttribute('aria-modal') === 'true' || /dialog/.test(element.getAttribute('role') ?? '')
    || OVERLAY.test(`${element.getAttribute('class') ?? ''} ${element.id}`);
}

/** Hidden menus and dialogs are skipped; a collapsed "read more" body (long prose) is kept. */
function hiddenByMarkup(element: Element): boolean {
  if (!element.hasAttributes()) return false;
  const style = element.getAttribute('style');
  const hidden = element.hasAttribute('hidden') || (!!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style));
  if (!hidden || element.getAttribute('aria-hidden') === 'true') return hidden;
  const weight = measure(element.textContent ?? '');
  return !(weight >= 200 && measuredPunctuation * 80 >= weight);
}

export function scanDocument(root: Element, exempt: ReadonlySet<Element> = new Set()): Scan {
  const blocks: Block[] = [];
  const tallies = new Map<Element, Tally>();
  const chrome: Element[] = [];
  const chromeProse = new Map<Element, number>();
  let nodeCount = 0;
  // A hinted wrapper holding much of the page's text is layout, not chrome ("sidebar-layout").
  let chromeLimit = -1;
  /** The element's text when it is chrome (read once: its length decides, its weight is counted), else null. */
  const chromeText = (element: Element): string | null => {
    if (exempt.has(element) || !junkHint(element)) return null;
    const text = element.textContent ?? '';
    if (text.length < 2000) return text;
    // Only large hinted regions need the page total (one long string, so computed once and late).
    if (chromeLimit < 0) chromeLimit = (root.textContent?.length ?? 0) * 0.3;
    // A large hinted wrapper around the page's h1 or main landmark is layout ("layout-right-sidebar").
    return text.length < chromeLimit && !element.querySelector('h1, main, [role="main"]') ? text : null;
  };

  const addBlock = (element: Element, rawLines: string[], linkChars: number, chromeRoot: Element | null) => {
    // Chrome subtrees are skipped in visit(); chromeRoot stays for blocks flushed at their edge.
    const junk = chromeRoot !== null;
    const joined = rawLines.length === 1 ? rawLines[0]! : rawLines.join(' ');
    // Measured after cleaning: whitespace weighs nothing, and the cleaned text is shorter to scan.
    const text = cleanText(joined);
    const weight = measure(text);
    const punctuation = measuredPunctuation;
    if (weight === 0) return;
    const cleaned = rawLines.length === 1 ? [text] : rawLines.map(cleanText).filter(Boolean);
    const linkWeight = Math.min(weight, linkChars);
    const index = blocks.length;
    blocks.push({ element, lines: cleaned, text, weight, linkWeight, junk, index });
    let good = 0;
    let bad = 0;
    let neutral = 0;
    const prose = (weight >= 60 && punctuation >= 1) || (weight >= 40 && punctuation >= 2);
    if (chromeRoot && prose && linkWeight / weight <= 0.5) chromeProse.set(chromeRoot, (chromeProse.get(chromeRoot) ?? 0) + weight - linkWeight);
    if (junk || linkWeight / weight > 0.5) bad = weight;
    else if (prose) {
      good = weight - linkWeight;
      bad = linkWeight;
    } else neutral = weight;
    scores.push(good, bad, neutral);
    if (good > 0) {
      const parent = element.parentElement ?? element;
      proseSiblings.set(parent, (proseSiblings.get(parent) ?? 0) + 1);
      const grandparent = parent.parentElement ?? parent;
      proseCousins.set(grandparent, (proseCousins.get(grandparent) ?? 0) + 1);
    }
  };
  const scores: number[] = [];
  const skipped: [Element, number][] = [];
  const proseSiblings = new Map<Element, number>();
  const proseCousins = new Map<Element, number>();
  const lone = (element: Element) => {
    const parent = element.parentElement ?? element;
    return (proseSiblings.get(parent) ?? 0) < 2 && (proseCousins.get(parent.parentElement ?? parent) ?? 0) < 2;
  };

  const tallyAll = () => {
    // Only pages with plenty of prose have teaser lists worth discounting.
    const discountLone = proseSiblings.size >= 4;
    for (const block of blocks) {
      let good = scores[block.index * 3]!;
      let neutral = scores[block.index * 3 + 2]!;
      // A lone prose block (a teaser's blurb) counts less than paragraphs that share a parent.
      if (discountLone && good > 0 && good < 400 && lone(block.element)) {
        neutral += good * 0.7;
        good *= 0.3;
      }
      const bad = scores[block.index * 3 + 1]!;
      const index = block.index;
      for (let node: Element | null = block.element, level = 0; node && level < 40; node = node.parentElement, level++) {
        const tally = tallies.get(node);
        if (tally) {
          tally.good += good;
          tally.junk += bad;
          tally.neutral += neutral;
          tally.last = index;
        } else tallies.set(node, { good, junk: bad, neutral, first: index, last: index });
        if (node === root) break;
      }
    }
    for (const [element, weight] of skipped) {
      for (let node: Element | null = element.parentElement, level = 0; node && level < 40; node = node.parentElement, level++) {
        const tally = tallies.get(node);
        if (tally) tally.junk += weight;
        else tallies.set(node, { good: 0, junk: weight, neutral: 0, first: Infinity, last: -1 });
        if (node === root) break;
      }
    }
  };

  interface Run {
    lines: string[];
    linkChars: number;
  }

  const visit = (element: Element, run: Run, junk: Element | null, inLink: boolean, depth: number) => {
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (++nodeCount > MAX_NODES) return;
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? '';
        if (!value) continue;
        run.lines[run.lines.length - 1] += value;
        if (inLink) run.linkChars += textWeight(value);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const node = child as Element;
      const tag = node.tagName.toUpperCase();
      if (SKIP.has(tag) || depth > MAX_DEPTH || hiddenByMarkup(node)) continue;
      if (tag === 'BR') {
        run.lines.push('');
        continue;
      }
      const hintedText = junk ? null : chromeText(node);
      if (hintedText !== null) {
        // Chrome is not read block by block: its text only counts against the containers around it.
        if (chrome.length < 60) chrome.push(node);
        const weight = visibleWeight(node, hintedText);
        if (weight > 0) skipped.push([node, weight]);
        // Lots of punctuated text under a chrome hint may be a mislabelled body: worth a second look.
        if (weight >= 400 && visiblePunctuation * 60 >= weight && !isOverlay(node)) chromeProse.set(node, weight);
        if (BLOCK.has(tag)) {
          addBlock(element, run.lines, run.linkChars, junk);
          run.lines = [''];
          run.linkChars = 0;
        }
        continue;
      }
      const childJunk = junk;
      if (BLOCK.has(tag)) {
        addBlock(element, run.lines, run.linkChars, junk);
        run.lines = [''];
        run.linkChars = 0;
        const inner: Run = { lines: [''], linkChars: 0 };
        visit(node, inner, childJunk, inLink, depth + 1);
        addBlock(node, inner.lines, inner.linkChars, childJunk);
      } else {
        visit(node, run, childJunk, inLink || tag === 'A', depth + 1);
      }
    }
  };

  const run: Run = { lines: [''], linkChars: 0 };
  visit(root, run, null, false, 0);
  addBlock(root, run.lines, run.linkChars, null);
  tallyAll();
  return { blocks, tallies, chrome, chromeProse, nodeCount };
}

/** The blocks inside an element, in document order. */
export function blocksWithin(scan: Scan, element: Element): Block[] {
  const tally = scan.tallies.get(element);
  if (!tally) return [];
  const out: Block[] = [];
  for (let index = tally.first; index <= tally.last; index++) {
    const block = scan.blocks[index]!;
    if (block.element === element || element.contains(block.element)) out.push(block);
  }
  return out;
}

/** Picks the element whose prose outweighs the chrome and short bits inside it. */
export function bestContainer(scan: Scan): Element | null {
  return bestScored(scan).element;
}

export function bestScored(scan: Scan): { element: Element | null; score: number } {
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, tally] of scan.tallies) {
    const score = tally.good - tally.junk - 0.25 * tally.neutral;
    if (score > bestScore) {
      bestScore = score;
      best = element;
    }
  }
  return { element: best, score: bestScore };
}

/**
 * Scans, then rescans with a chrome hint lifted when that region holds more prose than
 * the best container found outside it (article bodies in "sidebar-layout" wrappers).
 */
export function scanWithExemptions(root: Element): Scan {
  const exempt = new Set<Element>();
  let scan = scanDocument(root, exempt);
  for (let pass = 0; pass < 2; pass++) {
    let worst: Element | null = null;
    let prose = 0;
    for (const [element, amount] of scan.chromeProse) if (amount > prose) [worst, prose] = [element, amount];
    if (!worst || prose < 400 || prose < 1.5 * bestScored(scan).score) break;
    exempt.add(worst);
    scan = scanDocument(root, exempt);
  }
  return scan;
}
