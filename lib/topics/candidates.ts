/** Candidate topic terms gathered from weighted text fields, before scoring. */
import { foldTagName } from '../tags/tag-names';

export interface TextField {
  text: string;
  /** How much one occurrence here counts: a title word says more than a body word. */
  weight: number;
  /** Title, kicker, subtitle or a highlight's quote: a phrase here may be a topic even if said once. */
  heading?: boolean;
}

export interface Candidate {
  /** Matching key: folded text for CJK, light-stemmed words joined by spaces for English. */
  key: string;
  /** Surface forms with their (weighted) counts; the most frequent is shown. */
  forms: Map<string, number>;
  occurrences: number;
  /** Sum of the weights of the fields of each occurrence. */
  weight: number;
  inHeading: boolean;
  /** How many segmenter words were joined to make it (1 for a single word). */
  parts: number;
  /** Occurrences that looked like a person, place or organisation (see isEntity). */
  entityVotes: number;
  /** Printed inside quotation marks or title marks. */
  quoted: boolean;
  /** For a phrase said once: how often its words occur on their own in the text. */
  support: number;
  /** Order of first appearance, to break ties stably. */
  order: number;
}

export class CandidateBag {
  readonly byKey = new Map<string, Candidate>();

  add(
    key: string,
    form: string,
    field: TextField,
    extra: { parts?: number; entity?: boolean; quoted?: boolean; support?: number; formWeight?: number } = {},
    times = 1,
  ): Candidate {
    let candidate = this.byKey.get(key);
    if (!candidate) {
      candidate = {
        key, forms: new Map(), occurrences: 0, weight: 0, inHeading: false, parts: extra.parts ?? 1,
        entityVotes: 0, quoted: false, support: extra.support ?? 0, order: this.byKey.size,
      };
      this.byKey.set(key, candidate);
    }
    candidate.forms.set(form, (candidate.forms.get(form) ?? 0) + (extra.formWeight ?? 1) * times);
    candidate.occurrences += times;
    candidate.weight += field.weight * times;
    candidate.inHeading ||= field.heading === true;
    if (extra.entity) candidate.entityVotes += times;
    candidate.quoted ||= extra.quoted === true;
    return candidate;
  }
}

/** Most occurrences looked like a name: one capitalised sentence start does not make `Rates` a name. */
export function isEntity(candidate: Candidate): boolean {
  return candidate.entityVotes > 0 && candidate.entityVotes >= candidate.occurrences * 0.6;
}

/** The most used surface form. */
export function displayForm(candidate: Candidate): string {
  let best = candidate.key;
  let bestCount = -1;
  for (const [form, count] of candidate.forms) {
    if (count > bestCount) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Longest text considered per field. Page text is hostile input and may be huge,
 * and an article's topics show in its first pages: 12,000 characters (about
 * three times a typical news story) bound a suggestion to a few milliseconds.
 */
export const MAX_FIELD_CHARS = 12_000;

const QUOTE_PAIRS: readonly [string, string][] = [['「', '」'], ['『', '』'], ['“', '”'], ['《', '》'], ['〈', '〉'], ['"', '"']];
const QUOTED_PART_SPLIT = /[+＋、/·・|]+/u;
/** A quotation with sentence punctuation is speech (“感谢屋场恳谈会，解决了…”), not a term. */
const SPEECH = /[，,。；;：:！!？?\n]/u;

/** Phrases printed inside quotation or title marks, split at inner punctuation. */
export function quotedPhrases(text: string, maxLength: number): string[] {
  const out: string[] = [];
  for (const [open, close] of QUOTE_PAIRS) {
    let from = 0;
    for (;;) {
      const start = text.indexOf(open, from);
      if (start < 0) break;
      const end = text.indexOf(close, start + 1);
      if (end < 0) break;
      from = end + 1;
      const inner = text.slice(start + 1, end);
      if (inner.length > maxLength * 2 || SPEECH.test(inner)) continue;
      for (const part of inner.split(QUOTED_PART_SPLIT).map((p) => p.trim())) {
        if (part.length >= 2 && part.length <= maxLength && !/^[\p{N}\p{P}]+$/u.test(part)) out.push(part);
      }
    }
  }
  return out;
}

/** Counts non-overlapping occurrences of `needle` in `haystack`. */
export function countOccurrences(haystack: string, needle: string): number {
  if (needle.length === 0) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

export const foldKey = foldTagName;
