/**
 * Topic suggestions for an article or a highlight, computed locally: candidate
 * terms scored like TF-IDF against the user's library plus a small built-in
 * background, names favoured, the user's existing tags that fit first.
 */
import { BACKGROUND_DOCUMENTS, backgroundShare } from './word-frequencies';
import { displayForm, isEntity, type Candidate, type TextField } from './candidates';
import { articleFields, extractCandidates, highlightFields, languageOf, type ArticleForTopics, type HighlightForTopics } from './extract';
import type { TopicLanguage } from './language';
import type { LibraryStats } from './library-stats';
import { fittingTags } from './suggest-existing';
import { foldTagName } from '../tags/tag-names';

export type SuggestionSource = 'existing-tag' | 'name' | 'quoted' | 'term';

export interface TopicSuggestion {
  /** The tag name to offer, as printed in the text (or the existing tag's name). */
  name: string;
  source: SuggestionSource;
  score: number;
  /** How often it occurs in the text considered. */
  occurrences: number;
}

export interface SuggestOptions {
  library?: LibraryStats | null;
  /** Names of the user's tags; those that occur in the text come first. */
  existingTags?: readonly string[];
  /** Tags the item already carries: not suggested again. */
  exclude?: readonly string[];
  /** At most this many (default 10). */
  limit?: number;
}

const DEFAULT_LIMIT = 10;

function inverseDocumentFrequency(key: string, language: TopicLanguage, library: LibraryStats | null | undefined): number {
  const documents = (library?.documentCount ?? 0) + BACKGROUND_DOCUMENTS;
  const frequency = (library?.documentFrequency.get(key) ?? 0) + backgroundShare(language, key) * BACKGROUND_DOCUMENTS;
  return Math.log((documents + 1) / (frequency + 1));
}

function lengthFactor(candidate: Candidate, language: TopicLanguage): number {
  if (language === 'en') return candidate.parts > 1 ? 1.3 : 1;
  // Longer CJK words are more specific: 屋场恳谈会 says more than 恳谈.
  return 1 + 0.15 * Math.min(3, [...candidate.key].length - 2);
}

export function scoreCandidate(candidate: Candidate, language: TopicLanguage, library?: LibraryStats | null): number {
  let score = Math.log(1 + candidate.weight) * inverseDocumentFrequency(candidate.key, language, library) * lengthFactor(candidate, language);
  const recurs = candidate.occurrences >= 2 || candidate.inHeading;
  if (isEntity(candidate)) score *= recurs ? 1.8 : 1.3;
  if (candidate.quoted) score *= 1.3;
  // A joined phrase said once is weaker evidence than a recurring one, unless its words recur.
  if (candidate.parts > 1 && candidate.occurrences < 2) score *= Math.min(1.2, 0.8 + 0.1 * candidate.support);
  return score;
}

function contains(longer: Candidate, shorter: Candidate, language: TopicLanguage): boolean {
  if (longer.key === shorter.key || longer.key.length <= shorter.key.length) return false;
  return language === 'en' ? ` ${longer.key} `.includes(` ${shorter.key} `) : longer.key.includes(shorter.key);
}

/**
 * Picks the best candidates, dropping a term that mostly occurs inside a longer
 * one (恳谈 inside 屋场恳谈会) and a phrase that only glues a word to a more
 * frequent name (衡南县力推 next to 衡南县).
 */
