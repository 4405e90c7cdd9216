/**
 * The text of a root element as one string, with the text node behind each
 * offset: built once per anchoring pass, then used to turn offsets into DOM
 * Ranges and Ranges into offsets. Script, style and Gloss's own UI are left out.
 * The walk follows the flat tree, as the page is rendered: an open shadow root's
 * text in place of its host's own children, a slot's assigned nodes in place of
 * its fallback. On a page without shadow roots that is plain document order.
 */

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION']);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Marks an element whose text is not the page's (Gloss's shadow host, fallback marks keep their text). */
export const GLOSS_UI_ATTRIBUTE = 'data-gloss-ui';

export interface TextIndex {
  root: Node;
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i]'s first character in `text`. */
  starts: number[];
}

function skipped(element: Element): boolean {
  return SKIPPED.has(element.tagName.toUpperCase()) || element.hasAttribute(GLOSS_UI_ATTRIBUTE);
}

/** A node's children in the flat tree. Closed shadow roots cannot be read (`shadowRoot` is null): their host's own children stand. */
export function flatChildren(node: Node): ArrayLike<Node> {
  if (node.nodeType === ELEMENT_NODE) {
    const element = node as Element;
    if (element.shadowRoot) return element.shadowRoot.childNodes;
    if (element.localName === 'slot' && typeof (element as HTMLSlotElement).assignedNodes === 'function') {
      const assigned = (element as HTMLSlotElement).assignedNodes();
      if (assigned.length) return assigned;
    }
  }
  return node.childNodes;
}

export function buildTextIndex(root: Node): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  const add = (node: Text) => {
    const data = node.data;
    if (!data) return;
    nodes.push(node);
    starts.push(length);
    parts.push(data);
    length += data.length;
  };
  if (root.nodeType === TEXT_NODE) {
    add(root as Text);
  } else {
    // Iterative walk with a stack of child lists: hostile pages nest elements deeper than the call stack allows.
    const stack: { children: ArrayLike<Node>; next: number }[] = [{ children: flatChildren(root), next: 0 }];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      if (top.next >= top.children.length) {
        stack.pop();
        continue;
      }
      const node = top.children[top.next++]!;
      if (node.nodeType === TEXT_NODE) add(node as Text);
      else if (node.nodeType === ELEMENT_NODE && !skipped(node as Element)) stack.push({ children: flatChildren(node), next: 0 });
    }
  }
  return { root, text: parts.join(''), nodes, starts };
}

/** Index of the text node holding `offset`; at a boundary, the node that starts there (or ends there, for range ends). */
function nodeAt(index: TextIndex, offset: number, isEnd: boolean): number {
  const { starts, nodes } = index;
  let low = 0;
  let high = nodes.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (isEnd ? starts[mid]! < offset : starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A DOM Range over text offsets [start, end), or null if the index is empty or the offsets are out of bounds. */
export function rangeOfOffsets(index: TextIndex, start: number, end: number): Range | null {
  if (!index.nodes.length || start < 0 || end > index.text.length || end < start) return null;
  const doc = index.nodes[0]!.ownerDocument;
  const first = nodeAt(index, start, false);
  const last = nodeAt(index, end, true);
  const range = doc.createRange();
  range.setStart(index.nodes[first]!, Math.min(start - index.starts[first]!, index.nodes[first]!.data.length));
  range.setEnd(index.nodes[last]!, Math.min(Math.max(0, end - index.starts[last]!), index.nodes[last]!.data.length));
  return range;
}

/** The text offset of a DOM boundary point (the first indexed character at or after it). */
export function offsetOfPoint(index: TextIndex, node: Node, offset: number): number {
  if (node.nodeType === TEXT_NODE) {
    const at = indexOfNode(index, node as Text);
    if (at !== -1) return index.starts[at]! + Math.min(offset, (node as Text).data.length);
  }
  // Element boundary, or a text node we skipped: the first indexed node that
  // starts at or after the point, found by binary search in document order
  // among the indexed nodes of the point's own tree (a shadow root's, or the document's).
  const probe = node.ownerDocument!.createRange();
  probe.setStart(node, offset);
  const tree = node.getRootNode();
  const candidates = index.nodes.some((n) => n.getRootNode() !== tree)
    ? index.nodes.flatMap((n, i) => (n.getRootNode() === tree ? [i] : []))
    : null;
  const count = candidates?.length ?? index.nodes.length;
  const at = (i: number) => candidates?.[i] ?? i;
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (probe.comparePoint(index.nodes[at(mid)]!, 0) < 0) low = mid + 1;
    else high = mid;
  }
  return low < count ? index.starts[at(low)]! : index.text.length;
}

const positionCache = new WeakMap<TextIndex, Map<Text, number>>();

function indexOfNode(index: TextIndex, node: Text): number {
  let positions = positionCache.get(index);
  if (!positions) {
    positions = new Map(index.nodes.map((n, i) => [n, i]));
    positionCache.set(index, positions);
  }
  return positions.get(node) ?? -1;
}

/** Text offsets of a Range, clipped to the index's root. */
export function offsetsOfRange(index: TextIndex, range: Range): { start: number; end: number } {
  const start = offsetOfPoint(index, range.startContainer, range.startOffset);
  const end = offsetOfPoint(index, range.endContainer, range.endOffset);
  return { start, end: Math.max(start, end) };
}
