/**
 * Finds a stored quote in a text: the pure, DOM-free heart of anchoring.
 * Order: position check, exact search (raw, then with collapsed whitespace)
 * ranked by context and position, then bounded fuzzy search near the stored
 * position before the whole text. Away from the stored position nothing is
 * trusted on resemblance alone: the surrounding text must vouch for it
 * (fuzzy-trust.ts) and no other place may fit about as well.
 * Doubtful matches are refused: an orphan is better than a highlight on the
 * wrong words.
 */
import search from 'approx-string-match';
import { contextAround, contextClosedUp, contextVouches, differencesVouched, STRONG_CONTEXT, type ContextSides } from './fuzzy-trust';
import { collapseString, collapsedOffsetOf, collapseWhitespace, rawRangeOf, type CollapsedText } from './normalize-text';

export { similarity } from './fuzzy-trust';

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
/** A rival place scoring within this much of the best makes a fuzzy match a guess. */
const AMBIGUITY_MARGIN = 0.05;

/** A text with its collapsed-whitespace view built on first use. */
export class SearchableText {
  private collapsedView: CollapsedText | null = null;
  constructor(readonly text: string) {}
  get collapsed(): CollapsedText {
    this.collapsedView ??= collapseWhitespace(this.text);
    return this.collapsedView;
  }
}

/** Context that matches character for character, from the quote outwards: cheap, for exact candidates. */
function sharedContext(text: string, start: number, end: number, prefix: string, suffix: string): ContextSides {
  let before = 0;
  while (before < prefix.length && start - before - 1 >= 0 && text[start - before - 1] === prefix[prefix.length - before - 1]) before++;
  let after = 0;
  while (after < suffix.length && text[end + after] === suffix[after]) after++;
  return {
    before: prefix.length ? before / prefix.length : start === 0 ? 1 : 0.5,
    after: suffix.length ? after / suffix.length : end === text.length ? 1 : 0.5,
  };
}

/** The words touching [start, end) on each side are still the stored ones (a side at the text's edge counts as kept). */
function keepsNeighbourWords(text: string, start: number, end: number, prefix: string, suffix: string): boolean {
  const before = /\S*\s*$/.exec(prefix)![0];
  const after = /^\s*\S*/.exec(suffix)![0];
  return text.slice(start - before.length, start) === before && text.slice(end, end + after.length) === after;
}

/**
 * The best occurrence of `exact` by context, then nearness; null if none is trusted. Away from its stored
 * place the same words are the same passage only if the text on one side at least is still (nearly) the
 * same: templated pages repeat whole phrases in look-alike surroundings, and the highlighted one may be
 * gone or edited.
 */
function exactSearch(text: string, exact: string, prefix: string, suffix: string, expected: number | null, isShort: boolean) {
  let best: { start: number; score: number; shared: ContextSides } | null = null;
  let found = 0;
  for (let at = text.indexOf(exact); at !== -1 && found < MAX_EXACT_CANDIDATES; at = text.indexOf(exact, at + 1)) {
    found++;
    const shared = sharedContext(text, at, at + exact.length, prefix, suffix);
    const nearness = expected === null ? 0 : 1 - Math.min(1, Math.abs(at - expected) / Math.max(1, text.length));
    const score = (shared.before + shared.after) * 5 + nearness;
    if (!best || score > best.score) best = { start: at, score, shared };
  }
  if (!best) return null;
  const sides = contextAround(text, best.start, best.start + exact.length, prefix, suffix);
  // A long quote stored without any context (another tool's annotation) and found once is the passage itself: there
  // is nothing to check it against. With context stored, that context must still agree: a deleted passage's words
  // can recur in a neighbour of the same shape.
  const noContextStored = !prefix.trim() && !suffix.trim();
  const uniqueLong = noContextStored && found === 1 && !isShort;
  if (!uniqueLong && Math.max(sides.before, sides.after) < STRONG_CONTEXT) return null;
  // A short phrase recurs everywhere, often in look-alike surroundings: it must keep the words touching it.
  if (isShort && !keepsNeighbourWords(text, best.start, best.start + exact.length, prefix, suffix)) return null;
  return { start: best.start, sides };
}

/** The fuzzy search's window: near the stored position when it is known, else the whole text. */
function windowOf(text: string, quote: string, expected: number | null) {
  if (expected === null) return { from: 0, to: text.length };
  const margin = Math.max(2000, quote.length * 3);
  return { from: Math.max(0, expected - margin), to: Math.min(text.length, expected + quote.length + margin) };
}

function searchIn(text: string, from: number, to: number, quote: string, maxErrors: number) {
  return search(text.slice(from, to), quote, maxErrors).map((m) => ({ ...m, start: m.start + from, end: m.end + from }));
}

function fuzzyCandidates(text: string, quote: string, expected: number | null, maxErrors: number) {
  const { from, to } = windowOf(text, quote, expected);
  const near = searchIn(text, from, to, quote, maxErrors);
  // Good enough nearby (or nowhere else to look): skip the whole-text search, which costs far more.
  if ((near.length && near[0]!.errors <= maxErrors / 2) || (from === 0 && to === text.length)) return near;
  return near.concat(search(text, quote, maxErrors));
}

interface Scored {
  start: number;
  end: number;
  score: number;
  sides: ContextSides;
}

