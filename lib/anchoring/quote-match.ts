/**
 * Finds a stored quote in a text: the pure, DOM-free heart of anchoring.
 * Order: position check, exact search (raw, then with collapsed whitespace)
 * disambiguated by context and position, then bounded fuzzy search near the
 * stored position before the whole text. Doubtful matches are refused: an
 * orphan is better than a highlight on the wrong words.
 */
import search from 'approx-string-match';
import { collapseString, collapsedOffsetOf, collapseWhitespace, rawRangeOf, type CollapsedText } from './normalize-text';

export interface QuoteTarget {
  exact: string;
  prefix: string;
  suffix: string;
  /** Where the quote started when it was saved (same text coordinates), if known. */
  start?: number | null;
}

export interface TextMatch {
  start: number;
  end: number;
  /** 1 for an exact match; the weighted quote/context/position similarity otherwise. */
  score: number;
  kind: 'exact' | 'fuzzy';
}

export interface MatchOptions {
  /** Fuzzy matches must have at least this similarity with the quote (1 - errors / length). */
  minQuoteSimilarity?: number;
  /** Quotes shorter than this also need their context to agree (short quotes recur everywhere). */
  shortQuoteLength?: number;
  /** Turn fuzzy matching off (exact-only mode, for comparison). */
  fuzzy?: boolean;
}

const DEFAULTS: Required<MatchOptions> = { minQuoteSimilarity: 0.75, shortQuoteLength: 24, fuzzy: true };
const MAX_EXACT_CANDIDATES = 500;
const MAX_FUZZY_CANDIDATES = 40;
const MAX_ERRORS = 256;
const MIN_CONTEXT_FOR_SHORT = 0.5;
const MIN_CONTEXT_FOR_EXACT_SHORT = 0.3;

/** A text with its collapsed-whitespace view built on first use. */
export class SearchableText {
  private collapsedView: CollapsedText | null = null;
  constructor(readonly text: string) {}
  get collapsed(): CollapsedText {
    this.collapsedView ??= collapseWhitespace(this.text);
    return this.collapsedView;
  }
}

/** Similarity of two short strings that should be equal: 1 - edit distance / length. */
export function similarity(expected: string, actual: string): number {
  if (!expected) return 1;
  if (!actual) return 0;
  if (expected === actual) return 1;
  const matches = search(actual, expected, expected.length);
  const errors = matches.length ? Math.min(...matches.map((m) => m.errors)) : expected.length;
  return Math.max(0, 1 - errors / expected.length);
}

function contextAgreement(text: string, start: number, end: number, prefix: string, suffix: string) {
  const before = similarity(prefix, text.slice(Math.max(0, start - prefix.length), start));
  const after = similarity(suffix, text.slice(end, end + suffix.length));
  return { before, after, mean: (before + after) / 2 };
}

/** Context that matches character for character, from the quote outwards: cheap, for exact candidates. */
function sharedContext(text: string, start: number, end: number, prefix: string, suffix: string): number {
  let before = 0;
  while (before < prefix.length && start - before - 1 >= 0 && text[start - before - 1] === prefix[prefix.length - before - 1]) before++;
  let after = 0;
  while (after < suffix.length && text[end + after] === suffix[after]) after++;
  const beforeScore = prefix.length ? before / prefix.length : start === 0 ? 1 : 0.5;
  const afterScore = suffix.length ? after / suffix.length : end === text.length ? 1 : 0.5;
  return (beforeScore + afterScore) / 2;
}

function exactSearch(text: string, exact: string, prefix: string, suffix: string, expected: number | null, isShort: boolean) {
  let best: { start: number; score: number; context: number } | null = null;
  let found = 0;
  for (let at = text.indexOf(exact); at !== -1 && found < MAX_EXACT_CANDIDATES; at = text.indexOf(exact, at + 1)) {
    found++;
    const context = sharedContext(text, at, at + exact.length, prefix, suffix);
    const nearness = expected === null ? 0 : 1 - Math.min(1, Math.abs(at - expected) / Math.max(1, text.length));
    const score = context * 10 + nearness;
    if (!best || score > best.score) best = { start: at, score, context };
  }
  if (!best) return null;
  // A short phrase that recurs, found with none of its old context, is a guess.
  if (isShort && best.context < MIN_CONTEXT_FOR_EXACT_SHORT) return null;
  return best.start;
}

