/**
 * Search terms: what the postings (postings/) hold for a highlight's text,
 * and how a query is cut into the same terms.
 *
 * Chinese and Japanese are written without spaces, so a CJK run is indexed as
 * overlapping character bigrams (基层治理 → 基层 层治 治理) plus its last
 * character alone. We chose bigrams over `Intl.Segmenter` words because a
 * segmenter's word boundaries depend on its dictionary and on context: the
 * query 治理 alone and the text 基层治理 may be cut differently, and then an
 * exact substring would not be found. Bigrams find every substring of two or
 * more characters; the lone last character means every character of a run
 * starts some term, so a one-character query is a prefix scan (`基*`) with no
 * separate unigram entries (which would almost double the index). Longer
 * queries intersect their bigrams and are then verified as real substrings.
 *
 * Other scripts are indexed as words: the folded word and, when different,
 * its light stem, so `policies` finds `policy` and a half-typed last word can
 * be matched by prefix on the unstemmed form.
 */
import type { ArticleRecord } from '../model/records';
import { foldText, splitPieces } from '../text/fold';
import { searchStem } from '../text/stem';

/** Longest word kept in the index: longer ones are URLs or noise, and keys stay small. */
const MAX_WORD_LENGTH = 40;

function addPieceTerms(folded: string, into: Set<string>): void {
  for (const piece of splitPieces(folded)) {
    if (piece.kind === 'cjk') {
      const chars = Array.from(piece.text);
      for (let i = 0; i + 1 < chars.length; i++) into.add(chars[i]! + chars[i + 1]!);
      into.add(chars[chars.length - 1]!);
    } else {
      const word = piece.text.slice(0, MAX_WORD_LENGTH);
      into.add(word);
      into.add(searchStem(word));
    }
  }
}

/** The distinct terms of some texts, sorted so stored rows are stable. */
export function termsOf(texts: readonly (string | null | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) if (text) addPieceTerms(foldText(text), terms);
  return [...terms].sort();
}

export function articleSearchTexts(
  a: Pick<ArticleRecord, 'title' | 'kicker' | 'subtitle' | 'authors' | 'siteName'>,
): string[] {
  const authors = Array.isArray(a.authors) ? a.authors.map((person) => person?.name) : [];
  return [a.title, a.kicker, a.subtitle, a.siteName, ...authors].filter(
    (text): text is string => typeof text === 'string',
  );
}

/**
 * One part of a query that a match must satisfy. `terms` are index terms that
 * must all be present (`prefix` ones as prefixes); `alternatives` are terms of
 * which one must be present; `substring` must then appear in the folded text.
 */
export type QueryClause =
  | { kind: 'prefix'; prefix: string }
  | { kind: 'exact'; terms: string[]; substring: string | null }
  | { kind: 'word'; stem: string; prefix: string | null };

/**
 * Cuts a query into clauses, all of which must match. The last word is
 * matched as a prefix too while the user is still typing it (no trailing space).
 */
export function parseQuery(query: string): QueryClause[] {
  const folded = foldText(query);
  const pieces = splitPieces(folded);
  const typing = !/\s$/u.test(query);
  const clauses: QueryClause[] = [];
  pieces.forEach((piece, index) => {
    if (piece.kind === 'cjk') {
      const chars = Array.from(piece.text);
      if (chars.length === 1) clauses.push({ kind: 'prefix', prefix: chars[0]! });
      else {
        const bigrams = new Set<string>();
        for (let i = 0; i + 1 < chars.length; i++) bigrams.add(chars[i]! + chars[i + 1]!);
        clauses.push({ kind: 'exact', terms: [...bigrams], substring: chars.length > 2 ? piece.text : null });
      }
    } else {
      const word = piece.text.slice(0, MAX_WORD_LENGTH);
      const last = typing && index === pieces.length - 1;
      clauses.push({ kind: 'word', stem: searchStem(word), prefix: last ? word : null });
    }
  });
  return clauses;
}

/** Whether a row's stored terms satisfy a clause (before substring verification). */
export function termsSatisfy(terms: ReadonlySet<string>, clause: QueryClause): boolean {
  const anyStartsWith = (prefix: string) => {
    for (const term of terms) if (term.startsWith(prefix)) return true;
    return false;
  };
  switch (clause.kind) {
    case 'prefix':
      return anyStartsWith(clause.prefix);
    case 'exact':
      return clause.terms.every((term) => terms.has(term));
    case 'word':
      return terms.has(clause.stem) || (clause.prefix !== null && anyStartsWith(clause.prefix));
  }
}
