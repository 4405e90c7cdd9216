/**
 * A light English stemmer: enough to make `policies`/`policy`,
 * `running`/`runs`/`run` and `used`/`uses`/`use` meet, without Porter's
 * aggressive conflations (`general`/`generous`). It only has to be
 * deterministic: the same function stems the index and the query.
 */

const VOWEL = /[aeiouy]/;

function undouble(word: string): string {
  // stopp → stop, runn → run; but keep ll/ss/zz (fall, pass, buzz).
  const last = word.at(-1);
  if (word.length > 3 && last === word.at(-2) && last !== undefined && !'lsz'.includes(last) && !VOWEL.test(last)) {
    return word.slice(0, -1);
  }
  return word;
}

function stripFinalE(word: string): string {
  return word.length > 3 && word.endsWith('e') && !word.endsWith('ee') ? word.slice(0, -1) : word;
}

export function stemWord(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let stem = word;
  if (stem.endsWith('ies') && stem.length > 4) stem = stem.slice(0, -3) + 'y';
  else if (stem.endsWith('sses')) stem = stem.slice(0, -2);
  else if (/(?:ch|sh|x|z)es$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.endsWith('s') && !/[sui]s$/.test(stem)) stem = stem.slice(0, -1);

  if (stem.endsWith('ied') && stem.length > 4) stem = stem.slice(0, -3) + 'y';
  else if (stem.endsWith('ing') && VOWEL.test(stem.slice(0, -3)) && stem.length > 5) stem = undouble(stem.slice(0, -3));
  else if (stem.endsWith('ed') && !stem.endsWith('eed') && VOWEL.test(stem.slice(0, -2)) && stem.length > 4) {
    stem = undouble(stem.slice(0, -2));
  }
  return stripFinalE(stem);
}
