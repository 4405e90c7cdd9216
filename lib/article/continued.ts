/**
 * A story printed in parts (`下转第2版` at the foot of one page, `上接第1版` at the head of the next,
 * "Continued on page A6") is one story. Nothing stored links the parts: they are grouped when read,
 * from what each part's article keeps of its page (its page label and jump lines), by general rules:
 * the same publication and date, a jump line on at least one side, and a matching title or the
 * jump line's page. A pair that is not the best match for both of its parts stays apart.
 */
import type { ArticleRecord } from '../model/records';
import { pageLabelKey } from './lines';

export type StoryPart = Pick<ArticleRecord, 'id' | 'urlKey' | 'title' | 'siteName' | 'publishedDate' | 'page' | 'continuedFrom' | 'continuedTo'>;

/** Letters and digits only, case-folded: continued heads drop or change punctuation and spacing. */
function titleKey(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** One title is the other, or holds it (a continued head is often shortened), at 4 characters or more. */
function titlesMatch(a: string, b: string): boolean {
  const [x, y] = [titleKey(a), titleKey(b)];
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length >= 4 && long.includes(short);
}

const samePage = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && pageLabelKey(a) === pageLabelKey(b);
const conflicts = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && pageLabelKey(a) !== pageLabelKey(b);

/** How strongly `next` reads as the part after `first`: 0 not at all, 1 by the jump line's page, 2 by the title too. */
export function continuationScore(first: StoryPart, next: StoryPart): number {
  if (first.urlKey === next.urlKey || !first.siteName || !first.publishedDate) return 0;
  if (first.siteName.toLowerCase() !== next.siteName?.toLowerCase()) return 0;
  if (first.publishedDate.slice(0, 10) !== next.publishedDate?.slice(0, 10)) return 0;
  if (!first.continuedTo && !next.continuedFrom) return 0;
  // A jump line that names another page rules the pair out.
  if (conflicts(first.continuedTo, next.page) || conflicts(next.continuedFrom, first.page) || samePage(first.page, next.page)) return 0;
  const pages = samePage(first.continuedTo, next.page) || samePage(next.continuedFrom, first.page);
  if (titlesMatch(first.title, next.title)) return 2;
  return pages ? 1 : 0;
}

/**
 * The articles grouped into stories: each group in reading order (first part first), every article
 * in exactly one group, groups in the order of their first article.
 */
export function continuedStories<T extends StoryPart>(articles: readonly T[]): T[][] {
  const candidates = articles.filter((a) => a.siteName && a.publishedDate);
  const best = (scores: { from: T; to: T; score: number }[], pick: (s: { from: T; to: T }) => T) => {
    const top = new Map<T, { score: number; count: number }>();
    for (const s of scores) {
      const seen = top.get(pick(s));
      if (!seen || s.score > seen.score) top.set(pick(s), { score: s.score, count: 1 });
      else if (s.score === seen.score) seen.count += 1;
    }
    return top;
  };
  const scores: { from: T; to: T; score: number }[] = [];
  for (const from of candidates) {
    for (const to of candidates) {
      const score = from === to ? 0 : continuationScore(from, to);
      if (score > 0) scores.push({ from, to, score });
    }
  }
  const bestNext = best(scores, (s) => s.from);
  const bestPrevious = best(scores, (s) => s.to);
  const next = new Map<T, T>();
  const previous = new Map<T, T>();
  for (const s of scores) {
    const forward = bestNext.get(s.from)!;
    const backward = bestPrevious.get(s.to)!;
    // Only an unambiguous best match both ways: two equal candidates mean no link rather than a guess.
    if (s.score !== forward.score || forward.count > 1 || s.score !== backward.score || backward.count > 1) continue;
    next.set(s.from, s.to);
    previous.set(s.to, s.from);
  }
  const groups: T[][] = [];
  const placed = new Set<T>();
  for (const article of articles) {
    if (placed.has(article)) continue;
    let head = article;
    const walked = new Set<T>([head]);
    while (previous.has(head) && !walked.has(previous.get(head)!)) walked.add((head = previous.get(head)!));
    const group: T[] = [];
    for (let part: T | undefined = head; part && !placed.has(part); part = next.get(part)) {
      group.push(part);
      placed.add(part);
    }
    groups.push(group);
  }
  return groups;
}
