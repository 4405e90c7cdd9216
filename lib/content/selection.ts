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

/** A copy of the selected range, or null if nothing highlightable is selected. */
export function highlightableSelection(win: Window): Range | null {
  const selection = win.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (isOffLimits(range.startContainer) || isOffLimits(range.endContainer)) return null;
  if (isOffLimits(range.commonAncestorContainer)) return null;
  if (!selection.toString().trim()) return null;
  return range.cloneRange();
}
