/** Turns a DOM Range into W3C selectors (quote with context, position) against a root's text. */
import type { TextPositionSelector, TextQuoteSelector } from '@/lib/model/records';
import { buildTextIndex, offsetsOfRange, type TextIndex } from './text-index';

export const CONTEXT_LENGTH = 32;

export interface Description {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Narrows [start, end) so it neither starts nor ends with whitespace (CJK has no words to snap to). */
export function trimOffsets(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Avoids cutting a surrogate pair (emoji) in half at a context edge. */
function safeSlice(text: string, start: number, end: number): string {
  const isLow = (i: number) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]!) && /[\uD800-\uDBFF]/.test(text[i - 1]!);
  if (isLow(start)) start++;
  if (isLow(end)) end--;
  return text.slice(start, Math.max(start, end));
}

/** Selectors for text offsets [start, end) of an index, or null if that is only whitespace. */
export function describeOffsets(index: TextIndex, start: number, end: number): Description | null {
  const trimmed = trimOffsets(index.text, start, end);
  if (trimmed.end <= trimmed.start) return null;
  const { text } = index;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(trimmed.start, trimmed.end),
      prefix: safeSlice(text, Math.max(0, trimmed.start - CONTEXT_LENGTH), trimmed.start),
      suffix: safeSlice(text, trimmed.end, Math.min(text.length, trimmed.end + CONTEXT_LENGTH)),
    },
    position: { type: 'TextPositionSelector', start: trimmed.start, end: trimmed.end },
  };
}

/** Selectors for `range` within `root` (a range reaching outside the root is clipped to it). */
export function describe(root: Element, range: Range, index: TextIndex = buildTextIndex(root)): Description | null {
  const { start, end } = offsetsOfRange(index, range);
  return describeOffsets(index, start, end);
}
