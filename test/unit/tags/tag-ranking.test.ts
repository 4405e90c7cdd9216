import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import { ensureTags, listTagUsage, rankTagsForInput, type TagUsage } from '../../../lib/db/tags';
import { addRecords, article, highlight, uniqueName } from './helpers';

const DAY = 86_400_000;
const NOW = 1_800_000_000_000;
const usage = (name: string, highlights: number, daysAgo: number): TagUsage => ({
  id: name, name, nameKey: name.toLowerCase(), color: null, highlights, articles: 0, lastUsedAt: NOW - daysAgo * DAY,
});

describe('rankTagsForInput', () => {
  const usages = [usage('politics', 10, 3), usage('Policing', 1, 0), usage('politics/local', 2, 1), usage('local news', 1, 300), usage('economy', 3, 2)];

  it('ranks prefix matches first, then frequent and recent use', () => {
    expect(rankTagsForInput(usages, 'pol', { now: NOW }).map((t) => t.name)).toEqual(['politics', 'politics/local', 'Policing']);
    // 'local' starts a path segment of politics/local and a word of "local news"; both rank after none here.
    expect(rankTagsForInput(usages, 'LOC', { now: NOW }).map((t) => t.name)).toEqual(['local news', 'politics/local']);
    expect(rankTagsForInput(usages, 'ics', { now: NOW }).map((t) => t.name)).toEqual(['politics', 'politics/local']);
  });

  it('with nothing typed, favours recent use over an old large count', () => {
    const ranked = rankTagsForInput([usage('old', 8, 365), usage('fresh', 2, 0)], '', { now: NOW });
    expect(ranked.map((t) => t.name)).toEqual(['fresh', 'old']);
    expect(rankTagsForInput([usage('old', 200, 365), usage('fresh', 1, 0)], '', { now: NOW })[0]!.name).toBe('old');
  });

  it('leaves out chosen tags, folding width and case', () => {
    expect(rankTagsForInput(usages, '', { now: NOW, exclude: ['ＰＯＬＩＴＩＣＳ', 'economy'] }).map((t) => t.name)).not.toContain('politics');
    expect(rankTagsForInput(usages, '', { now: NOW, limit: 2 })).toHaveLength(2);
  });
});

describe('listTagUsage', () => {
  it('counts highlights and articles per tag, with the latest use', async () => {
    const name = uniqueName('usage');
    const db = openDatabase(name);
    await ensureTags(db, ['China', 'unused', 'old'], { now: 5 });
    await addRecords(db, {
      articles: [article('a1', ['China'], 50), article('a2', ['old'], 8)],
      highlights: [
        highlight('h1', 'a1', ['China', 'stray'], 70), highlight('h2', 'a1', ['ｃｈｉｎａ'], 60), highlight('h3', 'a2', ['old'], 7),
      ],
    });
    const byName = new Map((await listTagUsage(db)).map((u) => [u.name, u]));
    expect(byName.get('China')).toMatchObject({ highlights: 2, articles: 1, lastUsedAt: 70 });
    expect(byName.get('unused')).toMatchObject({ highlights: 0, articles: 0, lastUsedAt: 5 });
    // Among the most recently updated rows: the article's update (8) is later than its highlight's (7).
    expect(byName.get('old')).toMatchObject({ highlights: 1, articles: 1, lastUsedAt: 8 });
    // A name stored without a tag record got one when the highlight was written.
    expect(byName.get('stray')).toMatchObject({ highlights: 1, articles: 0 });
    expect(byName.get('stray')!.id).toEqual(expect.any(String));
    expect(byName.size).toBe(4);
    db.close();
    await Dexie.delete(name);
  });

  it('falls back to the newest carrier’s creation for a tag beyond the most recent rows', async () => {
    const name = uniqueName('usage-old');
    const db = openDatabase(name);
    await ensureTags(db, ['rare', 'busy'], { now: 1 });
    const made = (id: string, tags: string[], at: number) => ({ ...highlight(id, 'a1', tags, at), createdAt: at });
    const busy = Array.from({ length: 520 }, (_, i) => made(`b${i}`, ['busy'], 10_000 + i));
    await addRecords(db, { articles: [article('a1', [], 2)], highlights: [made('r1', ['rare'], 3_000), ...busy] });
    const byName = new Map((await listTagUsage(db)).map((u) => [u.name, u]));
    expect(byName.get('busy')).toMatchObject({ highlights: 520, lastUsedAt: 10_519 });
    // Made and last updated at 3,000: older than the 500 most recently updated rows, so its creation counts.
    expect(byName.get('rare')).toMatchObject({ highlights: 1, lastUsedAt: 3_000 });
    db.close();
    await Dexie.delete(name);
  });
});
