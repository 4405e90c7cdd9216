/**
 * English light stemming: plural and possessive endings only (Harman's
 * "S-stemmer" plus a few irregular cases).
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
export function lightStem(word: string): string {
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
