/**
 * The text fragment for a passage on the live page, made when the highlight is created. The stored
 * quote's context is 32 characters of `textContent`, which knows nothing of layout, so the fragment
 * is made here from the page as the browser renders it (rendered-text.ts).
 *
 * text-fragments-polyfill's own generator is not used for the terms: it finds blocks by tag name
 * (a `display: block` span or a floated label is glued to the next word), takes context from
 * `<noscript>` text and hands terms back folded (`März` → `marz`), and Chromium then finds nothing.
 * What it is used for: growing the passage to whole words, and its matcher, which must find each
 * candidate exactly once, on the passage, before it is kept. Candidates go from short to long, as
 * Chromium's own generator does: the passage alone, then its first and last words, then context.
 */
import { forTesting as generation, isValidRangeForFragmentGeneration } from 'text-fragments-polyfill/dist/fragment-generation-utils.js';
import { processTextFragmentDirective } from 'text-fragments-polyfill/text-fragment-utils';
import type { TextFragmentSelector } from '@/lib/model/records';
import { BOUNDARY, renderedTextAround, type RenderedText } from './rendered-text';
import { segment } from './text-fragment';

type Fragment = Omit<TextFragmentSelector, 'type'>;
type Span = [start: number, end: number];

/** Rendered text read on each side of the passage for context. */
const AROUND = 300;
/** A passage up to this long is linked whole (Chromium's generator: 300). */
const MAX_WHOLE = 300;
/** Words in textStart / textEnd, and in the prefix / suffix, tried in turn. */
const EDGE_WORDS = [3, 5, 8];
const CONTEXT_WORDS = [0, 1, 2, 3, 5];
/** Candidates checked by the polyfill's matcher at most (each check walks the document). */
const MAX_CHECKS = 40;
/** Between a prefix and the passage, or the passage and a suffix, Chromium skips only these. */
const GAP = new RegExp(`^[ \\u00a0${BOUNDARY}]*$`);

/** The word-like segments of `text` as [start, end). */
function wordSpans(text: string): Span[] {
  const spans: Span[] = [];
  let at = 0;
  for (const piece of segment(text)) {
    if (piece.wordLike) spans.push([at, at + piece.text.length]);
    at += piece.text.length;
  }
  return spans;
}

/** The pieces of [from, to) between block boundaries that hold a word, trimmed of whitespace. */
function pieces(text: string, from: number, to: number): Span[] {
  const found: Span[] = [];
  let at = from;
  for (const part of text.slice(from, to).split(BOUNDARY)) {
    const lead = part.length - part.trimStart().length;
    const trimmed = part.trim();
    if (/[\p{L}\p{N}]/u.test(trimmed)) found.push([at + lead, at + lead + trimmed.length]);
    at += part.length + 1;
  }
  return found;
}

interface Terms {
  textStart: Span;
  textEnd?: Span;
}

/** textStart alone, then textStart,textEnd with more and more edge words. */
function shapes(text: string, words: Span[], passage: Span[]): Terms[] {
  const first = passage[0]!;
  const last = passage[passage.length - 1]!;
  const within = (piece: Span) => words.filter(([s, e]) => s >= piece[0] && e <= piece[1]);
  const found = new Map<string, Terms>();
  if (passage.length === 1 && first[1] - first[0] <= MAX_WHOLE) found.set('whole', { textStart: first });
  const firstWords = within(first);
  const lastWords = within(last);
  for (const n of EDGE_WORDS) {
    if (!firstWords.length || !lastWords.length || (passage.length === 1 && firstWords.length < 2 * n)) break;
    const startEnd = firstWords[Math.min(n, firstWords.length) - 1]![1];
    const endStart = lastWords[Math.max(0, lastWords.length - n)]![0];
    found.set(`${startEnd}:${endStart}`, { textStart: [first[0], startEnd], textEnd: [endStart, last[1]] });
  }
  if (!found.size) found.set('whole', { textStart: first });
  return [...found.values()];
}

/** Where the text next to `edge` (before it, or after it) stops being plain spaces and block breaks. */
function pastGap(text: string, edge: number, before: boolean): number {
  let at = edge;
  if (before) while (at > 0 && GAP.test(text[at - 1]!)) at--;
  else while (at < text.length && GAP.test(text[at]!)) at++;
  return at;
}

/** `n` words of context ending at the passage (`before`) or starting after it, within one block; null if none can be. */
function context(text: string, words: Span[], edge: number, n: number, before: boolean): Span | null {
  const at = pastGap(text, edge, before);
  const next = before ? text[at - 1] : text[at];
  if (next === undefined || /\s/.test(next)) return null;
  let blockEdge = before ? text.lastIndexOf(BOUNDARY, at - 1) + 1 : text.indexOf(BOUNDARY, at);
  if (blockEdge === -1) blockEdge = text.length;
  const inBlock = words.filter(([s, e]) => (before ? s >= blockEdge && e <= at : s >= at && e <= blockEdge));
  if (!inBlock.length) return null;
  const taken = before ? inBlock.slice(-n) : inBlock.slice(0, n);
  return before ? [taken[0]![0], at] : [at, taken[taken.length - 1]![1]];
}

const termOf = (text: string, [s, e]: Span) => text.slice(s, e).replace(/\u00a0/g, ' ');

/** True when the polyfill's matcher finds `fragment` once, inside `passage`. */
function findsOnly(fragment: Fragment, passage: Range): boolean {
  const matches = processTextFragmentDirective(fragment, passage.startContainer.ownerDocument ?? document) as Range[];
  const [match] = matches;
  return matches.length === 1 &&
    match!.compareBoundaryPoints(Range.START_TO_START, passage) >= 0 && match!.compareBoundaryPoints(Range.END_TO_END, passage) <= 0;
}

