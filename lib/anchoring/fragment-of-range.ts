/**
 * The text fragment for a passage on the live page, made when the highlight is created. The stored
 * quote's context is 32 characters of `textContent`, which has no block boundaries (a tweet's last
 * word runs straight into the next paragraph), so it cannot say where a fragment term must stop.
 * Chromium's own generator, as text-fragments-polyfill ships it, walks the DOM: no term crosses a
 * block element, `<br>` or hidden text, and it adds context or switches to textStart,textEnd until
 * the fragment is unique on the page.
 */
import {
  GenerateFragmentStatus,
  generateFragmentFromRange,
  isValidRangeForFragmentGeneration,
} from 'text-fragments-polyfill/dist/fragment-generation-utils.js';
import type { TextFragmentSelector } from '@/lib/model/records';

/** The fragment for `range` (left untouched), or null when the page gives none: not unique, too slow, an editable. */
export function fragmentOfRange(range: Range): TextFragmentSelector | null {
  const copy = range.cloneRange();
  try {
    if (!isValidRangeForFragmentGeneration(copy)) return null;
    const result = generateFragmentFromRange(copy);
    if (result.status !== GenerateFragmentStatus.SUCCESS || !result.fragment?.textStart) return null;
    const { textStart, textEnd, prefix, suffix } = result.fragment;
    return {
      type: 'TextFragmentSelector',
      textStart,
      ...(textEnd ? { textEnd } : {}),
      ...(prefix ? { prefix } : {}),
      ...(suffix ? { suffix } : {}),
    };
  } catch (error) {
    // A hostile page can break the generator's DOM walk; the link then falls back to the quote.
    console.debug('Gloss: no text fragment for this passage', error);
    return null;
  }
}
