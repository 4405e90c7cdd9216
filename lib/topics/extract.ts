/** From an article or a highlight to weighted fields, and from fields to candidates. */
import { CandidateBag, type Candidate, type TextField } from './candidates';
import { collectCjkCandidates } from './candidates-cjk';
import { collectLatinCandidates } from './candidates-latin';
import { detectTopicLanguage, type TopicLanguage } from './language';

export interface ArticleForTopics {
  title?: string | null;
  kicker?: string | null;
  subtitle?: string | null;
  /** The body as one text… */
  text?: string | null;
  /** …or as paragraphs (used when given). */
  paragraphs?: readonly string[] | null;
  lang?: string | null;
}

export interface HighlightForTopics {
  exact: string;
  prefix?: string | null;
  suffix?: string | null;
  lang?: string | null;
}

/** Field weights: one word in the title counts like three in the body. */
export const FIELD_WEIGHTS = { title: 3, kicker: 2, subtitle: 2, body: 1, quote: 3, context: 1, articleAround: 0.25 } as const;

export function articleFields(article: ArticleForTopics): TextField[] {
  const fields: TextField[] = [];
  if (article.title) fields.push({ text: article.title, weight: FIELD_WEIGHTS.title, heading: true });
  if (article.kicker) fields.push({ text: article.kicker, weight: FIELD_WEIGHTS.kicker, heading: true });
  if (article.subtitle) fields.push({ text: article.subtitle, weight: FIELD_WEIGHTS.subtitle, heading: true });
  const body = article.paragraphs?.length ? article.paragraphs.join('\n') : (article.text ?? '');
  if (body) fields.push({ text: body, weight: FIELD_WEIGHTS.body });
  return fields;
}

export function highlightFields(highlight: HighlightForTopics, article?: ArticleForTopics | null): TextField[] {
  const fields: TextField[] = [{ text: highlight.exact, weight: FIELD_WEIGHTS.quote, heading: true }];
  const context = [highlight.prefix, highlight.suffix].filter(Boolean).join('\n');
  if (context) fields.push({ text: context, weight: FIELD_WEIGHTS.context });
  // The rest of the article only helps terms recur (屋场恳谈会 said once in the quote is still a term).
  if (article) for (const field of articleFields(article)) fields.push({ ...field, weight: FIELD_WEIGHTS.articleAround, heading: false });
  return fields;
}

export function languageOf(fields: readonly TextField[], declared?: string | null): TopicLanguage {
  return detectTopicLanguage(fields.map((f) => f.text.slice(0, 1000)).join('\n'), declared);
}

export function extractCandidates(fields: readonly TextField[], language: TopicLanguage, mode: 'suggest' | 'index' = 'suggest'): Candidate[] {
  const bag = new CandidateBag();
  if (language === 'en') collectLatinCandidates(fields, bag, mode);
  else collectCjkCandidates(fields, language, bag, mode);
  return [...bag.byKey.values()];
}
