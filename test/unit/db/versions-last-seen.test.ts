/** Orphans' "last seen": the newest version of the article that still held the passage. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import { passagesLastSeen } from '../../../lib/db/versions';
import type { GlossDatabase } from '../../../lib/model/database';
import { leadStory, leadStoryVersions } from '../export/fixtures';
import { uniqueDbName } from './fixtures';

describe('when an orphan was last seen', () => {
  let db: GlossDatabase;
  beforeEach(async () => {
    db = openDatabase(uniqueDbName());
    await db.versions.bulkAdd(await leadStoryVersions());
  });
  afterEach(() => db.delete());

  it('dates a passage the publisher edited away by the last visit that still showed it', async () => {
    const [clipped, revised] = (await db.versions.toArray()).sort((a, b) => a.seenAt - b.seenAt);
    const [p0, p1] = leadStory().article.text.split('\n\n');
    const passages = [
      // "在衡南县向阳桥" became "在衡南县（衡阳市）向阳桥" in the revision; across a paragraph break, as selected.
      { id: 'edited', exact: `${p0!.slice(p0!.indexOf('在衡南县'))}\n\n${p1!.slice(0, 3)}` },
      // Still in the latest text: the page's layout, not its words, lost it.
      { id: 'kept', exact: '屋场恳谈会成功的关键' },
      { id: 'never', exact: '从未出现过的句子' },
    ];
    const seen = await passagesLastSeen(db, 'art-zh-lead', passages);
    expect([...seen]).toEqual([['edited', clipped!.lastSeenAt]]);
    expect(revised!.lastSeenAt).toBeGreaterThan(clipped!.lastSeenAt);
  });

  it('knows nothing of an article without versions', async () => {
    expect((await passagesLastSeen(db, 'another-article', [{ id: 'x', exact: '衡南县' }])).size).toBe(0);
  });
});
