/**
 * Restoring versions of articles. A version joins the stored article its file's article was matched to; versions
 * are matched by text (hash), and a matched one only widens its first- and last-seen times (never narrows them).
 * When the stored article already has a first version, a new text is stored as a patch against that first text,
 * so every stored patch keeps applying to its own article's first version.
 */
import type { GlossDatabase } from '../../model/database';
import type { VersionRecord } from '../../model/records';
import { firstOf, overflow, patchFrom, textOfVersion } from '../../versions';

/** `articleIdOf` maps a file's article id to the stored (or added) article's id, undefined when it has none. */
export async function planVersions(
  db: GlossDatabase,
  incoming: readonly VersionRecord[],
  articleIdOf: (fileArticleId: string) => string | undefined,
): Promise<{ add: VersionRecord[]; update: VersionRecord[]; skip: number }> {
  const planned = { add: [] as VersionRecord[], update: [] as VersionRecord[], skip: 0 };
  const byArticle = new Map<string, VersionRecord[]>();
  for (const version of incoming) byArticle.set(version.articleId, [...(byArticle.get(version.articleId) ?? []), version]);
  const takenIds = new Set((await db.versions.bulkGet(incoming.map((v) => v.id))).flatMap((row) => (row ? [row.id] : [])));
  for (const [fileArticleId, versions] of byArticle) {
    const articleId = articleIdOf(fileArticleId);
    const fileFirst = firstOf(versions);
    if (articleId === undefined || !fileFirst) {
      planned.skip += versions.length; // no article to join, or patches with nothing to apply to
      continue;
    }
    const stored = await db.versions.where('articleId').equals(articleId).toArray();
    const storedFirst = firstOf(stored);
    const known = new Map(stored.map((version) => [version.hash, version]));
    const added: VersionRecord[] = [];
    for (const version of versions) {
      const match = known.get(version.hash);
      if (match) {
        const widened = { ...match, seenAt: Math.min(match.seenAt, version.seenAt), lastSeenAt: Math.max(match.lastSeenAt, version.lastSeenAt), modifiedDate: match.modifiedDate ?? version.modifiedDate };
        if (widened.seenAt === match.seenAt && widened.lastSeenAt === match.lastSeenAt && widened.modifiedDate === match.modifiedDate) planned.skip++;
        else {
          planned.update.push(widened);
          known.set(version.hash, widened);
        }
        continue;
      }
      let text: string;
      try {
        text = textOfVersion(version, fileFirst);
      } catch {
        planned.skip++; // a damaged patch
        continue;
      }
      const id = takenIds.has(version.id) ? crypto.randomUUID() : version.id;
      takenIds.add(id);
      const record: VersionRecord = storedFirst
        ? { ...version, id, articleId, text: null, patch: patchFrom(storedFirst.text!, text) }
        : { ...version, id, articleId };
      added.push(record);
      known.set(version.hash, record);
    }
    // The bound applies to what a restore adds; stored versions are the next visit's to trim.
    const over = new Set(overflow([...stored, ...added]));
    for (const record of added) {
      if (over.has(record.id)) planned.skip++;
      else planned.add.push(record);
    }
  }
  return planned;
}
