/**
 * Deep links to a passage with a text fragment (`#:~:text=`), built from the
 * stored quote and its context, following the WICG Scroll-to-Text spec.
 */
import type { TextQuoteSelector } from '@/lib/db/types';

/** Quotes up to this length go whole; longer ones as textStart,textEnd. */
const MAX_WHOLE_QUOTE = 120;
const EDGE_WORDS = 4;
const EDGE_CJK_CHARS = 12;
const CONTEXT_WORDS = 3;
const CONTEXT_CJK_CHARS = 8;

/** Percent-encodes a directive term; `-`, `&` and `,` are syntax in a text directive. */
export function encodeTextDirectiveTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

const hasSpaces = (text: string) => /\s/.test(text.trim());

function firstWords(text: string, count: number, cjkChars: number): string {
  const trimmed = text.trim();
  if (!hasSpaces(trimmed)) return [...trimmed].slice(0, cjkChars).join('');
  return trimmed.split(/\s+/).slice(0, count).join(' ');
}

function lastWords(text: string, count: number, cjkChars: number): string {
  const trimmed = text.trim();
  if (!hasSpaces(trimmed)) return [...trimmed].slice(-cjkChars).join('');
  return trimmed.split(/\s+/).slice(-count).join(' ');
}

/** Prefix/suffix terms: whole words only (the stored context may start or end mid-word). */
function contextTerm(context: string, side: 'prefix' | 'suffix'): string {
  const collapsed = context.replace(/\s+/g, ' ');
  if (!collapsed.trim()) return '';
  if (!hasSpaces(collapsed)) {
    return side === 'prefix' ? lastWords(collapsed, 0, CONTEXT_CJK_CHARS) : firstWords(collapsed, 0, CONTEXT_CJK_CHARS);
  }
  // The word touching the quote counts only if a space separates it from the quote; the far edge may be cut.
  if (side === 'prefix') {
    if (!/\s$/.test(collapsed)) return '';
    const words = collapsed.trim().split(' ').slice(1);
    return words.slice(-CONTEXT_WORDS).join(' ');
  }
  if (!/^\s/.test(collapsed)) return '';
  const words = collapsed.trim().split(' ').slice(0, -1);
  return words.slice(0, CONTEXT_WORDS).join(' ');
}

/** The `text=` directive value for a quote (without `#:~:`). */
export function textDirective(quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): string {
  const exact = quote.exact.replace(/\s+/g, ' ').trim();
  const parts: string[] = [];
  const prefix = contextTerm(quote.prefix ?? '', 'prefix');
  if (prefix) parts.push(`${encodeTextDirectiveTerm(prefix)}-`);
  if ([...exact].length <= MAX_WHOLE_QUOTE) {
    parts.push(encodeTextDirectiveTerm(exact));
  } else {
    parts.push(encodeTextDirectiveTerm(firstWords(exact, EDGE_WORDS, EDGE_CJK_CHARS)));
    parts.push(encodeTextDirectiveTerm(lastWords(exact, EDGE_WORDS, EDGE_CJK_CHARS)));
  }
  const suffix = contextTerm(quote.suffix ?? '', 'suffix');
  if (suffix) parts.push(`-${encodeTextDirectiveTerm(suffix)}`);
  return parts.join(',');
}

/** `url` with a text fragment pointing at the quote; any earlier fragment directive is replaced. */
export function textFragmentUrl(url: string, quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): string {
  const hashAt = url.indexOf('#');
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : url.slice(hashAt + 1).split(':~:')[0]!;
  return `${base}#${fragment}:~:text=${textDirective(quote)}`;
}
