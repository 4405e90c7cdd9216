/**
 * What one visit changes in an article's versions: a new version when its text differs from the latest, the
 * latest's last-seen time otherwise; the first and the newest MAX_LATER_VERSIONS others are kept.
 */
import { MAX_LATER_VERSIONS } from '../model/limits';
import type { VersionRecord } from '../model/records';
import { patchFrom } from './patch';
import type { SeenText } from './text';

export interface Visit extends SeenText {
  at: number;
  modifiedDate: string | null;
}

export interface VersionChanges {
  put: VersionRecord[];
  remove: string[];
  /** True when the visit found a text never seen before (a new version). */
  added: boolean;
}

/** The version with the full text: the first. */
export const firstOf = (versions: readonly VersionRecord[]): VersionRecord | undefined =>
  versions.find((version) => version.text !== null);

/** The version seen most recently (ties: the one first seen later). */
export function latestOf(versions: readonly VersionRecord[]): VersionRecord | undefined {
  let latest: VersionRecord | undefined;
  for (const version of versions) {
    if (!latest || version.lastSeenAt > latest.lastSeenAt || (version.lastSeenAt === latest.lastSeenAt && version.seenAt > latest.seenAt)) {
      latest = version;
    }
  }
  return latest;
}

/** The article's first version, from its clipped text, seen when the article was made. */
export function firstVersion(articleId: string, clipped: SeenText, createdAt: number, id: string): VersionRecord {
  return { id, articleId, hash: clipped.hash, seenAt: createdAt, lastSeenAt: createdAt, modifiedDate: null, text: clipped.text, patch: null };
}

/** Ids of the versions beyond the bound: the first and the most recently seen others stay. */
export function overflow(versions: readonly VersionRecord[], keep = MAX_LATER_VERSIONS): string[] {
  const first = firstOf(versions);
  const later = versions.filter((version) => version !== first).sort((a, b) => b.lastSeenAt - a.lastSeenAt || b.seenAt - a.seenAt);
  return later.slice(keep).map((version) => version.id);
}

/** `versions` must hold the article's first version (firstVersion). */
export function visitChanges(versions: readonly VersionRecord[], visit: Visit, newId: () => string): VersionChanges {
  const first = firstOf(versions);
  if (!first) throw new Error('An article\'s versions start with its first version.');
  const latest = latestOf(versions)!;
  const modifiedDate = visit.modifiedDate;
  if (latest.hash === visit.hash) {
    return { put: [{ ...latest, lastSeenAt: Math.max(latest.lastSeenAt, visit.at), modifiedDate: modifiedDate ?? latest.modifiedDate }], remove: [], added: false };
  }
  // The page went back to a text seen before: that version is the latest again (one version per text).
  const earlier = versions.find((version) => version.hash === visit.hash);
  if (earlier) return { put: [{ ...earlier, lastSeenAt: Math.max(earlier.lastSeenAt, visit.at) }], remove: [], added: false };
  const added: VersionRecord = {
    id: newId(), articleId: first.articleId, hash: visit.hash, seenAt: visit.at, lastSeenAt: visit.at, modifiedDate,
    text: null, patch: patchFrom(first.text!, visit.text),
  };
  return { put: [added], remove: overflow([...versions, added]), added: true };
}
