/** Overview figures: highlights per week or month, and the most used tags, from the postings alone. */
import type { GlossDatabase } from '../model/database';
import { resolveTags } from '../tags/tag-aliases';
import { keysBetween, unionKeys } from './postings/keys';
import { termKeys } from './postings/read';
import { ALL_TERM, ownTagTerm } from './postings/row-terms';
import { seqTime, TIES } from './postings/seq';
import type { ActivityBucket, ActivityPeriod, FacetCount } from './types';

const DAY = 86_400_000;
/** Ten years of weeks; older periods are left out. */
const MAX_BUCKETS = 520;

/** Start of the UTC week (Monday) or month containing `time`. */
export function periodStart(time: number, period: ActivityPeriod): number {
  const date = new Date(time);
  if (period === 'month') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return midnight - ((date.getUTCDay() + 6) % 7) * DAY;
}

const label = (start: number, period: ActivityPeriod): string =>
  new Date(start).toISOString().slice(0, period === 'month' ? 7 : 10);

const timeKey = (time: number | undefined, fallback: number) => (time === undefined ? fallback : Math.ceil(time) * TIES);

/**
 * Highlights per period, oldest first, including empty periods, up to the
 * latest MAX_BUCKETS periods: one read of the every-highlight postings.
 */
export async function activityByPeriod(db: GlossDatabase, period: ActivityPeriod, range: { from?: number; to?: number } = {}): Promise<ActivityBucket[]> {
  return db.transaction('r', db.postings, async () => {
    const keys = keysBetween(await termKeys(db, ALL_TERM), timeKey(range.from, -Infinity), timeKey(range.to, Infinity));
    if (keys.length === 0) return [];
    const first = seqTime(keys[0]!);
    const starts: number[] = [];
    for (let start = periodStart(seqTime(keys[keys.length - 1]!), period); starts.length < MAX_BUCKETS; ) {
      starts.unshift(start);
      if (start <= first) break;
      start = periodStart(start - 1, period);
    }
    const counts = new Array<number>(starts.length).fill(0);
    // Keys are in time order: one pass moves the bucket forward.
    let bucket = 0;
    for (const key of keys) {
      const time = seqTime(key);
      if (time < starts[0]!) continue;
      while (bucket + 1 < starts.length && time >= starts[bucket + 1]!) bucket++;
      counts[bucket]!++;
    }
    return starts.map((start, i) => ({ period: label(start, period), count: counts[i]! }));
  });
}

/**
 * Tags by number of highlights carrying them (on the highlight itself), most
 * used first; a tag's aliases' carriers count for it, a highlight carrying
 * both once.
 */
export async function topTags(db: GlossDatabase, limit = 10): Promise<FacetCount[]> {
  return db.transaction('r', db.tags, db.postings, async () => {
    const { tags, idsOf } = resolveTags(await db.tags.toArray());
    const counts = await Promise.all(
      tags.map(async (tag) => unionKeys(await Promise.all(idsOf(tag.id).map((id) => termKeys(db, ownTagTerm(id))))).length),
    );
    return tags
      .map((tag, i) => ({ value: tag.name, count: counts[i]! }))
      .filter((facet) => facet.count > 0)
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
      .slice(0, limit);
  });
}