function pickTerms(scored: { candidate: Candidate; score: number }[], language: TopicLanguage, wanted: number, skipKeys: Set<string>) {
  const all = scored.map((s) => s.candidate);
  const picked: { candidate: Candidate; score: number }[] = [];
  for (const entry of scored) {
    if (picked.length >= wanted) break;
    const { candidate } = entry;
    if (skipKeys.has(candidate.key) || entry.score <= 0) continue;
    // English names share words (`Bank` in `Bank of England` and `European Central Bank`), so their counts add up.
    const inside = all.filter((other) => contains(other, candidate, language)).map((other) => other.occurrences);
    const covered = language === 'en' ? inside.reduce((a, b) => a + b, 0) : Math.max(0, ...inside);
    const subsumed = covered >= 0.7 * candidate.occurrences;
    if (subsumed) continue;
    if (candidate.parts > 1 && !isEntity(candidate) && !candidate.quoted) {
      const gluedToName = all.some((other) => contains(candidate, other, language) && isEntity(other) && other.occurrences > candidate.occurrences);
      if (gluedToName) continue;
    }
    // A pair of words said once in a heading is one reading of that heading: the better-scored overlapping reading wins.
    const onceInHeading = language !== 'en' && candidate.parts > 1 && candidate.occurrences < 2;
    if (onceInHeading && picked.some((p) => overlaps(p.candidate.key, candidate.key))) continue;
    picked.push(entry);
  }
  return picked;
}

/** `撬动基层` and `基层治理` overlap: they share `基层` at the seam. */
function overlaps(a: string, b: string): boolean {
  const longest = Math.min(a.length, b.length) - 1;
  for (let k = 2; k <= longest; k++) {
    if (a.endsWith(b.slice(0, k)) || b.endsWith(a.slice(0, k))) return true;
  }
  return false;
}

function sourceOf(candidate: Candidate): SuggestionSource {
  if (isEntity(candidate)) return 'name';
  return candidate.quoted ? 'quoted' : 'term';
}

function suggestFromFields(fields: TextField[], language: TopicLanguage, options: SuggestOptions, keep?: (c: Candidate) => boolean) {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const candidates = extractCandidates(fields, language).filter((c) => !keep || keep(c));
  const excluded = new Set((options.exclude ?? []).map(foldTagName));
  const existing = fittingTags(options.existingTags ?? [], fields, candidates, language)
    .filter((fit) => !excluded.has(fit.nameKey))
    .slice(0, Math.max(limit - 3, Math.ceil(limit / 2)));
  const skipKeys = new Set([...excluded, ...existing.flatMap((fit) => fit.candidateKeys)]);
  const scored = candidates
    .map((candidate) => ({ candidate, score: scoreCandidate(candidate, language, options.library) }))
    .sort((a, b) => b.score - a.score || a.candidate.order - b.candidate.order);
  const terms = pickTerms(scored, language, limit - existing.length, skipKeys);
  const seen = new Set(existing.map((fit) => fit.nameKey));
  const out: TopicSuggestion[] = existing.map((fit) => ({ name: fit.name, source: 'existing-tag', score: fit.score, occurrences: fit.occurrences }));
  for (const { candidate, score } of terms) {
    const name = displayForm(candidate);
    const key = foldTagName(name);
    if (seen.has(key) || excluded.has(key)) continue;
    seen.add(key);
    out.push({ name, source: sourceOf(candidate), score: Math.round(score * 100) / 100, occurrences: candidate.occurrences });
  }
  return out;
}

/** 5–10 topic tags for an article: from its title, kicker, subtitle and body. */
export function suggestTopics(article: ArticleForTopics, options: SuggestOptions = {}): TopicSuggestion[] {
  const fields = articleFields(article);
  return suggestFromFields(fields, languageOf(fields, article.lang), options);
}

/** Tags for one highlight: terms of its quote and context; the article, if given, only helps them recur. */
export function suggestTopicsForHighlight(
  highlight: HighlightForTopics,
  options: SuggestOptions & { article?: ArticleForTopics | null } = {},
): TopicSuggestion[] {
  const fields = highlightFields(highlight, options.article);
  const local = fields.filter((f) => f.weight >= 1);
  const localText = local.map((f) => f.text).join('\n').normalize('NFKC').toLowerCase();
  const language = languageOf(local, highlight.lang ?? options.article?.lang);
  const nearby = (c: Candidate) => [...c.forms.keys()].some((form) => localText.includes(form.normalize('NFKC').toLowerCase()));
  return suggestFromFields(fields, language, { ...options, limit: options.limit ?? 6 }, nearby);
}
