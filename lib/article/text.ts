/** String helpers shared by the detector: whitespace, CJK-aware text weight. */

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/g;
const CJK_TEST = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/;
const SENTENCE_PUNCT = /[，。；！？、,.;!?：:]/g;
// \s covers NBSP, U+3000, U+2000–U+200A, U+202F, U+205F and U+FEFF; U+200B is added.
const SPACE_RUNS = /[\s\u200b]+/g;
const NON_CJK_RUNS = /[^\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+/g;

/** NBSP, U+3000 and other spaces to one space; runs collapsed; trimmed. */
const ODD_SPACE = /[\t\n\r\f\v\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]| {2}|^ | $/;

export function cleanText(text: string): string {
  // Most block texts are already clean: test before allocating a copy.
  if (!ODD_SPACE.test(text)) return text;
  return text.replace(/[\s\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]+/g, ' ').trim();
}

/** Text with all whitespace removed, for comparisons that ignore layout. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}

export function countCjk(text: string): number {
  return text.match(CJK)?.length ?? 0;
}

export function hasCjk(text: string): boolean {
  return CJK_TEST.test(text);
}

/**
 * How much reading a piece of text is: a CJK character counts like three Latin
 * letters (a Chinese paragraph has no spaces), whitespace counts nothing.
 */
export function textWeight(text: string): number {
  // Regex passes run natively: detection runs once per page, mostly before the JIT has warmed up,
  // where a character loop in JavaScript costs two to four times as much.
  const visible = text.replace(SPACE_RUNS, '').length;
  return hasCjk(text) ? visible + 2 * text.replace(NON_CJK_RUNS, '').length : visible;
}

export function punctuationCount(text: string): number {
  return text.match(SENTENCE_PUNCT)?.length ?? 0;
}

/** True when the text reads like prose: long enough and with sentence punctuation. */
export function isProse(text: string): boolean {
  return textWeight(text) >= 60 && punctuationCount(text) >= 1;
}

/** Short stable hash (FNV-1a, base 36) for story keys. */
export function hashKey(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** Folds a title for comparison: NFKC, no whitespace or quotes, lower case. */
export function foldTitle(text: string): string {
  return squash(text.normalize('NFKC'))
    .replace(/["'“”‘’「」『』《》〈〉<>]/g, '')
    .toLowerCase();
}

/** Punctuation count of the last `measure` call (avoids an object per call on the hot path). */
export let measuredPunctuation = 0;

/** textWeight, and the punctuation count into `measuredPunctuation`. */
export function measure(text: string): number {
  measuredPunctuation = punctuationCount(text);
  return textWeight(text);
}
