/**
 * Schema v2's upgrade: the `searchTerms` of every row written by v1.
 *
 * Frozen: a copy of the tokenizer as it was when v2 shipped (lib/text/fold.ts,
 * lib/text/stem.ts `searchStem`, lib/search/terms.ts). A migration must do
 * what it did when it shipped, whatever later versions of the live code do, so
 * this module imports nothing from lib/ (scripts/check-layers.mjs enforces it).
 * Never edit it; if the live tokenizer changes, add a version that reindexes.
 */
import type { Transaction } from 'dexie';

/** The v1 row fields the terms come from, as v1 stored them. */
interface V1Highlight {
  selectors?: { quote?: { exact?: unknown } };
  note?: unknown;
  tags?: unknown;
  createdAt?: unknown;
}

interface V1Article {
  title?: unknown;
  kicker?: unknown;
  subtitle?: unknown;
  siteName?: unknown;
  authors?: unknown;
}

const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;

function foldText(text: string): string {
  return text.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFD').replace(LATIN_WITH_MARKS, '$1').normalize('NFC');
}

const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3005\\u3006\\u3007\\u30FC';
const WORD_CHAR = `(?:(?![${CJK_CLASS}])[\\p{L}\\p{N}])`;
const PIECES = new RegExp(`([${CJK_CLASS}]+)|((?:${WORD_CHAR}+(?:['’]${WORD_CHAR}+)*))`, 'gu');

function splitPieces(folded: string): { kind: 'cjk' | 'word'; text: string }[] {
  const pieces: { kind: 'cjk' | 'word'; text: string }[] = [];
  for (const match of folded.matchAll(PIECES)) {
    if (match[1]) pieces.push({ kind: 'cjk', text: match[1] });
    else if (match[2]) pieces.push({ kind: 'word', text: match[2].replace(/['’]s$/u, '').replace(/['’]/gu, '') });
  }
  return pieces;
}

const VOWEL = /[aeiouy]/;

function undouble(word: string): string {
  const last = word.at(-1);
  if (word.length > 3 && last === word.at(-2) && last !== undefined && !'lsz'.includes(last) && !VOWEL.test(last)) {
    return word.slice(0, -1);
  }
  return word;
}

function stripFinalE(word: string): string {
  return word.length > 3 && word.endsWith('e') && !word.endsWith('ee') ? word.slice(0, -1) : word;
}

function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let s = word;
  if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (/(?:ch|sh|x|z)es$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/[sui]s$/.test(s)) s = s.slice(0, -1);

  if (s.endsWith('ied') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('ing') && VOWEL.test(s.slice(0, -3)) && s.length > 5) s = undouble(s.slice(0, -3));
  else if (s.endsWith('ed') && !s.endsWith('eed') && VOWEL.test(s.slice(0, -2)) && s.length > 4) s = undouble(s.slice(0, -2));
  return stripFinalE(s);
}

const MAX_WORD_LENGTH = 40;
const HAS_NOTE_TERM = '\u0001note';

function termsOf(texts: readonly unknown[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    if (typeof text !== 'string' || !text) continue;
    for (const piece of splitPieces(foldText(text))) {
      if (piece.kind === 'cjk') {
        const chars = Array.from(piece.text);
        for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
        terms.add(chars[chars.length - 1]!);
      } else {
        const word = piece.text.slice(0, MAX_WORD_LENGTH);
        terms.add(word);
        terms.add(stem(word));
      }
    }
  }
  return [...terms].sort();
}

export function v2HighlightTerms(h: V1Highlight): [string, number][] {
  const terms = termsOf([h.selectors?.quote?.exact, h.note, ...(Array.isArray(h.tags) ? h.tags : [])]);
  const withNote = typeof h.note === 'string' && h.note.trim().length > 0 ? [HAS_NOTE_TERM, ...terms] : terms;
  const time = typeof h.createdAt === 'number' && Number.isFinite(h.createdAt) ? h.createdAt : 0;
  return withNote.map((term) => [term, time]);
}

export function v2ArticleTerms(a: V1Article): string[] {
  const authors = Array.isArray(a.authors) ? a.authors.map((person: { name?: unknown } | null) => person?.name) : [];
  return termsOf([a.title, a.kicker, a.subtitle, a.siteName, ...authors]);
}

export async function addSearchTermsV2(tx: Transaction): Promise<void> {
  await tx.table('highlights').toCollection().modify((row: V1Highlight & { searchTerms?: unknown }) => {
    row.searchTerms = v2HighlightTerms(row);
  });
  await tx.table('articles').toCollection().modify((row: V1Article & { searchTerms?: unknown }) => {
    row.searchTerms = v2ArticleTerms(row);
  });
}
