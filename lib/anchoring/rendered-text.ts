/**
 * The text around a passage as a browser's text-fragment matcher reads it: only rendered text
 * (nothing under `display: none`, such as `<noscript>`, nor `visibility: hidden`), collapsible
 * whitespace collapsed as CSS does (a no-break space stays a character of its own), and a
 * BOUNDARY wherever the browser starts a new block. Blocks come from computed style, not tag
 * names: a `<span>` made `display: block` or floated, an inline-block, a table cell, a `<br>` or a
 * text field all end a block, and no fragment term may cross one. An inline image, video, frame or
 * `<svg>` does not: Chromium skips it and reads the words on either side as one (as the spec's
 * "search invisible" nodes), so `<a><svg/>kurier.at</a><a><svg/>events.at</a>` is one word.
 */

/** Marks a block boundary in rendered text (U+2029 PARAGRAPH SEPARATOR: never in page text as rendered). */
export const BOUNDARY = '\u2029';

/** Elements a browser treats as blocks whatever their style (text-fragments-polyfill's list, kept in step). */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DETAILS', 'DIALOG', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P',
  'PRE', 'SECTION', 'TABLE', 'UL', 'TR', 'TH', 'TD', 'COLGROUP', 'COL', 'CAPTION', 'THEAD', 'TBODY', 'TFOOT', 'HTML', 'BODY',
]);
/** Replaced elements and controls: their own text (if any) is not searched. */
const OPAQUE_TAGS = new Set(['IMG', 'SVG', 'VIDEO', 'AUDIO', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'INPUT', 'SELECT', 'TEXTAREA', 'METER', 'PROGRESS']);
/** …of which these break the text wherever they are; the others only when made blocks. */
const BREAKING_TAGS = new Set(['INPUT', 'TEXTAREA']);
/** Never rendered, whatever their computed style says (`<noscript>` computes as inline but has no box when scripts run). */
const UNRENDERED_TAGS = new Set(['NOSCRIPT', 'SCRIPT', 'STYLE', 'TEMPLATE', 'HEAD', 'TITLE']);
const INLINE_DISPLAY = new Set(['', 'inline', 'contents', 'ruby', 'ruby-base', 'ruby-text', 'ruby-base-container', 'ruby-text-container']);
const COLLAPSIBLE = /[ \t\n\r\f]/;
/** Inline-level for a replaced element: inline-block and inline-flex too (a `<select>` is one and does not break). */
const isInline = (display: string) => INLINE_DISPLAY.has(display) || display.startsWith('inline');

export interface RenderedText {
  text: string;
  /** Where the passage's range starts and ends in `text`. */
  start: number;
  end: number;
}

/**
 * The rendered text of the smallest ancestor of `range` holding at least `around` characters on
 * each side, whitespace collapsed (or of the whole body), with the passage's place in it.
 */
export function renderedTextAround(range: Range, around: number): RenderedText {
  const doc = range.startContainer.ownerDocument ?? document;
  const view = doc.defaultView ?? window;
  let root: Node = range.commonAncestorContainer;
  const wanted = range.toString().length + 2 * around;
  /** Text of `node` on one side of the passage, whitespace collapsed (a menu's markup is mostly indentation). */
  const side = (node: Node, before: boolean) => {
    const probe = doc.createRange();
    probe.selectNodeContents(node);
    if (before) probe.setEnd(range.startContainer, range.startOffset);
    else probe.setStart(range.endContainer, range.endOffset);
    return probe.toString().replace(/\s+/g, ' ').length;
  };
  const enough = (node: Node) => (node.textContent ?? '').length >= wanted && side(node, true) >= around && side(node, false) >= around;
  while (root.parentNode && root !== doc.body && !enough(root)) root = root.parentNode;

  const styles = new Map<Element, CSSStyleDeclaration>();
  const style = (el: Element) => {
    let found = styles.get(el);
    if (!found) styles.set(el, (found = view.getComputedStyle(el)));
    return found;
  };
  const isBlock = (el: Element) => BLOCK_TAGS.has(el.tagName.toUpperCase()) || !INLINE_DISPLAY.has(style(el).display);
  const blocks = new Map<Element, Element | null>();
  const blockOf = (el: Element | null): Element | null => {
    if (!el) return null;
    if (blocks.has(el)) return blocks.get(el)!;
    const found = isBlock(el) ? el : blockOf(el.parentElement);
    blocks.set(el, found);
    return found;
  };

  let text = '';
  let start = -1;
  let end = -1;
  let lastBlock: Element | null | undefined;
  const breakBlock = () => {
    if (text.endsWith(' ')) text = text.slice(0, -1);
    if (text && !text.endsWith(BOUNDARY)) text += BOUNDARY;
  };
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  /** The next node after the current one's subtree. */
  const nextOutside = (): Node | null => {
    for (;;) {
      const sibling = walker.nextSibling();
      if (sibling) return sibling;
      if (!walker.parentNode()) return null;
    }
  };
  // Skipped subtrees (hidden, opaque) still hold the passage's edges when it starts or ends in one.
  const mark = (node: Node) => {
    if (start === -1 && range.comparePoint(node, 0) >= 0) start = text.length;
    if (end === -1 && range.comparePoint(node, 0) > 0) end = text.length;
  };
  for (let node: Node | null = walker.currentNode; node; ) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      const opaque = OPAQUE_TAGS.has(tag);
      if (opaque || UNRENDERED_TAGS.has(tag) || style(el).display === 'none') {
        mark(el);
        if (opaque && (BREAKING_TAGS.has(tag) || !isInline(style(el).display))) breakBlock();
        node = el === root ? null : nextOutside();
        continue;
      }
      if (el !== root && isBlock(el)) breakBlock();
      node = walker.nextNode();
      continue;
    }
    const data = (node as Text).data;
    const parent = node.parentElement;
    mark(node);
    if (!parent || /^(hidden|collapse)$/.test(style(parent).visibility)) {
      node = walker.nextNode();
      continue;
    }
    const block = blockOf(parent);
    if (lastBlock !== undefined && block !== lastBlock) breakBlock();
    lastBlock = block;
    const preserve = /^(pre|pre-wrap|break-spaces)$/.test(style(parent).whiteSpace);
    const lines = preserve || style(parent).whiteSpace === 'pre-line';
    for (let i = 0; i <= data.length; i++) {
      if (node === range.startContainer && i === range.startOffset) start = text.length;
      if (node === range.endContainer && i === range.endOffset) end = text.length;
      if (i === data.length) break;
      const char = data[i]!;
      if (char === '\n' && lines) breakBlock();
      else if (COLLAPSIBLE.test(char)) {
        if (preserve) text += '\u00a0';
        else if (text && !text.endsWith(' ') && !text.endsWith(BOUNDARY)) text += ' ';
      } else text += char;
    }
    node = walker.nextNode();
  }
  return { text, start: start === -1 ? text.length : start, end: end === -1 ? text.length : end };
}
