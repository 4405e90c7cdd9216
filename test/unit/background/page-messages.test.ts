/**
 * The messages the lazy content script relies on: the loader's page lookup, one batched status write per
 * anchoring pass, an atomic re-attach, and broadcasts that skip the tab that made the change.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backgroundHandlers } from '../../../lib/background/handlers';
import { openDatabase } from '../../../lib/db/database';
import type { GlossDatabase } from '../../../lib/model/database';
import { createHighlight } from '../../../lib/background/repository';
import type { HighlightRecord } from '../../../lib/model/records';
import type { BackgroundProtocol, Handlers } from '../../../lib/messaging';
import { urlKey } from '../../../lib/url/normalize';
import { articleInput, newHighlight, uniqueDbName } from '../db/fixtures';
import { throughRouter } from './through-router';

const PAGE = 'https://news.example.com/2022/09/05/shiwuchang.html';
const OTHER_SITE = 'https://elsewhere.example.org/story.html';
const panel = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/sidepanel.html' } as never;
const pageAt = (url: string, tab = 3) => ({ id: 'test-extension-id', url, tab: { id: tab }, frameId: 0 }) as never;
const claims = (location: string) => ({ location, canonical: null, ogUrl: null });
const { url: _url, urlKey: _key, ...description } = articleInput();

let db: GlossDatabase;
let handlers: Handlers<BackgroundProtocol>;
let broadcasts: [string | null, number | undefined][];
let stored: HighlightRecord;

beforeEach(async () => {
  db = openDatabase(uniqueDbName());
  broadcasts = [];
  handlers = backgroundHandlers(db, { highlightsChanged: (key, except) => void broadcasts.push([key, except]) });
  stored = await createHighlight(db, articleInput({ url: PAGE, urlKey: urlKey(PAGE)! }), newHighlight('屋场恳谈会', { note: 'kept', tags: ['治理'] }), 1000);
});

afterEach(async () => {
  await db.delete();
});

describe('page.status', () => {
  it('counts the highlights of the page the sender really is on', async () => {
    expect(await handlers['page.status'](claims(PAGE), pageAt(PAGE))).toEqual({ key: urlKey(PAGE), highlights: 1 });
    // A page elsewhere claiming this address by location is answered for itself.
    expect(await handlers['page.status'](claims(PAGE), pageAt(OTHER_SITE))).toEqual({ key: urlKey(OTHER_SITE), highlights: 0 });
  });

  it('answers "not annotatable" for what is not an http(s) page, and refuses malformed claims plainly', async () => {
    expect(await handlers['page.status'](claims('ftp://example.com/a'), panel)).toEqual({ key: null, highlights: 0 });
    await expect(throughRouter(handlers)('page.status', { nonsense: true }, pageAt(PAGE))).rejects.toThrow(/Invalid page address: location: /);
  });
});

describe('highlight.statuses', () => {
  it('saves a whole pass in one message, skipping ids deleted meanwhile, and tells no tab (nothing to repaint)', async () => {
    const second = await createHighlight(db, articleInput({ url: PAGE, urlKey: urlKey(PAGE)! }), newHighlight('基层治理'));
    broadcasts = [];
    await handlers['highlight.statuses']({
      statuses: [
        { id: stored.id, status: 'anchored-fuzzy', currentText: '屋场恳谈' },
        { id: second.id, status: 'orphan', currentText: null },
        { id: crypto.randomUUID(), status: 'orphan', currentText: null },
      ],
    }, pageAt(PAGE));
    const rows = await db.highlights.bulkGet([stored.id, second.id]);
    expect(rows.map((r) => [r?.status, r?.currentText])).toEqual([['anchored-fuzzy', '屋场恳谈'], ['orphan', null]]);
    expect(await db.highlights.count()).toBe(2);
    expect(broadcasts).toEqual([]);
  });

  it('refuses the whole batch when one highlight is another site’s, before writing any', async () => {
    const foreign = await createHighlight(db, articleInput({ url: OTHER_SITE, urlKey: urlKey(OTHER_SITE)! }), newHighlight('别处'));
    await expect(handlers['highlight.statuses']({
      statuses: [{ id: stored.id, status: 'orphan', currentText: null }, { id: foreign.id, status: 'orphan', currentText: null }],
    }, pageAt(PAGE))).rejects.toThrow(/belongs to a page on another site/);
    expect((await db.highlights.bulkGet([stored.id, foreign.id])).map((r) => r?.status)).toEqual(['anchored', 'anchored']);
  });

  it('refuses malformed input with the field named', async () => {
    await expect(throughRouter(handlers)('highlight.statuses', { statuses: [{ id: stored.id, status: 'lost' }] }, pageAt(PAGE)))
      .rejects.toThrow(/Invalid statuses: 0\.status/);
  });
});

describe('highlight.reattach', () => {
  const selectors = {
    quote: { type: 'TextQuoteSelector' as const, exact: '恳谈会新模式', prefix: '屋场', suffix: '，狠抓' },
    position: { type: 'TextPositionSelector' as const, start: 40, end: 46 },
    pagePosition: null,
  };

  it('moves the passage in place: same id, creation date, note and tags; doing it twice changes nothing more', async () => {
    const request = { id: stored.id, article: description, address: claims(PAGE), selectors };
    const moved = await handlers['highlight.reattach'](request, pageAt(PAGE, 7));
    expect(moved).toMatchObject({ id: stored.id, createdAt: 1000, note: 'kept', tags: ['治理'], status: 'anchored', selectors });
    expect(await handlers['highlight.reattach'](request, pageAt(PAGE, 7))).toMatchObject({ id: stored.id, selectors });
    expect(await db.highlights.count()).toBe(1);
    expect((await db.highlights.get(stored.id))?.selectors).toEqual(selectors);
    // The tab that moved it repaints itself; the others are told.
    expect(broadcasts).toEqual([[urlKey(PAGE), 7], [urlKey(PAGE), 7]]);
  });

  it('refuses a move from another site, and onto another page', async () => {
    await expect(handlers['highlight.reattach']({ id: stored.id, article: description, address: claims(OTHER_SITE), selectors }, pageAt(OTHER_SITE)))
      .rejects.toThrow(/another site/);
    const samesite = 'https://news.example.com/other.html';
    await expect(handlers['highlight.reattach']({ id: stored.id, article: description, address: claims(samesite), selectors }, pageAt(samesite)))
      .rejects.toThrow(/only be moved within its own page/);
    expect((await db.highlights.get(stored.id))?.selectors).toEqual(stored.selectors);
  });
});

describe('broadcasts after a write', () => {
  it('skip the content script’s own tab, and reach every tab for the side panel’s changes', async () => {
    await handlers['highlight.update']({ id: stored.id, patch: { color: 'blue' } }, pageAt(PAGE, 5));
    await handlers['highlight.update']({ id: stored.id, patch: { color: 'green' } }, panel);
    expect(broadcasts).toEqual([[urlKey(PAGE), 5], [urlKey(PAGE), undefined]]);
  });
});

describe('annotations.forPage', () => {
  it('sends the page’s records, with tag names, not rows with tag ids', async () => {
    const { articles, highlights } = await handlers['annotations.forPage'](claims(PAGE), pageAt(PAGE));
    expect(highlights).toHaveLength(1);
    expect(articles).toHaveLength(1);
    expect(highlights[0]!.tags).toEqual(['治理']);
    expect(articles[0]!.tags).toEqual([]);
    expect([...highlights, ...articles].some((record) => 'tagIds' in record || 'seq' in record)).toBe(false);
  });
});
