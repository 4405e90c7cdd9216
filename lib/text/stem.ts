/**
 * English stemming, in two strengths that cannot be one function. Search
 * conflates for recall: `-s`, `-ing`, `-ed` and a final `e` go (`climates`
 * and `climate` → `climat`, `news` → `new`), and as those stems are stored in
 * every user's index (the postings, lib/search/postings), `searchStem` may change
 * only with a schema version that rebuilds it. Topic keys must keep topics apart (`news` is not
 * `new`, `building` not `build`), so `pluralStem` folds plurals only; it is
 * computed afresh each time.
 */

/**
 * Search: a light stemmer, enough to make `policies`/`policy`,
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

export function searchStem(word: string): string {
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

/**
 * Topics: plural and possessive endings only (Harman's "S-stemmer" plus a few
 * irregular cases).
 *
 * Why not a library: npm has Porter/Snowball stemmers (`stemmer`,
 * `wink-porter2-stemmer`, `natural`), but they are built for search recall and
 * over-conflate words that make different topics (`general`/`generous`,
 * `university`/`universe`, `news`/`new`, `policy`/`police` → `polic`).
 * A tag must also read as a real word, and suffix stripping would force a
 * second mapping back to a surface form. Folding plurals is what merges
 * `election`/`elections` without those errors, and fits in twenty lines.
 */

const KEEP = new Set([
  'news', 'series', 'species', 'physics', 'politics', 'economics', 'statistics', 'mathematics', 'ethics',
  'analysis', 'crisis', 'basis', 'thesis', 'diagnosis', 'status', 'virus', 'campus', 'census', 'bonus', 'chaos',
  'bus', 'gas', 'yes', 'this', 'his', 'its', 'us', 'was', 'has', 'does', 'always', 'perhaps', 'across', 'less', 'unless',
  'congress', 'business', 'process', 'progress', 'address', 'access', 'success', 'press', 'class', 'glass', 'mass',
  'texas', 'paris', 'athens', 'brussels', 'wales', 'netherlands', 'philippines', 'united states',
]);

const IRREGULAR: Record<string, string> = {
  children: 'child', people: 'people', men: 'man', women: 'woman', mice: 'mouse', feet: 'foot', teeth: 'tooth',
  lives: 'life', wives: 'wife', knives: 'knife', leaves: 'leaf', halves: 'half', shelves: 'shelf', thieves: 'thief',
  data: 'data', media: 'media', criteria: 'criterion', phenomena: 'phenomenon',
};

/** `elections` → `election`, `policies` → `policy`, `China's` → `china`; input is lower-case. */
export function pluralStem(word: string): string {
  let w = word.replace(/['’]s$/u, '').replace(/['’]$/u, '');
  if (KEEP.has(w) || w.length <= 3) return w;
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (w.endsWith('ies') && !w.endsWith('eies') && !w.endsWith('aies')) return w.slice(0, -3) + 'y';
  if (/(?:ss|us|is)$/u.test(w)) return w;
  if (/(?:ch|sh|x|zz)es$/u.test(w)) return w.slice(0, -2);
  if (w.endsWith('es') && !w.endsWith('aes') && !w.endsWith('ees') && !w.endsWith('oes')) w = w.slice(0, -1);
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w;
}
