/**
 * When a fuzzy match may be trusted. Resembling the quote is not enough: pages
 * repeat shapes (log entries, list items, table rows, sentence templates), so a
 * deleted passage resembles its neighbours. The text around a candidate has to
 * vouch for it, and the more the candidate's facts (numbers, names) differ from
 * the quote's, the more closely that text must agree.
 */
import search from 'approx-string-match';

/** One side of context agreeing this well is strong evidence on its own. */
export const STRONG_CONTEXT = 0.8;
/** Both sides agreeing this well is evidence too. */
export const REASONABLE_CONTEXT = 0.5;
/** An empty stored side (the quote began or ended the text) says nothing unless the candidate is at that edge too. */
const NO_EVIDENCE = 0.5;
/** The stored prefix and suffix together must be this long (non-blank) to tell that they closed up. */
const MIN_JOIN_FOR_GAP = 20;
const GAP_ERROR_RATE = 0.05;
/** How far a word inserted or removed near the quote may shift its context (characters). */
const CONTEXT_SLACK = 12;
const GAP_MARGIN = 0.02;

/** Similarity of two short strings that should be equal: 1 - edit distance / length. */
export function similarity(expected: string, actual: string): number {
  if (!expected) return 1;
  if (!actual) return 0;
  if (expected === actual) return 1;
  const matches = search(actual, expected, expected.length);
  const errors = matches.length ? Math.min(...matches.map((m) => m.errors)) : expected.length;
  return Math.max(0, 1 - errors / expected.length);
}

export interface ContextSides {
  before: number;
  after: number;
}

/** How well the stored prefix and suffix agree with the text around [start, end). */
export function contextAround(text: string, start: number, end: number, prefix: string, suffix: string): ContextSides {
  const before = prefix ? similarity(prefix, text.slice(Math.max(0, start - prefix.length), start)) : start === 0 ? 1 : NO_EVIDENCE;
  const after = suffix ? similarity(suffix, text.slice(end, end + suffix.length)) : end === text.length ? 1 : NO_EVIDENCE;
  return { before, after };
}

/** The surrounding text vouches for a candidate: one side strongly, or both reasonably. */
export function contextVouches({ before, after }: ContextSides): boolean {
  return Math.max(before, after) >= STRONG_CONTEXT || Math.min(before, after) >= REASONABLE_CONTEXT;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[:.,'\u2019-][\p{L}\p{M}\p{N}]+)*/gu;
const SENTENCE_START = /(?:^|[.!?\u2026:;"\u201c\u201d(\n]\s*)$/u;

/**
 * Tokens that tell passages of the same shape apart: anything with a digit
 * (times, figures, dates) and capitalised words inside a sentence (names).
 */
function factsOf(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (/\p{N}/u.test(token)) out.push(token);
    else if (/^\p{Lu}/u.test(token) && !SENTENCE_START.test(text.slice(Math.max(0, match.index - 3), match.index))) out.push(token);
  }
  return out;
}

/** True if a number or name of `text` is missing from `other`. */
function factsMissing(text: string, other: string): boolean {
  const tokens = new Set(other.match(TOKEN) ?? []);
  return factsOf(text).some((t) => !tokens.has(t));
}

/** True if a number or name of one text is missing from the other. */
export function factsDiffer(stored: string, actual: string): boolean {
  return factsMissing(stored, actual) || factsMissing(actual, stored);
}

/** A word of the quote that is gone from the candidate with nothing like it left (not a typo fix, not a new ending). */
function wordReplaced(stored: string, actual: string): boolean {
  const actualTokens = [...new Set(actual.toLowerCase().match(TOKEN) ?? [])];
  return (stored.toLowerCase().match(TOKEN) ?? []).some(
    (word) => !actualTokens.includes(word) && !actualTokens.some((other) => similarity(word, other) >= 0.5 && Math.abs(word.length - other.length) <= 2),
  );
}

/** Context slices are cut mid-word at their outer edge: compare only whole words. */
function innerPrefix(s: string): string {
  const at = s.search(/\s/);
  return at === -1 ? '' : s.slice(at + 1);
}
function innerSuffix(s: string): string {
  const at = s.search(/\s\S*$/);
  return at === -1 ? '' : s.slice(0, at);
}

/**
 * A candidate whose words differ from the quote's in what tells passages apart
 * (a number, a name, a word gone with nothing like it left) is another entry of a log,
 * another row, or an edit: only close agreement on both sides, facts included,
 * tells an edit from a neighbour of the same shape. Typo fixes, changed
 * endings and reflowed text need only the usual context.
 */
export function differencesVouched(text: string, start: number, end: number, target: { quote: string; prefix: string; suffix: string }, sides: ContextSides): boolean {
  const found = text.slice(start, end);
  if (!factsDiffer(target.quote, found) && !wordReplaced(target.quote, found)) return true;
  if (Math.min(sides.before, sides.after) < STRONG_CONTEXT) return false;
  // A word inserted or removed near the quote shifts the context window: compare each side's facts
  // against a slightly wider view of the other, so a fact pushed past the edge is not a changed one.
  const { prefix, suffix } = target;
  const before = (extra: number) => text.slice(Math.max(0, start - prefix.length - extra), start);
  const after = (extra: number) => text.slice(end, end + Math.max(0, suffix.length + extra));
  return (
    !factsMissing(innerPrefix(prefix), before(CONTEXT_SLACK)) &&
    !factsMissing(innerPrefix(before(-CONTEXT_SLACK)), prefix) &&
    !factsMissing(innerSuffix(suffix), after(CONTEXT_SLACK)) &&
    !factsMissing(innerSuffix(after(-CONTEXT_SLACK)), suffix)
  );
}

/**
 * True if the stored prefix, directly followed by the stored suffix, fits
 * somewhere in text[from, to) better than the two fit around the candidate:
 * the passage that stood between them was removed, and the candidate is a
 * passage of the same shape next to the gap. (An edited passage in its own
 * place keeps its context on both sides, which no join beats.)
 */
export function contextClosedUp(text: string, from: number, to: number, prefix: string, suffix: string, sides: ContextSides): boolean {
  const join = /\s$/.test(prefix) || /^\s/.test(suffix) ? `${prefix.trimEnd()} ${suffix.trimStart()}` : prefix + suffix;
  if (join.replace(/\s/g, '').length < MIN_JOIN_FOR_GAP) return false;
  const matches = search(text.slice(from, to), join, Math.floor(join.length * GAP_ERROR_RATE));
  if (!matches.length) return false;
  const joinFit = 1 - matches[0]!.errors / join.length;
  // Weighted by length: an empty side (the quote began or ended the text) counts for nothing.
  const candidateFit = (sides.before * prefix.length + sides.after * suffix.length) / (prefix.length + suffix.length);
  return joinFit > candidateFit + GAP_MARGIN;
}