function fuzzyCandidates(text: string, quote: string, expected: number | null, maxErrors: number) {
  if (expected !== null) {
    const margin = Math.max(2000, quote.length * 3);
    const from = Math.max(0, expected - margin);
    const to = Math.min(text.length, expected + quote.length + margin);
    const near = search(text.slice(from, to), quote, maxErrors).map((m) => ({ ...m, start: m.start + from, end: m.end + from }));
    // Good enough nearby: skip the whole-text search, which costs far more.
    if (near.length && near[0]!.errors <= maxErrors / 2) return near;
    const everywhere = search(text, quote, maxErrors);
    return near.concat(everywhere);
  }
  return search(text, quote, maxErrors);
}

function fuzzySearch(source: SearchableText, target: QuoteTarget, options: Required<MatchOptions>): TextMatch | null {
  const collapsed = source.collapsed;
  const text = collapsed.text;
  const quote = collapseString(target.exact);
  const prefix = collapseString(target.prefix);
  const suffix = collapseString(target.suffix);
  if (!quote.trim()) return null;
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.length * (1 - options.minQuoteSimilarity)));
  if (maxErrors < 1) return null;
  const expected = typeof target.start === 'number' ? collapsedOffsetOf(collapsed, target.start) : null;
  const candidates = fuzzyCandidates(text, quote, expected, maxErrors)
    .sort((a, b) => a.errors - b.errors)
    .slice(0, MAX_FUZZY_CANDIDATES);
  let best: (TextMatch & { context: number }) | null = null;
  for (const candidate of candidates) {
    const quoteSimilarity = 1 - candidate.errors / quote.length;
    if (quoteSimilarity < options.minQuoteSimilarity) continue;
    const context = contextAgreement(text, candidate.start, candidate.end, prefix, suffix);
    const nearness = expected === null ? 0.5 : 1 - Math.min(1, Math.abs(candidate.start - expected) / Math.max(1, text.length));
    // Weights as in the Hypothesis client: the quote counts most, then each side's context.
    const score = (50 * quoteSimilarity + 20 * context.before + 20 * context.after + 2 * nearness) / 92;
    if (!best || score > best.score) best = { start: candidate.start, end: candidate.end, score, kind: 'fuzzy', context: context.mean };
  }
  if (!best) return null;
  if (quote.length < options.shortQuoteLength && best.context < MIN_CONTEXT_FOR_SHORT) return null;
  const raw = rawRangeOf(collapsed, best.start, best.end);
  const same = source.text.slice(raw.start, raw.end) === target.exact;
  return { start: raw.start, end: raw.end, score: same ? 1 : best.score, kind: same ? 'exact' : 'fuzzy' };
}

/** Locates `target` in `source`, or null when no match is trustworthy. */
export function matchQuote(source: SearchableText | string, target: QuoteTarget, options: MatchOptions = {}): TextMatch | null {
  const settings = { ...DEFAULTS, ...options };
  const searchable = typeof source === 'string' ? new SearchableText(source) : source;
  const text = searchable.text;
  const { exact, prefix, suffix } = target;
  if (!exact) return null;
  const expected = typeof target.start === 'number' && target.start >= 0 ? target.start : null;

  if (expected !== null && text.startsWith(exact, expected)) {
    return { start: expected, end: expected + exact.length, score: 1, kind: 'exact' };
  }
  const isShort = exact.length < settings.shortQuoteLength;
  const rawStart = exactSearch(text, exact, prefix, suffix, expected, isShort);
  if (rawStart !== null) return { start: rawStart, end: rawStart + exact.length, score: 1, kind: 'exact' };

  const collapsed = searchable.collapsed;
  const quote = collapseString(exact);
  const collapsedExpected = expected === null ? null : collapsedOffsetOf(collapsed, expected);
  const collapsedStart = exactSearch(collapsed.text, quote, collapseString(prefix), collapseString(suffix), collapsedExpected, isShort);
  if (collapsedStart !== null) {
    const raw = rawRangeOf(collapsed, collapsedStart, collapsedStart + quote.length);
    return { ...raw, score: 1, kind: 'exact' };
  }
  return settings.fuzzy ? fuzzySearch(searchable, target, settings) : null;
}
