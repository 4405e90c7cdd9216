/**
 * English (and other space-separated) candidates: single words, light-stemmed;
 * word pairs that recur; and names, i.e. runs of capitalised words
 * (`European Central Bank`, `Bank of England`), which are favoured.
 */
import { CandidateBag, MAX_FIELD_CHARS, type TextField } from './candidates';
import { wordSegmenter } from './language';
import { pluralStem } from '../text/stem';
import { isStopWord } from './stopwords';

interface Token {
  surface: string;
  lower: string;
  stem: string;
  capitalized: boolean;
  /** First word of a sentence (or field): its capital says nothing. */
  sentenceStart: boolean;
  stop: boolean;
}

const NAME_CONNECTORS = new Set(['of', 'de', 'du', 'la', 'le', 'van', 'von', 'der', 'del', 'da', 'di', 'for', 'al', 'bin', 'the']);
const SENTENCE_END = /[.!?:;"“”]/u;
/** A full stop after these (or after an initial, `J. K.`) does not end the sentence: `Mr. Trump` is mid-sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'prof', 'rev', 'u.s', 'no', 'vs']);
const CAPITALIZED = /^\p{Lu}/u;
const USABLE_WORD = /^\p{L}[\p{L}\p{M}'’-]*$/u;
const ACRONYM = /^\p{Lu}[\p{Lu}\d]+$/u;

/** `How Trump Made Tariffs Great`: in a Title Case heading, capitals say nothing about names. */
function isTitleCase(text: string): boolean {
  const words = text.match(/\p{L}{4,}/gu) ?? [];
  return words.length >= 2 && words.filter((w) => CAPITALIZED.test(w)).length >= words.length * 0.6;
}

/** Runs of tokens between punctuation; whitespace does not break a run. */
function tokenRuns(text: string, capitalsMeanNothing: boolean): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  let sentenceStart = true;
  let previousWord = '';
  const flush = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (const { segment, isWordLike } of wordSegmenter('en').segment(text)) {
    if (!isWordLike) {
      if (/^\s+$/u.test(segment)) continue;
      flush();
      const abbreviated = segment.startsWith('.') && (ABBREVIATIONS.has(previousWord) || previousWord.length === 1);
      if (SENTENCE_END.test(segment) && !abbreviated) sentenceStart = true;
      continue;
    }
    const lower = segment.toLowerCase().replace(/’/gu, "'");
    previousWord = lower;
    run.push({
      surface: segment.replace(/['’]s$/u, ''),
      lower,
      stem: pluralStem(lower),
      capitalized: CAPITALIZED.test(segment),
      sentenceStart: sentenceStart || capitalsMeanNothing,
      stop: isStopWord(lower, 'en') || !USABLE_WORD.test(segment) || (lower.length < 3 && !ACRONYM.test(segment)),
    });
    sentenceStart = false;
  }
  flush();
  return runs;
}

/** Maximal runs of capitalised words, allowing `of`/`de`… inside, without a leading sentence-initial stop word. */
function nameSpans(run: Token[]): [number, number][] {
  const spans: [number, number][] = [];
  let i = 0;
  while (i < run.length) {
    const first = run[i]!;
    // A capitalised stop word can open a name mid-sentence (`New York`), not at a sentence start (`The Senate`).
    const opens = first.capitalized && !NAME_CONNECTORS.has(first.lower) && (!first.stop || !first.sentenceStart) && first.lower.length > 1;
    if (!opens || (first.stop && !run[i + 1]?.capitalized)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < run.length) {
      const token = run[end]!;
      if (token.capitalized && !(token.stop && token.sentenceStart)) end++;
      else if (NAME_CONNECTORS.has(token.lower) && run[end + 1]?.capitalized) end += 2;
      else break;
    }
    if (end - i >= 2 && end - i <= 5) spans.push([i, end]);
    i = end;
  }
  return spans;
}

/** `index` mode (for library statistics) keeps word pairs said once too. */
export function collectLatinCandidates(fields: readonly TextField[], bag: CandidateBag, mode: 'suggest' | 'index' = 'suggest'): void {
  const pairs = new Map<string, { count: number; heading: boolean }>();
  const runsByField = fields.map((field) => {
    const text = field.text.slice(0, MAX_FIELD_CHARS);
    return tokenRuns(text, field.heading === true && isTitleCase(text));
  });
  // Word pairs are counted first: a pair becomes a candidate only if it recurs or is in a heading.
  runsByField.forEach((runs, index) => {
    for (const run of runs) {
      for (let i = 0; i + 1 < run.length; i++) {
        if (run[i]!.stop || run[i + 1]!.stop) continue;
        const key = `${run[i]!.stem} ${run[i + 1]!.stem}`;
        const pair = pairs.get(key) ?? { count: 0, heading: false };
        pair.count++;
        pair.heading ||= fields[index]!.heading === true;
        pairs.set(key, pair);
      }
    }
  });

  runsByField.forEach((runs, index) => {
    const field = fields[index]!;
    for (const run of runs) {
      const inName = new Set<number>();
      for (const [start, end] of nameSpans(run)) {
        const tokens = run.slice(start, end);
        const key = tokens.map((t) => t.stem).join(' ');
        bag.add(key, tokens.map((t) => t.surface).join(' '), field, { parts: tokens.length, entity: true });
        for (let i = start; i < end; i++) inName.add(i);
      }
      run.forEach((token, i) => {
        if (token.stop) return;
        // A capital mid-sentence marks a name (`Hengyang`, `NATO`); at a sentence start it may be any word.
        const entity = token.capitalized && !token.sentenceStart;
        const form = entity ? token.surface : token.lower.replace(/['’]s$/u, '');
        // A sentence-initial form is a weak vote for how to print the word (`Trump` beats `trump`).
        bag.add(token.stem, form, field, { entity, formWeight: token.sentenceStart ? 0.5 : 1 });
        const next = run[i + 1];
        if (!next || next.stop || (inName.has(i) && inName.has(i + 1))) return;
        const key = `${token.stem} ${next.stem}`;
        const pair = pairs.get(key)!;
        if (pair.count >= 2 || pair.heading || mode === 'index') bag.add(key, `${form} ${next.capitalized ? next.surface : next.lower}`, field, { parts: 2 });
      });
    }
  });
}
