/** String helpers shared by the detector: whitespace, CJK-aware text weight. */

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/g;
const CJK_TEST = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/;
const SENTENCE_PUNCT = /[，。；！？、,.;!?：:]/g;

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
  const cjk = countCjk(text);
  const other = squash(text).length - cjk;
  return cjk * 3 + other;
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

function isCjkCode(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x3040 && code <= 0x30ff) || (code >= 0xac00 && code <= 0xd7af);
}

function isSpaceCode(code: number): boolean {
  return code <= 32 || code === 0xa0 || code === 0x3000 || code === 0x200b || code === 0xfeff || (code >= 0x2000 && code <= 0x200a);
}

const PUNCT_CODES = new Set(Array.from('，。；！？、,.;!?：:', (char) => char.charCodeAt(0)));

/** Punctuation count of the last `measure` call (avoids an object per call on the hot path). */
export let measuredPunctuation = 0;

/** textWeight, and punctuation count into `measuredPunctuation`, in one pass without allocations. */
export function measure(text: string): number {
  let weight = 0;
  let punctuation = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isSpaceCode(code)) continue;
    weight += isCjkCode(code) ? 3 : 1;
    if (PUNCT_CODES.has(code)) punctuation++;
  }
  measuredPunctuation = punctuation;
  return weight;
}
