/**
 * Builds `#:~:text=` fragment URLs (WICG Scroll-To-Text-Fragment) that scroll
 * to a highlight. The spec matches terms at word boundaries, so long quotes
 * are cut at spaces or punctuation, never inside a word.
 */
import type { TextQuoteSelector } from '../db/types';

/** Percent-encodes a term: everything but unreserved characters, and `-`, `&`, `,` which the directive reserves. */
export function encodeFragmentTerm(term: string): string {
  return encodeURIComponent(term).replace(/[-!'()*~]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

const MAX_WHOLE_QUOTE = 120;
const EDGE_WORDS = 5;
const CONTEXT_WORDS = 3;
// Where a term may begin or end: whitespace and CJK/Latin punctuation are word boundaries in every script.
const BOUNDARY = /[\s\p{P}]/u;

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function hasSpaces(text: string): boolean {
  return / /.test(text);
}

/** Words of the edge of a text: leading (from the start) or trailing. */
function edgeWords(text: string, count: number, fromEnd: boolean): string {
  const words = text.split(' ').filter(Boolean);
  return (fromEnd ? words.slice(-count) : words.slice(0, count)).join(' ');
}

/** For text without spaces (Chinese, Japanese), cut at the punctuation nearest to `length` characters. */
function edgeAtPunctuation(text: string, length: number, fromEnd: boolean): string | null {
  const chars = [...text];
  if (fromEnd) {
    for (let i = chars.length - length; i > 0; i--) if (BOUNDARY.test(chars[i - 1]!)) return chars.slice(i).join('');
  } else {
    for (let i = length; i < chars.length; i++) if (BOUNDARY.test(chars[i]!)) return chars.slice(0, i + 1).join('');
  }
  return null;
}

function startEnd(quote: string): [string, string | null] {
  if ([...quote].length <= MAX_WHOLE_QUOTE) return [quote, null];
  if (hasSpaces(quote)) {
    const start = edgeWords(quote, EDGE_WORDS, false);
    const end = edgeWords(quote, EDGE_WORDS, true);
    return start.length + end.length < quote.length ? [start, end] : [quote, null];
  }
  const start = edgeAtPunctuation(quote, 20, false);
  const end = edgeAtPunctuation(quote, 20, true);
  if (start && end && start.length + end.length < quote.length) return [start, end];
  return [quote, null];
}

/** Context next to the quote, only when it can be cut at a boundary. */
function context(text: string, before: boolean): string | null {
  const clean = normalizeSpace(text);
  if (!clean) return null;
  if (hasSpaces(clean)) return edgeWords(clean, CONTEXT_WORDS, before) || null;
  const chars = [...clean];
  if (chars.length <= 12) return clean;
  const cut = edgeAtPunctuation(clean, 1, before);
  return cut && [...cut].length <= 30 ? cut : null;
}

/** The fragment directive (`:~:text=…`) for a quote, with prefix/suffix to tell repeated passages apart. */
export function textFragmentDirective(selector: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): string | null {
  const quote = normalizeSpace(selector.exact);
  if (!quote) return null;
  const [start, end] = startEnd(quote);
  const prefix = context(selector.prefix, true);
  const suffix = context(selector.suffix, false);
  const parts = [
    prefix ? `${encodeFragmentTerm(prefix)}-` : null,
    encodeFragmentTerm(start),
    end ? encodeFragmentTerm(end) : null,
    suffix ? `-${encodeFragmentTerm(suffix)}` : null,
  ].filter((part): part is string => part !== null);
  return `:~:text=${parts.join(',')}`;
}

/** The article's URL with a text fragment that scrolls to the quote (any existing fragment replaced). */
export function textFragmentUrl(url: string, selector: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): string {
  const base = url.replace(/#.*$/s, '');
  const directive = textFragmentDirective(selector);
  return directive ? `${base}#${directive}` : base;
}
