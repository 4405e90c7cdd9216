/**
 * Folding for search: one canonical spelling so that what the user types
 * finds what the page said. NFKC maps full-width and compatibility forms
 * (`ＡＢＣ` → `abc`, half-width `ｶﾀｶﾅ` → `カタカナ`); case is fully folded;
 * diacritics are dropped from Latin letters only (`café` → `cafe`), because
 * stripping combining marks everywhere would turn Japanese `が` into `か`.
 */

const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;

export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_WITH_MARKS, '$1')
    .normalize('NFC');
}

// Scripts written without spaces between words: Han (with 々 〆 〇), kana (with ー), Hangul.
const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3005\\u3006\\u3007\\u30FC';

/** A folded text cut into runs: CJK runs (no spaces) and words of other scripts. */
export interface TextPiece {
  kind: 'cjk' | 'word';
  text: string;
}

// A word is letters and digits of non-CJK scripts, with inner apostrophes (don't, China's).
const WORD_CHAR = `(?:(?![${CJK_CLASS}])[\\p{L}\\p{N}])`;
const PIECES = new RegExp(`([${CJK_CLASS}]+)|((?:${WORD_CHAR}+(?:['’]${WORD_CHAR}+)*))`, 'gu');

/** Splits already folded text into CJK runs and words; punctuation and spaces separate. */
export function splitPieces(folded: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const match of folded.matchAll(PIECES)) {
    if (match[1]) pieces.push({ kind: 'cjk', text: match[1] });
    else if (match[2]) pieces.push({ kind: 'word', text: match[2].replace(/['’]s$/u, '').replace(/['’]/gu, '') });
  }
  return pieces;
}
