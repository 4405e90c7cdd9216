/**
 * Deep links to a passage with a text fragment (`#:~:text=`), following the
 * WICG Scroll-to-Text spec. A highlight made on the live page stores the
 * fragment the page gave (`fragment-of-range.ts`: block-aware and unique);
 * older ones are linked from the stored quote and its context. Browsers only
 * match text fragments on word boundaries, so a quote that starts or ends
 * inside a word links to the whole words around it.
 */
import type { TextFragmentSelector, TextQuoteSelector } from '@/lib/model/records';

type Quote = Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>;
type Fragment = Omit<TextFragmentSelector, 'type'>;

/** Quotes up to this many characters go whole; longer ones as textStart,textEnd. */
const MAX_WHOLE_QUOTE = 120;
/** Words in textStart / textEnd and in the prefix / suffix terms (CJK "words" are short: take more). */
const EDGE_WORDS = { spaced: 4, unspaced: 6 };
const CONTEXT_WORDS = { spaced: 3, unspaced: 4 };

interface Segment {
  text: string;
  wordLike: boolean;
}

/** Percent-encodes a directive term; `-`, `&` and `,` are syntax in a text directive. */
export function encodeTextDirectiveTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

/** Word and non-word segments of `text`: Intl.Segmenter (CJK by dictionary words), else letters and digits. */
export function segment(text: string): Segment[] {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (Segmenter) {
    return [...new Segmenter(undefined, { granularity: 'word' }).segment(text)].map((s) => ({ text: s.segment, wordLike: Boolean(s.isWordLike) }));
  }
  return (text.match(/[\p{L}\p{N}_]+|[^\p{L}\p{N}_]+/gu) ?? []).map((s) => ({ text: s, wordLike: /[\p{L}\p{N}]/u.test(s) }));
}

/** Grows [start, end) of `text` to whole word segments. */
function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  let at = 0;
  for (const piece of segment(text)) {
    const pieceEnd = at + piece.text.length;
    if (at < start && start < pieceEnd) start = at;
    if (at < end && end < pieceEnd) end = pieceEnd;
    at = pieceEnd;
  }
  return { start, end };
}

const isSpaced = (text: string) => /\s/.test(text.trim());

/** The first (or last) `count` words of `text`, whole segments, trimmed. */
function edgeWords(text: string, count: number, fromEnd: boolean): string {
  const pieces = segment(text);
  if (fromEnd) pieces.reverse();
  const taken: string[] = [];
  let words = 0;
  for (const piece of pieces) {
    taken.push(piece.text);
    if (piece.wordLike && ++words >= count) break;
  }
  if (fromEnd) taken.reverse();
  return taken.join('').replace(/\s+/g, ' ').trim();
}

/**
 * The quote's text is `textContent`, where a block ends without a mark when the
 * HTML has no whitespace between tags (`…2019</blockquote><p>The…` reads
 * `2019The`). In the context and at the quote's edges, a capital letter straight
 * after a lower-case letter, a digit or closing punctuation is taken for such a
 * boundary (a wrong guess only shortens the context); inside the quote only
 * after a digit or punctuation, so `YouTube` stays one word. `\n` is one already.
 */
const GLUED = /(?<=[\p{Ll}\p{N}.!?:;”’)\]])(?=\p{Lu})/gu;
const GLUED_IN_QUOTE = /(?<=[\p{N}.!?:;”’)\]])(?=\p{Lu})/gu;
const gluedAt = (before: string, after: string) => new RegExp(GLUED.source, 'u').test(before + after);

function markBoundaries(quote: Quote): Quote {
  const mark = (text: string) => text.replace(GLUED, '\n');
  const prefix = mark(quote.prefix ?? '');
  const exact = quote.exact.replace(GLUED_IN_QUOTE, '\n');
  const suffix = mark(quote.suffix ?? '');
  return {
    prefix: gluedAt(prefix.slice(-1), exact.slice(0, 1)) ? `${prefix}\n` : prefix,
    exact,
    suffix: gluedAt(exact.slice(-1), suffix.slice(0, 1)) ? `\n${suffix}` : suffix,
  };
}

/** Snaps the quote to whole words; the context loses its outer segment, which the 32-character window may have cut. */
function wordAligned(stored: Quote): { prefix: string; exact: string; suffix: string } {
  const quote = markBoundaries(stored);
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const whole = prefix + quote.exact + suffix;
  const { start, end } = snapToWords(whole, prefix.length, prefix.length + quote.exact.length);
  const before = segment(whole.slice(0, start));
  const after = segment(whole.slice(end));
  if (before.length > 1 && (stored.prefix ?? '').length >= 32) before.shift();
  if (after.length > 1 && (stored.suffix ?? '').length >= 32) after.pop();
  return {
    prefix: before.map((s) => s.text).join(''),
    exact: whole.slice(start, end),
    suffix: after.map((s) => s.text).join(''),
  };
}

/** The `text=` directive value for a stored fragment (without `#:~:`). */
export function fragmentDirective(fragment: Fragment): string {
  const parts = [encodeTextDirectiveTerm(fragment.textStart)];
  if (fragment.prefix) parts.unshift(`${encodeTextDirectiveTerm(fragment.prefix)}-`);
  if (fragment.textEnd) parts.push(encodeTextDirectiveTerm(fragment.textEnd));
  if (fragment.suffix) parts.push(`-${encodeTextDirectiveTerm(fragment.suffix)}`);
  return parts.join(',');
}

/** The `text=` directive value for a quote (without `#:~:`). */
export function textDirective(quote: Quote): string {
  const aligned = wordAligned(quote);
  // A line break in textContent is usually a block boundary, which no term may cross.
  aligned.prefix = aligned.prefix.slice(aligned.prefix.lastIndexOf('\n') + 1);
  const suffixBreak = aligned.suffix.indexOf('\n');
  if (suffixBreak !== -1) aligned.suffix = aligned.suffix.slice(0, suffixBreak);
  const crossesBlocks = aligned.exact.trim().includes('\n');
  const exact = aligned.exact.replace(/\s+/g, ' ').trim();
  const kind = isSpaced(exact) || isSpaced(aligned.prefix + aligned.suffix) ? 'spaced' : 'unspaced';
  const parts: string[] = [];
  const prefix = edgeWords(aligned.prefix, CONTEXT_WORDS[kind], true);
  if (prefix) parts.push(`${encodeTextDirectiveTerm(prefix)}-`);
  if ([...exact].length <= MAX_WHOLE_QUOTE && !crossesBlocks) {
    parts.push(encodeTextDirectiveTerm(exact));
  } else {
    const lines = aligned.exact.trim().split('\n');
    parts.push(encodeTextDirectiveTerm(edgeWords(lines[0]!, EDGE_WORDS[kind], false)));
    parts.push(encodeTextDirectiveTerm(edgeWords(lines[lines.length - 1]!, EDGE_WORDS[kind], true)));
  }
  const suffix = edgeWords(aligned.suffix, CONTEXT_WORDS[kind], false);
  if (suffix) parts.push(`-${encodeTextDirectiveTerm(suffix)}`);
  return parts.join(',');
}

/**
 * `url` with a text fragment pointing at the passage: the stored fragment when
 * there is one, else one built from the quote. Any earlier fragment directive is replaced.
 */
export function textFragmentUrl(url: string, quote: Quote, stored?: Fragment | null): string {
  const hashAt = url.indexOf('#');
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : url.slice(hashAt + 1).split(':~:')[0]!;
  const directive = stored?.textStart ? fragmentDirective(stored) : textDirective(quote);
  return `${base}#${fragment}:~:text=${directive}`;
}
