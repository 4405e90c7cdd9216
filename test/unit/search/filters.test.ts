import { describe, expect, it } from 'vitest';
import { updateHighlight } from '../../../lib/background/repository';
import type { GlossDatabase } from '../../../lib/model/database';
import { countMatches, searchHighlights, type LibraryQuery } from '../../../lib/search';
import { freshDb, highlight, plain } from './helpers';

const DAY = 86_400_000;

/** Five highlights on three articles, with every filterable field varied. */
async function seed(db: GlossDatabase) {
  const zh = plain('zh', { siteName: '衡阳日报', publishedDate: '2022-09-05' });
  const en = plain('en', { siteName: 'The Guardian', publishedDate: '2024-01-10' });
  const undated = plain('nd', { siteName: 'The Guardian', publishedDate: null });
  const h = {
    local: await highlight(db, zh, { exact: '屋场恳谈会', tags: ['politics/local'], color: 'yellow', at: 10 * DAY }),
    politics: await highlight(db, zh, { exact: '源头治理', tags: ['politics'], color: 'green', note: '要点', at: 20 * DAY }),
    policy: await highlight(db, en, { exact: 'The policy failed', tags: ['politicsx'], color: 'yellow', at: 30 * DAY }),
    noted: await highlight(db, en, { exact: 'Markets rallied', note: 'check figures', color: 'blue', at: 40 * DAY }),
    old: await highlight(db, undated, { exact: 'An old quote', color: 'yellow', at: 50 * DAY }),
  };
  await updateHighlight(db, h.old.id, { status: 'orphan' }, 50 * DAY);
  return h;
}

async function found(db: GlossDatabase, query: LibraryQuery): Promise<string[]> {
  const page = await searchHighlights(db, { ...query, limit: 100 });
  expect(await countMatches(db, query)).toBe(page.items.length);
  return page.items.map((item) => item.highlight.id);
}

describe('filters', () => {
  it('filters by tag, including descendants but not look-alike names', async () => {
    const db = freshDb();
    const h = await seed(db);
    expect((await found(db, { filters: { tags: ['politics'] } })).sort()).toEqual([h.local.id, h.politics.id].sort());
    expect(await found(db, { filters: { tags: ['politics/local'] } })).toEqual([h.local.id]);
  });

  it('filters by tag in any case and width, on the highlight or its article', async () => {
    const db = freshDb();
    const h = await seed(db);
    // A spelling that folds to the stored tag is that tag; an article's tag covers its highlights.
    await updateHighlight(db, h.local.id, { tags: ['POLITICS/Local'] });
    const politics = (await db.tags.where('nameKey').equals('politics').first())!;
    await db.articles.update(h.noted.articleId, { tagIds: [politics.id] });
    const expected = [h.local.id, h.politics.id, h.noted.id, h.policy.id].sort();
    expect((await found(db, { filters: { tags: ['Politics'] } })).sort()).toEqual(expected);
    expect(await found(db, { filters: { tags: ['politics/LOCAL'] } })).toEqual([h.local.id]);
    expect(await found(db, { filters: { tags: ['economy'] } })).toEqual([]);
  });

  it('filters by colour, site, status and note', async () => {
    const db = freshDb();
    const h = await seed(db);
    expect(await found(db, { filters: { colors: ['yellow'] } })).toEqual([h.old.id, h.policy.id, h.local.id]);
    expect(await found(db, { filters: { sites: ['The Guardian'] } })).toEqual([h.old.id, h.noted.id, h.policy.id]);
    expect(await found(db, { filters: { statuses: ['orphan'] } })).toEqual([h.old.id]);
    expect(await found(db, { filters: { hasNote: true } })).toEqual([h.noted.id, h.politics.id]);
    expect(await found(db, { filters: { hasNote: false, colors: ['yellow'] } })).toEqual([h.old.id, h.policy.id, h.local.id]);
  });

  it('filters by annotation and publication dates, combined with a query', async () => {
    const db = freshDb();
    const h = await seed(db);
    expect(await found(db, { filters: { annotatedFrom: 20 * DAY, annotatedTo: 40 * DAY } })).toEqual([h.policy.id, h.politics.id]);
    expect(await found(db, { filters: { publishedFrom: '2022-09', publishedTo: '2022-09' } })).toEqual([h.politics.id, h.local.id]);
    expect(await found(db, { filters: { publishedFrom: '2023-01-01' } })).toEqual([h.noted.id, h.policy.id]);
    expect(await found(db, { query: '治理', filters: { tags: ['politics'] } })).toEqual([h.politics.id]);
    expect(await found(db, { query: 'policy', filters: { colors: ['blue'] } })).toEqual([]);
  });

  it('sorts by published date, undated articles last', async () => {
    const db = freshDb();
    const h = await seed(db);
    const expected = [h.noted.id, h.policy.id, h.politics.id, h.local.id, h.old.id];
    expect(await found(db, { sort: 'published' })).toEqual(expected);
    expect(await found(db, { sort: 'published', filters: { colors: ['yellow', 'blue', 'green'] } })).toEqual(expected);
    expect(await found(db, { sort: 'published', direction: 'asc' })).toEqual([h.local.id, h.politics.id, h.policy.id, h.noted.id, h.old.id]);
  });
});
