/** Citation pieces shared by the Markdown, CSL, BibTeX and RIS exporters. */
import type { ArticleRecord, Person } from '../../model/records';

/** Han, kana, Hangul: names written in these scripts are not split into family/given. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'dos', 'das', 'bin', 'ibn', 'al', 'ter', 'ten', 'st.']);
const SUFFIXES = /^(jr\.?|sr\.?|ii|iii|iv|v)$/i;

export type CslName = { family: string; given?: string; suffix?: string } | { literal: string };

/** Splits a Western name into family/given; keeps CJK names and single words whole. */
export function splitName(raw: string): CslName {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (!name || CJK.test(name)) return { literal: name };
  const comma = name.split(/\s*,\s*/);
  if (comma.length === 2 && comma[0] && comma[1] && !SUFFIXES.test(comma[1])) return { family: comma[0], given: comma[1] };
  let words = name.replace(/,/g, '').split(' ');
  let suffix: string | undefined;
  if (words.length > 2 && SUFFIXES.test(words[words.length - 1]!)) {
    suffix = words[words.length - 1];
    words = words.slice(0, -1);
  }
  if (words.length < 2) return { literal: name };
  let familyStart = words.length - 1;
  while (familyStart > 1 && PARTICLES.has(words[familyStart - 1]!.toLowerCase())) familyStart--;
  const split: CslName = { family: words.slice(familyStart).join(' '), given: words.slice(0, familyStart).join(' ') };
  return suffix ? { ...split, suffix } : split;
}

/** Date parts [year, month?, day?] of an ISO date or date-time, or null when unreadable. */
export function dateParts(iso: string | null): number[] | null {
  if (!iso) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso.trim());
  if (!match) return null;
  return [match[1], match[2], match[3]].filter((part): part is string => part !== undefined).map(Number);
}

export function authorNames(people: readonly Person[]): string[] {
  return people.map((person) => person.name.trim()).filter(Boolean);
}

/** A readable key for BibTeX/CSL ids: first author's family name (or site) + year, ASCII when possible. */
export function citationKey(article: ArticleRecord): string {
  const first = article.authors[0]?.name;
  const name = first ? splitName(first) : null;
  const base = name ? ('family' in name ? name.family : name.literal) : (article.siteName ?? 'article');
  const year = dateParts(article.publishedDate)?.[0] ?? '';
  const ascii = base.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]/g, '');
  // Non-Latin names keep a stable short key from the article id instead of an empty one.
  const stem = ascii || `gloss${article.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8)}`;
  return `${stem}${year}`;
}
