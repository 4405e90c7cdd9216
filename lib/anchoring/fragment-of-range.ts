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

/** Context read around the passage to find its terms' own spelling. */
const AROUND = 600;

/** The generator's folding (NFKD, no diacritics, lower case), one source character at a time. */
const fold = (char: string) => char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * The generator hands back terms folded (`März` → `marz`, `：` → `:`), with the page's raw whitespace;
 * Chromium does not match the folded spelling. This finds the term in the page's own text (last
 * occurrence for a prefix, first otherwise) and returns it as written, whitespace collapsed.
 */
function asWritten(term: string, source: string, last: boolean): string {
  const wanted = term.replace(/\s+/g, ' ').trim();
  let folded = '';
  const from: number[] = [];
  for (let i = 0; i < source.length; ) {
    const char = String.fromCodePoint(source.codePointAt(i)!);
    const piece = /\s/.test(char) ? (folded.endsWith(' ') ? '' : ' ') : fold(char);
    for (let k = 0; k < piece.length; k++) from.push(i);
    folded += piece;
    i += char.length;
  }
  from.push(source.length);
  const at = last ? folded.lastIndexOf(wanted) : folded.indexOf(wanted);
  if (at === -1) return wanted;
  const endAt = at + wanted.length;
  const end = endAt < from.length - 1 ? from[endAt]! : source.length;
  return source.slice(from[at], end).replace(/\s+/g, ' ').trim() || wanted;
}

function textBetween(start: [Node, number] | null, end: [Node, number] | null): string {
  const range = document.createRange();
  range.selectNodeContents(document.body);
  if (start) range.setStart(...start);
  if (end) range.setEnd(...end);
  return range.toString();
}

/** The fragment for `range` (left untouched), or null when the page gives none: not unique, too slow, an editable. */
export function fragmentOfRange(range: Range): TextFragmentSelector | null {
  const copy = range.cloneRange();
  try {
    if (!isValidRangeForFragmentGeneration(copy)) return null;
    // The generator grows `copy` to whole words: its text is what textStart and textEnd were made from.
    const result = generateFragmentFromRange(copy);
    if (result.status !== GenerateFragmentStatus.SUCCESS || !result.fragment?.textStart) return null;
    const passage = copy.toString();
    const before = textBetween(null, [copy.startContainer, copy.startOffset]).slice(-AROUND);
    const after = textBetween([copy.endContainer, copy.endOffset], null).slice(0, AROUND);
    const textStart = asWritten(result.fragment.textStart, passage, false);
    const textEnd = result.fragment.textEnd && asWritten(result.fragment.textEnd, passage, true);
    const prefix = result.fragment.prefix && asWritten(result.fragment.prefix, before, true);
    const suffix = result.fragment.suffix && asWritten(result.fragment.suffix, after, false);
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
