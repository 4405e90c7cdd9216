/** The user's selection, when it is page text Gloss may highlight. */
import { GLOSS_UI_ATTRIBUTE } from '@/lib/anchoring';

const EDITABLE = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';

function elementOf(node: Node | null): Element | null {
  if (!node) return null;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/** True if the node sits in a form field, an editor, or Gloss's own UI. */
export function isOffLimits(node: Node | null): boolean {
  const element = elementOf(node);
  if (!element) return true;
  return Boolean(element.closest(EDITABLE) || element.closest(`[${GLOSS_UI_ATTRIBUTE}]`));
}

/** Open shadow roots in `node`'s subtree, nested ones too (closed ones cannot be read). */
function openShadowRoots(node: Node): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const doc = node.ownerDocument ?? (node as Document);
  const pending: Node[] = [node];
  while (pending.length) {
    const walker = doc.createTreeWalker(pending.pop()!, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.currentNode as Element | null; el; el = walker.nextNode() as Element | null) {
      if (el.shadowRoot) {
        roots.push(el.shadowRoot);
        pending.push(el.shadowRoot);
      }
    }
  }
  return roots;
}

type ComposedSelection = Selection & { getComposedRanges?(options: { shadowRoots: ShadowRoot[] }): StaticRange[] };

/**
 * The selected range, read through open shadow roots: `getRangeAt` reports a selection inside a shadow root at its
 * host, `getComposedRanges` where it really is. Null for one that crosses a shadow boundary (no Range can hold it)
 * or lies in a closed shadow root.
 */
function selectedRange(selection: ComposedSelection): Range | null {
  const range = selection.getRangeAt(0);
  if (typeof selection.getComposedRanges !== 'function') return range;
  // Chromium reports a selection inside a shadow root as collapsed at the host: look around it.
  const around = range.commonAncestorContainer;
  const roots = openShadowRoots(around.nodeType === 1 ? around : around.parentNode ?? around);
  // Inside a shadow root already (a browser that reports it there): that root and its own nested roots.
  const tree = around.getRootNode();
  if (tree !== around.ownerDocument && 'host' in tree) roots.push(tree as ShadowRoot);
  if (!roots.length) return range;
  const [composed] = selection.getComposedRanges({ shadowRoots: roots });
  if (!composed || composed.collapsed) return range;
  if (composed.startContainer.getRootNode() !== composed.endContainer.getRootNode()) return null;
  const live = (composed.startContainer.ownerDocument ?? document).createRange();
  live.setStart(composed.startContainer, composed.startOffset);
  live.setEnd(composed.endContainer, composed.endOffset);
  // A selection in a closed shadow root comes back as its host, whose own text is not the selected text.
  return live.toString().trim() ? live : null;
}

/** True when nothing is selected: a selection inside a shadow root reads as collapsed at its host (Chromium), text and all. */
export const nothingSelected = (selection: Selection | null): boolean =>
  !selection || selection.rangeCount === 0 || (selection.isCollapsed && !selection.toString());

/**
 * True when text is selected that Gloss cannot read: inside a closed shadow root (its text shows, its nodes are out of
 * reach), or across a shadow boundary. The toolbar and the popup then say so instead of doing nothing.
 */
export function unreadableSelection(win: Window): boolean {
  const selection = win.getSelection();
  if (!selection || nothingSelected(selection) || !selection.toString().trim()) return false;
  const range = selectedRange(selection);
  if (range && !range.collapsed) return false;
  return !isOffLimits(selection.getRangeAt(0).commonAncestorContainer);
}

/** A copy of the selected range, or null if nothing highlightable is selected. */
export function highlightableSelection(win: Window): Range | null {
  const selection = win.getSelection();
  if (!selection || nothingSelected(selection)) return null;
  const range = selectedRange(selection);
  if (!range || range.collapsed) return null;
  if (isOffLimits(range.startContainer) || isOffLimits(range.endContainer)) return null;
  if (isOffLimits(range.commonAncestorContainer)) return null;
  if (!selection.toString().trim()) return null;
  return range.cloneRange();
}
