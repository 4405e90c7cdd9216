/** Which painted highlights lie under a point: for hover and click popovers without DOM marks. */
import type { Painted } from './painter';

const TOLERANCE = 1;

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const withPosition = doc as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const position = withPosition.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const withRange = doc as Document & { caretRangeFromPoint?(x: number, y: number): Range | null };
  if (typeof withRange.caretRangeFromPoint === 'function') {
    const range = withRange.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - TOLERANCE && x <= rect.right + TOLERANCE && y >= rect.top - TOLERANCE && y <= rect.bottom + TOLERANCE) return true;
  }
  return false;
}

/** Ids of the highlights at viewport point (x, y), innermost (shortest) first. */
export function highlightsAtPoint(doc: Document, x: number, y: number, painted: Iterable<Painted>): string[] {
  const caret = caretAt(doc, x, y);
  const hits: { id: string; length: number }[] = [];
  for (const entry of painted) {
    try {
      // The caret test is cheap and rules out almost everything; rects confirm (a caret snaps to the nearest character).
      // Over a shadow root the caret is reported at its host, in another tree than a passage inside: rects alone decide.
      const sameTree = caret && caret.node.getRootNode() === entry.range.startContainer.getRootNode();
      if (caret && sameTree && !entry.range.isPointInRange(caret.node, caret.offset)) continue;
      if (!rectsContain(entry.range, x, y)) continue;
      hits.push({ id: entry.id, length: entry.range.toString().length });
    } catch {
      // A range whose nodes left the document, or a caret inside a foreign shadow tree.
    }
  }
  return hits.sort((a, b) => a.length - b.length).map((hit) => hit.id);
}
