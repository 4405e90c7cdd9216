/**
 * Paints highlight ranges. With the CSS Custom Highlight API (one Highlight
 * per colour) the page's DOM is never touched and overlaps simply blend;
 * without it, text nodes are wrapped in <gloss-mark> elements.
 */
import { HIGHLIGHT_COLORS, highlightName } from './colors';
import { FALLBACK_MARK_TAG } from './page-styles';

export interface Painted {
  id: string;
  range: Range;
  color: string;
}

export interface Painter {
  readonly mode: 'custom-highlight' | 'wrap';
  paint(id: string, range: Range, color: string): void;
  unpaint(id: string): void;
  clear(): void;
  get(id: string): Painted | undefined;
  all(): IterableIterator<Painted>;
}

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;

function customHighlightSupport(win: Window): { registry: HighlightRegistry; Highlight: HighlightCtor } | null {
  const css = (win as Window & { CSS?: typeof CSS }).CSS;
  const ctor = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  return css?.highlights && ctor ? { registry: css.highlights, Highlight: ctor } : null;
}

class CustomHighlightPainter implements Painter {
  readonly mode = 'custom-highlight' as const;
  private readonly painted = new Map<string, Painted>();
  private readonly layers = new Map<string, Highlight>();

  constructor(private readonly support: { registry: HighlightRegistry; Highlight: HighlightCtor }) {}

  private layer(color: string): Highlight {
    const name = highlightName(color);
    let layer = this.layers.get(name);
    if (!layer) {
      layer = new this.support.Highlight();
      // Later colours in the palette draw over earlier ones where they overlap.
      layer.priority = HIGHLIGHT_COLORS.findIndex((c) => highlightName(c.id) === name);
      this.layers.set(name, layer);
    }
    // Re-register every time: a page script may have cleared the registry.
    if (this.support.registry.get(name) !== layer) this.support.registry.set(name, layer);
    return layer;
  }

  paint(id: string, range: Range, color: string) {
    const existing = this.painted.get(id);
    if (existing?.range === range && existing.color === color) return;
    if (existing) this.unpaint(id);
    this.layer(color).add(range);
    this.painted.set(id, { id, range, color });
  }

  unpaint(id: string) {
    const existing = this.painted.get(id);
    if (!existing) return;
    this.layers.get(highlightName(existing.color))?.delete(existing.range);
    this.painted.delete(id);
  }

  clear() {
    for (const [name, layer] of this.layers) {
      layer.clear();
      if (this.support.registry.get(name) === layer) this.support.registry.delete(name);
    }
    this.layers.clear();
    this.painted.clear();
  }

  get(id: string) {
    return this.painted.get(id);
  }

  all() {
    return this.painted.values();
  }
}

/** Wraps each text node piece of `range` in a mark element; returns the marks. */
function wrapRange(range: Range, id: string, color: string): HTMLElement[] {
  const doc = range.startContainer.ownerDocument ?? document;
  const root = range.commonAncestorContainer;
  const texts: Text[] = [];
  if (root.nodeType === Node.TEXT_NODE) texts.push(root as Text);
  else {
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (range.intersectsNode(node)) texts.push(node as Text);
  }
  const marks: HTMLElement[] = [];
  for (let text of texts) {
    const from = text === range.startContainer ? range.startOffset : 0;
    const to = text === range.endContainer ? range.endOffset : text.data.length;
    if (to <= from || !text.data.slice(from, to).trim() || !text.parentNode) continue;
    if (from > 0) text = text.splitText(from);
    if (to - from < text.data.length) text.splitText(to - from);
    const mark = doc.createElement(FALLBACK_MARK_TAG);
    mark.className = highlightName(color);
    mark.dataset.glossId = id;
    text.parentNode!.insertBefore(mark, text);
    mark.append(text);
    marks.push(mark);
  }
  return marks;
}

class WrappingPainter implements Painter {
  readonly mode = 'wrap' as const;
  private readonly painted = new Map<string, Painted & { marks: HTMLElement[] }>();

  paint(id: string, range: Range, color: string) {
    const existing = this.painted.get(id);
    if (existing && existing.color === color) return;
    if (existing) {
      for (const mark of existing.marks) mark.className = highlightName(color);
      existing.color = color;
      return;
    }
    const marks = wrapRange(range, id, color);
    const painted = range.cloneRange();
    if (marks.length) {
      painted.setStartBefore(marks[0]!);
      painted.setEndAfter(marks[marks.length - 1]!);
    }
    this.painted.set(id, { id, range: painted, color, marks });
  }

  unpaint(id: string) {
    const existing = this.painted.get(id);
    if (!existing) return;
    for (const mark of existing.marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
      parent.normalize();
    }
    this.painted.delete(id);
  }

  clear() {
    for (const id of [...this.painted.keys()]) this.unpaint(id);
  }

  get(id: string) {
    return this.painted.get(id);
  }

  all() {
    return this.painted.values();
  }
}

export function createPainter(win: Window, options: { forceWrap?: boolean } = {}): Painter {
  const support = options.forceWrap ? null : customHighlightSupport(win);
  return support ? new CustomHighlightPainter(support) : new WrappingPainter();
}
