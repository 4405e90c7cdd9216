import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import { createHighlight } from '../../../lib/background/repository';
import { MAX_SNAPSHOTS_PER_PAGE, deleteSnapshot, listSnapshots, saveSnapshot, snapshotData } from '../../../lib/db/snapshots';
import { sha256Hex } from '../../../lib/versions';
import type { GlossDatabase } from '../../../lib/model/database';
import { articleInput, newHighlight, uniqueDbName } from './fixtures';

const PAGE = 'news.example.com/2022/09/05/shiwuchang.html';
const mhtml = (body: string) => new TextEncoder().encode(`From: <Saved by Blink>\r\nSubject: Page\r\n\r\n${body}`);

describe('page snapshots', () => {
  let db: GlossDatabase;
  let articleId: string;
  beforeEach(async () => {
    db = openDatabase(uniqueDbName());
    articleId = (await createHighlight(db, articleInput(), newHighlight())).articleId;
  });
  afterEach(() => db.delete());

  it('stores a capture with its SHA-256 and size, lists it without bytes, and gives the bytes back', async () => {
    const data = mhtml('<p>屋场恳谈会</p>');
    const saved = await saveSnapshot(db, { articleId, url: 'https://news.example.com/a', title: 'A', data, capturedAt: 1000 });
    expect(saved).toMatchObject({ articleId, urlKey: PAGE, bytes: data.byteLength, capturedAt: 1000 });
    // A known digest, so the hex is right and not merely stable.
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(saved.sha256).toBe(await sha256Hex(data));
    const listed = await listSnapshots(db, PAGE);
    expect(listed).toEqual([saved]);
    expect(listed[0]).not.toHaveProperty('data');
    expect(new TextDecoder().decode((await snapshotData(db, saved.id))!)).toContain('屋场恳谈会');
  });

  it('stores the same bytes once, and lists newest first', async () => {
    const first = await saveSnapshot(db, { articleId, url: 'u', title: 't', data: mhtml('one'), capturedAt: 1 });
    expect(await saveSnapshot(db, { articleId, url: 'u', title: 't', data: mhtml('one'), capturedAt: 5 })).toEqual(first);
    const second = await saveSnapshot(db, { articleId, url: 'u', title: 't', data: mhtml('two'), capturedAt: 2 });
    expect((await listSnapshots(db, PAGE)).map((s) => s.id)).toEqual([second.id, first.id]);
    expect(await db.snapshotFiles.count()).toBe(2);
  });

  it('refuses, in plain words and storing nothing, an empty file, an unknown article and a full list', async () => {
    await expect(saveSnapshot(db, { articleId, url: 'u', title: 't', data: new Uint8Array() })).rejects.toThrow('empty');
    await expect(saveSnapshot(db, { articleId: 'nope', url: 'u', title: 't', data: mhtml('x') })).rejects.toThrow('not in Gloss');
    expect(await db.snapshotFiles.count()).toBe(0);
    for (let i = 0; i < MAX_SNAPSHOTS_PER_PAGE; i++) await saveSnapshot(db, { articleId, url: 'u', title: 't', data: mhtml(`v${i}`) });
    await expect(saveSnapshot(db, { articleId, url: 'u', title: 't', data: mhtml('one more') })).rejects.toThrow('delete one');
    expect(await db.snapshotFiles.count()).toBe(MAX_SNAPSHOTS_PER_PAGE);
  });

  it('deletes the record and its bytes together', async () => {
    const saved = await saveSnapshot(db, { articleId, url: 'u', title: 't', data: mhtml('x') });
    await deleteSnapshot(db, saved.id);
    expect(await listSnapshots(db, PAGE)).toEqual([]);
    expect(await snapshotData(db, saved.id)).toBeNull();
  });
});
