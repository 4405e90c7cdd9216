/**
 * 'article.seen': a visit stores a new version only when the article's text changed, a page writes versions only of
 * its own articles; articleChange is what the side panel reads of the change since the article was clipped.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backgroundHandlers } from '../../../lib/background/handlers';
import { createHighlight } from '../../../lib/background/repository';
import { articleChange } from '../../../lib/db/versions';
import { openDatabase } from '../../../lib/db/database';
import type { BackgroundProtocol, Handlers } from '../../../lib/messaging';
import type { GlossDatabase } from '../../../lib/model/database';
import type { ArticleRecord } from '../../../lib/model/records';
import { urlKey } from '../../../lib/url/normalize';
import { sha256Hex, textOfVersion, firstOf } from '../../../lib/versions';
import { MAX_LATER_VERSIONS } from '../../../lib/model/limits';
import { articleInput, newHighlight, uniqueDbName } from '../db/fixtures';
import { throughRouter } from './through-router';

const PAGE = 'https://news.example.com/2022/09/05/shiwuchang.html';
const OTHER_PAGE = 'https://news.example.com/2022/09/06/other.html';
const OTHER_SITE = 'https://elsewhere.example.org/story.html';
const CLIPPED = '近年来，衡南县把屋场恳谈会作为基层治理的重要抓手。\n\nSecond  paragraph.';
const pageAt = (url: string) => ({ id: 'test-extension-id', url, tab: { id: 3 }, frameId: 0 }) as never;
const claims = (location: string) => ({ location, canonical: null, ogUrl: null });

let db: GlossDatabase;
let handlers: Handlers<BackgroundProtocol>;
let send: ReturnType<typeof throughRouter<BackgroundProtocol>>;
let article: ArticleRecord;

const seen = (text: string, url = PAGE, storyKey = '0') =>
  send('article.seen', { address: claims(url), storyKey, text, modifiedDate: null }, pageAt(url));

beforeEach(async () => {
  db = openDatabase(uniqueDbName());
  handlers = backgroundHandlers(db);
  send = throughRouter(handlers);
  await createHighlight(db, articleInput({ url: PAGE, urlKey: urlKey(PAGE)!, text: CLIPPED }), newHighlight('屋场恳谈会'), 1000);
  article = (await db.articles.toArray())[0] as unknown as ArticleRecord;
});

afterEach(async () => {
  await db.delete();
});

describe('article.seen', () => {
  it('stores no new version for the text as clipped, however the page spaces it', async () => {
    expect(await seen(' 近年来，衡南县把屋场恳谈会作为基层治理的重要抓手。 \nSecond\u00a0paragraph.\n')).toEqual({ added: false });
    const versions = await db.versions.toArray();
    // Only the first version, made from the clipped text, seen when the article was clipped.
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ articleId: article.id, seenAt: 1000, patch: null, text: '近年来，衡南县把屋场恳谈会作为基层治理的重要抓手。\nSecond paragraph.' });
    expect(versions[0]!.hash).toBe(await sha256Hex(versions[0]!.text!));
    expect(versions[0]!.lastSeenAt).toBeGreaterThan(1000);
    expect(await articleChange(db, article.id)).toBeNull();
  });

  it('stores one version when the text changed, and none when it is seen again unchanged', async () => {
    const changed = '近年来，衡南县把屋场恳谈会作为乡村治理的重要抓手。\n\nSecond paragraph, corrected.';
    expect(await seen(changed)).toEqual({ added: true });
    expect(await seen(changed)).toEqual({ added: false });
    const versions = await db.versions.toArray();
    expect(versions).toHaveLength(2);
    const later = versions.find((v) => v.text === null)!;
    expect(later.hash).toBe(await sha256Hex('近年来，衡南县把屋场恳谈会作为乡村治理的重要抓手。\nSecond paragraph, corrected.'));
    expect(textOfVersion(later, firstOf(versions)!)).toBe('近年来，衡南县把屋场恳谈会作为乡村治理的重要抓手。\nSecond paragraph, corrected.');
    const change = await articleChange(db, article.id);
    expect(change).toMatchObject({
      articleId: article.id,
      first: { seenAt: 1000, text: '近年来，衡南县把屋场恳谈会作为基层治理的重要抓手。\nSecond paragraph.' },
      latest: { text: '近年来，衡南县把屋场恳谈会作为乡村治理的重要抓手。\nSecond paragraph, corrected.' },
      versions: 2,
    });
  });

  it('keeps one version per text: going back to the clipped text makes the first version the latest again', async () => {
    await seen('Changed.');
    expect(await seen(CLIPPED)).toEqual({ added: false });
    expect(await db.versions.count()).toBe(2);
    expect(await articleChange(db, article.id)).toBeNull();
  });

  it('keeps the first version and the newest others, each rebuilt from the first', async () => {
    for (let i = 0; i < MAX_LATER_VERSIONS + 3; i++) await seen(`Edition ${i}\nSecond paragraph.`);
    const versions = await db.versions.toArray();
    expect(versions).toHaveLength(MAX_LATER_VERSIONS + 1);
    const first = firstOf(versions)!;
    expect(first.seenAt).toBe(1000);
    const texts = versions.filter((v) => v !== first).map((v) => textOfVersion(v, first)).sort();
    expect(texts).toEqual(Array.from({ length: MAX_LATER_VERSIONS }, (_, i) => `Edition ${i + 3}\nSecond paragraph.`).sort());
  });

  it('refuses a page naming an article that is not its own, and writes nothing', async () => {
    // Another page tells of its own visit: it has no stored article.
    await expect(seen('Forged text.', OTHER_PAGE)).rejects.toThrow(/no stored article/);
    // A page on another site claims the article's address: the background resolves the sender's own page instead.
    await expect(send('article.seen', { address: claims(PAGE), storyKey: '0', text: 'Forged text.' }, pageAt(OTHER_SITE))).rejects.toThrow(/no stored article/);
    expect(await db.versions.count()).toBe(0);
  });

  it('refuses a text over the limit before any handler runs', async () => {
    await expect(seen('x'.repeat(1_000_001))).rejects.toThrow(/Invalid request|text/);
    expect(await db.versions.count()).toBe(0);
  });
});
