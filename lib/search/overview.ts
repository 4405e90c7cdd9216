/** Overview figures: highlights per week or month, and the most used tags. */
import type { GlossDatabase } from '../model/database';
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

function nextPeriod(start: number, period: ActivityPeriod): number {
  if (period === 'week') return start + 7 * DAY;
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

const label = (start: number, period: ActivityPeriod): string =>
  new Date(start).toISOString().slice(0, period === 'month' ? 7 : 10);

/**
 * Highlights per period, oldest first, including empty periods, up to the
 * latest MAX_BUCKETS periods. Each bucket is an index count: no row is read.
 */
export async function activityByPeriod(
  db: GlossDatabase,
  period: ActivityPeriod,
  range: { from?: number; to?: number } = {},
): Promise<ActivityBucket[]> {
  return db.transaction('r', db.highlights, async () => {
    const inRange = db.highlights.where('createdAt').between(range.from ?? -Infinity, range.to ?? Infinity, true, false);
    const first = (await inRange.first())?.createdAt;
    const last = (await inRange.clone().last())?.createdAt;
    if (first === undefined || last === undefined) return [];
    const starts: number[] = [];
    for (let start = periodStart(last, period); starts.length < MAX_BUCKETS; ) {
      starts.unshift(start);
      if (start <= first) break;
      start = periodStart(start - 1, period);
    }
    const counts = await Promise.all(
      starts.map((start) =>
        db.highlights
          .where('createdAt')
          .between(Math.max(start, range.from ?? -Infinity), Math.min(nextPeriod(start, period), range.to ?? Infinity), true, false)
          .count(),
      ),
    );
    return starts.map((start, i) => ({ period: label(start, period), count: counts[i]! }));
  });
}

/** Tags by number of highlights carrying them (exact names), most used first. */
export async function topTags(db: GlossDatabase, limit = 10): Promise<FacetCount[]> {
  return db.transaction('r', db.highlights, async () => {
    const names = (await db.highlights.orderBy('tags').uniqueKeys()) as string[];
    const counts = await Promise.all(names.map((name) => db.highlights.where('tags').equals(name).count()));
    return names
      .map((value, i) => ({ value, count: counts[i]! }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
      .slice(0, limit);
  });
}
