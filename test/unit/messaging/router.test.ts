import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers } from '../../../lib/background/handlers';
import { openDatabase } from '../../../lib/db/database';
import { createRouter, envelope } from '../../../lib/messaging/transport';
import { askBackground } from '../../../lib/messaging';
import { checkBackgroundRequest } from '../../../lib/messaging/contract';
import { articleInput, newHighlight, storedHighlight, uniqueDbName } from '../db/fixtures';

/** The side panel (an extension page), and the content script of the article's tab. */
const sender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/sidepanel.html' };
const contentSender = { id: 'test-extension-id', url: articleInput().url, tab: { id: 7 } } as never;
const { url, urlKey, ...description } = articleInput();
const createRequest = (overrides: { article?: object; location?: string } = {}) => ({
  article: { ...description, ...overrides.article },
  address: { location: overrides.location ?? url, canonical: null, ogUrl: null },
  highlight: newHighlight(),
});

describe('message router', () => {
  it('ignores messages that are not Gloss envelopes', () => {
    const route = createRouter({ 'stats.get': () => ({ articles: 0, highlights: 0, tags: 0 }) } as never);
    expect(route({ type: 'stats.get' }, sender)).toBeUndefined();
    expect(route('hello', sender)).toBeUndefined();
  });

  it('answers unknown types and thrown errors with an error reply, never a rejection', async () => {
    const route = createRouter({ boom: () => { throw new Error('kaput'); } } as never);
    expect(await route(envelope('boom', null), sender)).toEqual({ ok: false, error: 'kaput' });
    expect(await route(envelope('toString', null), sender)).toEqual({ ok: false, error: 'Unknown message type: toString' });
  });

  it('stores a highlight sent by a content script and answers the page query', async () => {
    const db = openDatabase(uniqueDbName());
    const route = createRouter(backgroundHandlers(db), checkBackgroundRequest);
    const created = await route(envelope('highlight.create', createRequest()), contentSender);
    expect(created).toMatchObject({ ok: true, value: { color: 'yellow', status: 'anchored', urlKey } });
    const page = await route(envelope('annotations.forPage', { location: url }), contentSender);
    expect(page).toMatchObject({ ok: true, value: { address: { url, key: urlKey }, highlights: [{ selectors: { quote: { exact: '屋场恳谈会' } } }] } });
    await db.delete();
  });

  it('rejects hostile or malformed input before writing anything', async () => {
    const db = openDatabase(uniqueDbName());
    const route = createRouter(backgroundHandlers(db), checkBackgroundRequest);
    const cases: [string, unknown][] = [
      ['http(s)', createRequest({ location: 'javascript:alert(1)' })],
      ['article.title', createRequest({ article: { title: 'x'.repeat(10_001) } })],
      ['highlight.color', { ...createRequest(), highlight: newHighlight('x', { color: '<img src=x onerror=alert(1)>' }) }],
      ['highlight.selectors.quote.exact', { ...createRequest(), highlight: newHighlight('') }],
      ['article', { address: createRequest().address, highlight: newHighlight() }],
      ['page address', { article: description, highlight: newHighlight() }],
      ['highlight.tags', { ...createRequest(), highlight: newHighlight('x', { tags: Array(101).fill('t') }) }],
    ];
    for (const [field, data] of cases) {
      const reply = await route(envelope('highlight.create', data), sender);
      expect(reply, field).toMatchObject({ ok: false });
      expect((reply as { error: string }).error, field).toContain(field.includes('.') ? field.split('.').slice(1).join('.') : field);
    }
    expect(await db.highlights.count()).toBe(0);
    expect(await db.articles.count()).toBe(0);
    await db.delete();
  });

  it('restores a deleted highlight and reports every change to the page', async () => {
    const db = openDatabase(uniqueDbName());
    const changedKeys: (string | null)[] = [];
    const route = createRouter(backgroundHandlers(db, { highlightsChanged: (key) => changedKeys.push(key) }), checkBackgroundRequest);
    const created = (await route(envelope('highlight.create', createRequest()), sender)) as {
      value: { id: string };
    };
    const deleted = (await route(envelope('highlight.delete', { id: created.value.id }), sender)) as { value: object };
    expect(await db.highlights.count()).toBe(0);
    expect(await route(envelope('highlight.restore', { highlight: deleted.value }), sender)).toEqual({ ok: true, value: null });
    expect(await storedHighlight(db, created.value.id)).toEqual(deleted.value);
    expect(changedKeys).toEqual(Array(3).fill(articleInput().urlKey));
    const hostile = { ...deleted.value, id: 'other', __proto__: { polluted: true }, status: 'bogus' };
    expect(await route(envelope('highlight.restore', { highlight: hostile }), sender)).toMatchObject({ ok: false });
    await db.delete();
  });

  it('applies article corrections and refuses fields that are not correctable', async () => {
    const db = openDatabase(uniqueDbName());
    const route = createRouter(backgroundHandlers(db), checkBackgroundRequest);
    const created = (await route(envelope('highlight.create', createRequest()), sender)) as {
      value: { articleId: string };
    };
    const id = created.value.articleId;
    const corrected = await route(envelope('article.correct', { id, correction: { title: '新标题' } }), sender);
    expect(corrected).toMatchObject({ ok: true, value: { title: '新标题', userEdited: ['title'] } });
    expect(await route(envelope('article.correct', { id, correction: { text: 'rewritten proof' } }), sender)).toMatchObject({ ok: false });
    expect((await db.articles.get(id))?.text).toBe(articleInput().text);
    await db.delete();
  });

  it('carries requests over browser.runtime messaging and unwraps replies', async () => {
    const db = openDatabase(uniqueDbName());
    const route = createRouter(backgroundHandlers(db), checkBackgroundRequest);
    // fakeBrowser drops answers given as Promises, so route sendMessage straight to the router.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) => route(message, sender)) as never);
    expect(await askBackground('stats.get', null)).toEqual({ articles: 0, highlights: 0, tags: 0 });
    await expect(askBackground('highlight.delete', { id: '' })).rejects.toThrow(/Invalid id/);
    await db.delete();
  });
});
