/**
 * Where the passage-link test highlights: runs in the page (self-contained, passed to page.evaluate).
 * Picks, in document order, one passage of each kind a reader would highlight: the first and the last
 * words of a paragraph, a whole paragraph, a long passage (linked by its first and last words), one
 * across two paragraphs, the first words after an embed (tweet, video, iframe, figure, table), a list
 * item, a caption, a table cell, and a phrase inside Chinese, Japanese or Korean text. Each kind is
 * taken from a different block where the page has one. The ranges stay on `window` for `selectPassage`.
 */
export interface PickedPassage {
  kind: string;
  /** The selection's text, as the user would see it selected. */
  text: string;
  /** How often that text (whitespace and case ignored) appears in the page's visible text: 1 is unique. */
  occurrences: number;
}

export function pickPassages(): PickedPassage[] {
  const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
  const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const textNodes = (root: Element) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => {
        const parent = n.parentElement;
        if (!parent || parent.closest('script, style, noscript, template, svg') || !(n as Text).data.trim()) return NodeFilter.FILTER_REJECT;
        return visible(parent) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      },
    });
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    return nodes;
  };
  // Browsers match text fragments without regard to case.
  const squash = (text: string) => text.replace(/\s+/g, '').toLowerCase();
  const pageText = squash(document.body.innerText);
  const count = (text: string) => {
    const needle = squash(text);
    if (!needle) return 0;
    let n = 0;
    for (let at = pageText.indexOf(needle); at !== -1; at = pageText.indexOf(needle, at + 1)) n++;
    return n;
  };
  /** Offsets of word starts and ends in a text node's data (CJK: every character is a word). */
  const words = (data: string) => {
    const spans: [number, number][] = [];
    for (const m of data.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.,:-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)) {
      if (CJK.test(m[0])) for (let i = 0; i < m[0].length; i++) spans.push([m.index! + i, m.index! + i + 1]);
      else spans.push([m.index!, m.index! + m[0].length]);
    }
    return spans;
  };
  const used = new Set<Element>();
  const picked: { kind: string; range: Range }[] = [];
  const blockOf = (node: Node) => node.parentElement?.closest('p, li, td, th, figcaption, caption, dd, h1, h2, h3, blockquote, div') ?? null;
  const take = (kind: string, range: Range | null, block: Element | null) => {
    if (!range || range.collapsed || !range.toString().trim()) return false;
    picked.push({ kind, range });
    if (block) used.add(block);
    return true;
  };
  const rangeIn = (start: Text, from: number, end: Text, to: number) => {
    const range = document.createRange();
    range.setStart(start, from);
    range.setEnd(end, to);
    return range;
  };
  /** The middle candidate not used yet, so picks spread over the page rather than its header. */
  const middle = <T extends Element>(list: T[]) => {
    const free = list.filter((e) => !used.has(e));
    return free[Math.floor(free.length / 2)] ?? null;
  };
  const paragraphs = [...document.querySelectorAll('p')].filter((p) => visible(p) && (p.textContent ?? '').trim().length >= 80);
  const firstWords = (el: Element, n: number) => {
    const node = textNodes(el)[0];
    const spans = node ? words(node.data) : [];
    return node && spans.length ? rangeIn(node, spans[0]![0], node, spans[Math.min(n, spans.length) - 1]![1]) : null;
  };
  const lastWords = (el: Element, n: number) => {
    const nodes = textNodes(el);
    const node = nodes[nodes.length - 1];
    const spans = node ? words(node.data) : [];
    return node && spans.length ? rangeIn(node, spans[Math.max(0, spans.length - n)]![0], node, spans[spans.length - 1]![1]) : null;
  };
  const wordCount = (el: Element) => (CJK.test(el.textContent ?? '') ? 8 : 4);

  let p = middle(paragraphs);
  if (p) take('paragraph start', firstWords(p, wordCount(p)), p);
  p = middle(paragraphs);
  if (p) take('paragraph end', lastWords(p, wordCount(p)), p);
  const short = [...document.querySelectorAll('p')].filter((e) => visible(e) && textNodes(e).length > 0 && (e.textContent ?? '').trim().length >= 30 && (e.textContent ?? '').trim().length <= 300);
  p = middle(short);
  if (p) {
    const nodes = textNodes(p);
    take('whole paragraph', rangeIn(nodes[0]!, 0, nodes[nodes.length - 1]!, nodes[nodes.length - 1]!.data.length), p);
  }
  const long = paragraphs.filter((e) => textNodes(e).some((n) => n.data.trim().length >= 300));
  p = middle(long);
  if (p) {
    const node = textNodes(p).find((n) => n.data.trim().length >= 300)!;
    const spans = words(node.data);
    const from = spans[Math.floor(spans.length / 4)]!;
    const to = spans.find((s) => s[1] >= from[0] + 220) ?? spans[spans.length - 1]!;
    take('long passage', rangeIn(node, from[0], node, to[1]), p);
  }
  const pairs = paragraphs.filter((e) => e.nextElementSibling?.matches('p') && paragraphs.includes(e.nextElementSibling as HTMLParagraphElement));
  p = middle(pairs);
  if (p) {
    const end = lastWords(p, 3);
    const start = firstWords(p.nextElementSibling!, 3);
    if (end && start) take('across paragraphs', rangeIn(end.startContainer as Text, end.startOffset, start.endContainer as Text, start.endOffset), p);
  }
  // The first paragraph after an embed, in document order.
  const embeds = [...document.querySelectorAll('iframe, video, embed, object, blockquote, figure, table, .twitter-tweet, .instagram-media')];
  for (const embed of embeds) {
    const after = paragraphs.find((e) => !used.has(e) && (embed.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING) && !embed.contains(e));
    if (after && embed.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING) {
      const between = document.createRange();
      between.setStartAfter(embed);
      between.setEndBefore(after);
      if (between.toString().trim().length < 200 && take('after embed', firstWords(after, wordCount(after)), after)) break;
    }
  }
  const wholeOf = (kind: string, selector: string, min: number, max: number) => {
    const list = [...document.querySelectorAll(selector)].filter((e) => {
      const text = (e.textContent ?? '').trim();
      return visible(e) && text.length >= min && text.length <= max && textNodes(e).length > 0;
    });
    const el = middle(list);
    if (!el) return;
    const nodes = textNodes(el);
    const first = nodes[0]!;
    const last = nodes[nodes.length - 1]!;
    const lead = first.data.length - first.data.trimStart().length;
    take(kind, rangeIn(first, lead, last, last.data.trimEnd().length), el);
  };
  wholeOf('list item', 'article li, main li, li', 20, 200);
  wholeOf('caption', 'figcaption, caption, [class*="caption" i]', 15, 300);
  wholeOf('table cell', 'td', 10, 200);
  const cjk = paragraphs.filter((e) => textNodes(e).some((n) => CJK.test(n.data) && n.data.trim().length >= 30));
  p = middle(cjk);
  if (p) {
    const node = textNodes(p).find((n) => CJK.test(n.data) && n.data.trim().length >= 30)!;
    const from = Math.floor(node.data.length / 3);
    take('CJK phrase', rangeIn(node, from, node, from + 12), p);
  }
  (window as unknown as { __glossPassages: Range[] }).__glossPassages = picked.map((x) => x.range);
  return picked.map(({ kind, range }) => ({ kind, text: range.toString(), occurrences: count(range.toString()) }));
}

/** Selects the `index`th picked passage, as the user's mouse would. */
export function selectPassage(index: number): string {
  const range = (window as unknown as { __glossPassages: Range[] }).__glossPassages[index]!;
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  return getSelection()!.toString();
}