interface FuzzyTarget {
  quote: string;
  prefix: string;
  suffix: string;
  expected: number | null;
}

/** The best-scoring candidate; weights as in the Hypothesis client: the quote counts most, then each side's context. */
function bestOf(text: string, candidates: { start: number; end: number; errors: number }[], target: FuzzyTarget, minSimilarity: number) {
  let best: Scored | null = null;
  for (const candidate of candidates) {
    const quoteSimilarity = 1 - candidate.errors / target.quote.length;
    if (quoteSimilarity < minSimilarity) continue;
    const sides = contextAround(text, candidate.start, candidate.end, target.prefix, target.suffix);
    const nearness = target.expected === null ? 0.5 : 1 - Math.min(1, Math.abs(candidate.start - target.expected) / Math.max(1, text.length));
    const score = (50 * quoteSimilarity + 20 * sides.before + 20 * sides.after + 2 * nearness) / 92;
    if (!best || score > best.score) best = { start: candidate.start, end: candidate.end, score, sides };
  }
  return best;
}

/** Another place, not overlapping `best`, that fits about as well: the next-best matches once `best` is blanked out. */
function hasRival(text: string, best: Scored, target: FuzzyTarget, maxErrors: number, minSimilarity: number): boolean {
  const { from, to } = windowOf(text, target.quote, target.expected ?? best.start);
  const blanked = text.slice(0, best.start) + '\u0000'.repeat(best.end - best.start) + text.slice(best.end);
  const others = searchIn(blanked, from, to, target.quote, maxErrors)
    .filter((m) => Math.min(m.end, best.end) - Math.max(m.start, best.start) <= 0)
    .slice(0, MAX_FUZZY_CANDIDATES);
  const rival = bestOf(text, others, target, minSimilarity);
  return rival !== null && rival.score >= best.score - AMBIGUITY_MARGIN;
}

interface FuzzyMode {
  /** Exact occurrences exist and were not trusted alone: look past them for the edited passage. */
  blankExact: boolean;
  /** Only a match whose context agrees strongly on both sides will do. */
  bothSides: boolean;
}

function fuzzySearch(source: SearchableText, target: QuoteTarget, options: Required<MatchOptions>, { blankExact, bothSides }: FuzzyMode): TextMatch | null {
  const collapsed = source.collapsed;
  const quote = collapseString(target.exact);
  if (!quote.trim()) return null;
  const text = blankExact ? collapsed.text.replaceAll(quote, '\u0000'.repeat(quote.length)) : collapsed.text;
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.length * (1 - options.minQuoteSimilarity)));
  if (maxErrors < 1) return null;
  const expected = typeof target.start === 'number' ? collapsedOffsetOf(collapsed, target.start) : null;
  const fuzzyTarget: FuzzyTarget = { quote, prefix: collapseString(target.prefix), suffix: collapseString(target.suffix), expected };
  const candidates = fuzzyCandidates(text, quote, expected, maxErrors)
    .sort((a, b) => a.errors - b.errors)
    .slice(0, MAX_FUZZY_CANDIDATES);
  const best = bestOf(text, candidates, fuzzyTarget, options.minQuoteSimilarity);
  if (!best || !contextVouches(best.sides)) return null;
  if (bothSides && Math.min(best.sides.before, best.sides.after) < STRONG_CONTEXT) return null;
  if (quote.length < options.shortQuoteLength && (best.sides.before + best.sides.after) / 2 < MIN_CONTEXT_FOR_SHORT) return null;
  if (!differencesVouched(text, best.start, best.end, fuzzyTarget, best.sides)) return null;
  const { from, to } = windowOf(text, quote, expected ?? best.start);
  if (contextClosedUp(text, from, to, fuzzyTarget.prefix, fuzzyTarget.suffix, best.sides)) return null;
  if (hasRival(text, best, fuzzyTarget, maxErrors, options.minQuoteSimilarity)) return null;
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
  const raw = exactSearch(text, exact, prefix, suffix, expected, isShort);
  let found: TextMatch | null = null;
  let sides: ContextSides | null = null;
  if (raw) {
    found = { start: raw.start, end: raw.start + exact.length, score: 1, kind: 'exact' };
    sides = raw.sides;
  } else {
    const collapsed = searchable.collapsed;
    const quote = collapseString(exact);
    const collapsedExpected = expected === null ? null : collapsedOffsetOf(collapsed, expected);
    const inCollapsed = exactSearch(collapsed.text, quote, collapseString(prefix), collapseString(suffix), collapsedExpected, isShort);
    if (inCollapsed) {
      found = { ...rawRangeOf(collapsed, inCollapsed.start, inCollapsed.start + quote.length), score: 1, kind: 'exact' };
      sides = inCollapsed.sides;
    }
  }
  if (found && sides && Math.min(sides.before, sides.after) >= STRONG_CONTEXT) return found;
  if (!settings.fuzzy) return found;
  // Found with one side only, or not trusted: the highlighted passage may be there, edited, with all its context.
  const occurs = searchable.collapsed.text.includes(collapseString(exact));
  // Against a copy found with one side of context, an edited passage must have both.
  return fuzzySearch(searchable, target, settings, { blankExact: occurs, bothSides: found !== null }) ?? found;
}
