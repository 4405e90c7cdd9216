/**
 * Reading and writing the versions of an article (lib/versions). Hashing is asynchronous and not IndexedDB, so it
 * happens before a transaction opens: callers hand in texts already normalized and hashed.
 */
import type { GlossDatabase } from '../model/database';
import type { ArticleRow, VersionRecord } from '../model/records';
import { newUuid } from '../model/uuid';
import { firstOf, firstVersion, latestOf, normalizeArticleText, seenText, textOfVersion, visitChanges, type Visit } from '../versions';

export function versionsOf(db: GlossDatabase, articleId: string): Promise<VersionRecord[]> {
  return db.versions.where('articleId').equals(articleId).toArray();
}

/**
 * Records that the article's page showed this text: a new version when it differs from the latest. An article
 * without versions (restored from an older backup) first gets its first one, from its clipped text.
 * Returns true when a new version was stored.
 */
export async function recordVisit(db: GlossDatabase, article: ArticleRow, visit: Visit): Promise<boolean> {
  const clipped = (await db.versions.where('articleId').equals(article.id).count()) ? null : await seenText(article.text);
  return db.transaction('rw', db.versions, async () => {
    let versions = await versionsOf(db, article.id);
    if (!versions.length) {
      if (!clipped) return false; // the article was deleted meanwhile
      const first = firstVersion(article.id, clipped, article.createdAt, newUuid());
      await db.versions.add(first);
      versions = [first];
    }
    const { put, remove, added } = visitChanges(versions, visit, newUuid);
    await db.versions.bulkPut(put);
    await db.versions.bulkDelete(remove);
    return added;
  });
}

/**
 * For passages no longer found on the page (orphans): when each was last seen, the last-seen time of the newest
 * version whose text still holds it. Left out: a passage no version holds, and one the latest version still holds
 * (the text did not change there; the page's layout did).
 */
export async function passagesLastSeen(db: GlossDatabase, articleId: string, passages: readonly { id: string; exact: string }[]): Promise<Map<string, number>> {
  const versions = await versionsOf(db, articleId);
  const first = firstOf(versions);
  const found = new Map<string, number>();
  if (!first) return found;
  const newestFirst = [...versions].sort((a, b) => b.lastSeenAt - a.lastSeenAt).map((v) => ({ at: v.lastSeenAt, text: textOfVersion(v, first) }));
  for (const { id, exact } of passages) {
    const passage = normalizeArticleText(exact);
    const seen = passage && newestFirst.find((version) => version.text.includes(passage));
    if (seen && seen !== newestFirst[0]) found.set(id, seen.at);
  }
  return found;
}

/** An article's first and latest texts, when they differ. */
export interface ArticleChange {
  articleId: string;
  first: { seenAt: number; hash: string; text: string };
  latest: { seenAt: number; lastSeenAt: number; hash: string; modifiedDate: string | null; text: string };
  /** How many versions are kept. */
  versions: number;
}

/** The change since the article was clipped, or null when its latest version is its first text. */
export async function articleChange(db: GlossDatabase, articleId: string): Promise<ArticleChange | null> {
  const versions = await versionsOf(db, articleId);
  const first = firstOf(versions);
  const latest = latestOf(versions);
  if (!first || !latest || latest.hash === first.hash) return null;
  return {
    articleId,
    first: { seenAt: first.seenAt, hash: first.hash, text: first.text! },
    latest: { seenAt: latest.seenAt, lastSeenAt: latest.lastSeenAt, hash: latest.hash, modifiedDate: latest.modifiedDate, text: textOfVersion(latest, first) },
    versions: versions.length,
  };
}

/** What an export can carry as proof: the text as clipped with its date and SHA-256, and the change to the latest. */
export interface ArticleProof {
  clipped: { seenAt: number; sha256: string; text: string };
  /** The latest version, when its text differs from the clipped one. */
  current: { seenAt: number; lastSeenAt: number; modifiedDate: string | null; sha256: string } | null;
  /** The unified line diff from the clipped text to the current one (null: unchanged). */
  diff: string | null;
}

/** The article's proof; an article without versions yet proves its clipped text. Not inside a transaction (it may hash). */
export async function articleProof(db: GlossDatabase, article: Pick<ArticleRow, 'id' | 'text' | 'createdAt'>): Promise<ArticleProof> {
  const versions = await versionsOf(db, article.id);
  const first = firstOf(versions);
  if (!first) {
    const clipped = await seenText(article.text);
    return { clipped: { seenAt: article.createdAt, sha256: clipped.hash, text: clipped.text }, current: null, diff: null };
  }
  const latest = latestOf(versions)!;
  const changed = latest.hash !== first.hash;
  return {
    clipped: { seenAt: first.seenAt, sha256: first.hash, text: first.text! },
    current: changed ? { seenAt: latest.seenAt, lastSeenAt: latest.lastSeenAt, modifiedDate: latest.modifiedDate, sha256: latest.hash } : null,
    diff: changed ? latest.patch : null,
  };
}