const fold = (text: string) => text.replace(/\u00a0/g, ' ').toLowerCase();

/** Every place `term` starts in `body` (plain substrings: more than the matcher, which wants whole words). */
function placesOf(body: string, term: string): number[] {
  const found: number[] = [];
  for (let at = body.indexOf(term); at !== -1; at = body.indexOf(term, at + 1)) found.push(at);
  return found;
}

/** Whether `term` ends where `at` starts in `body`, or starts at `at`, with only spaces and block breaks between. */
function touches(body: string, at: number, term: string, before: boolean): boolean {
  const edge = pastGap(body, at, before);
  return before ? edge >= term.length && body.startsWith(term, edge - term.length) : body.startsWith(term, edge);
}

/**
 * When the polyfill's matcher finds nothing or too much (it takes a zero-height box with hidden
 * overflow for hidden text, and reads hidden copies of an article), the fragment is matched on the
 * whole body's rendered text instead, folded as the matcher folds case: it must have one match,
 * the passage. Substrings stand for words and any later textEnd counts, so this finds more
 * matches than a browser does, never fewer.
 */
function uniqueOnPage(page: RenderedText, body: string, fragment: Fragment): boolean {
  const textStart = fold(fragment.textStart);
  const [textEnd, prefix, suffix] = [fragment.textEnd, fragment.prefix, fragment.suffix].map((t) => (t ? fold(t) : undefined));
  const endsAt = textEnd ? placesOf(body, textEnd).map((e) => e + textEnd.length) : [];
  let only: Span | null = null;
  for (const start of placesOf(body, textStart)) {
    if (prefix && !touches(body, start, prefix, true)) continue;
    const after = start + textStart.length;
    const ends = textEnd ? endsAt.filter((e) => e - textEnd.length >= after) : [after];
    const end = ends.find((e) => !suffix || touches(body, e, suffix, false));
    if (end === undefined) continue;
    if (only) return false;
    only = [start, end];
  }
  return only !== null && only[0] >= page.start && only[0] < page.end && only[1] <= page.end;
}

/** The candidate fragments, shortest first: each shape, then with 1–5 words of context on both sides and on each. */
function* candidates(text: string, words: Span[], passage: Span[]): Generator<Fragment> {
  const seen = new Set<string>();
  for (const terms of shapes(text, words, passage)) {
    const last = terms.textEnd ?? terms.textStart;
    for (const n of CONTEXT_WORDS) {
      const prefix = n ? context(text, words, terms.textStart[0], n, true) : null;
      const suffix = n ? context(text, words, last[1], n, false) : null;
      if (n && !prefix && !suffix) break;
      // Both sides, then each alone: one side's context can be out of the matcher's reach (an image's
      // `<noscript>` copy between it and the passage) while the other side tells the copies apart.
      const sides: [Span | null, Span | null][] = prefix && suffix ? [[prefix, suffix], [null, suffix], [prefix, null]] : [[prefix, suffix]];
      for (const [before, after] of sides) {
        const key = `${terms.textStart}:${terms.textEnd}:${before}:${after}`;
        if (seen.has(key)) continue;
        seen.add(key);
        yield {
          textStart: termOf(text, terms.textStart),
          ...(terms.textEnd ? { textEnd: termOf(text, terms.textEnd) } : {}),
          ...(before ? { prefix: termOf(text, before) } : {}),
          ...(after ? { suffix: termOf(text, after) } : {}),
        };
      }
    }
  }
}

/**
 * A copy of `range` with its edges on text, grown to whole words by the polyfill. Its notion of
 * hidden text is not the browser's (it reads `opacity: 0.9` as 0) and it collapses a range of
 * text it deems hidden: that range is kept as selected.
 */
function toTextNodes(range: Range): Range {
  const copy = range.cloneRange();
  generation.moveRangeEdgesToTextNodes(copy);
  if (copy.collapsed) return range.cloneRange();
  generation.expandRangeStartToWordBound(copy);
  generation.expandRangeEndToWordBound(copy);
  return copy;
}

/** The fragment for `range` (left untouched), or null when the page gives none: not unique, not text, an editable. */
export function fragmentOfRange(range: Range): TextFragmentSelector | null {
  try {
    if (!isValidRangeForFragmentGeneration(range)) return null;
    const copy = toTextNodes(range);
    const { text, start, end } = renderedTextAround(copy, AROUND);
    const words = wordSpans(text);
    // Whole words: the polyfill grows the range to them, but not a range it left as selected.
    const from = words.find(([s, e]) => s < start && start < e)?.[0] ?? start;
    const to = words.find(([s, e]) => s < end && end < e)?.[1] ?? end;
    const passage = pieces(text, from, to);
    if (!passage.length) return null;
    const tried = [...candidates(text, words, passage)];
    for (const fragment of tried.slice(0, MAX_CHECKS)) if (findsOnly(fragment, copy)) return { type: 'TextFragmentSelector', ...fragment };
    // The whole body, rendered once: only passages the polyfill could not place get this far.
    const page = renderedTextAround(copy, Number.MAX_SAFE_INTEGER);
    const body = fold(page.text);
    const fallback = tried.find((fragment) => uniqueOnPage(page, body, fragment));
    if (fallback) return { type: 'TextFragmentSelector', ...fallback };
    return null;
  } catch (error) {
    // A hostile page can break the DOM walks; the link then falls back to the quote.
    console.debug('Gloss: no text fragment for this passage', error);
    return null;
  }
}
