/**
 * The background's answers to content scripts, called directly with the senders Chrome
 * would report: a web page gets only its own site's highlights, whatever it claims.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backgroundHandlers } from '../../../lib/background/handlers';
import { classifySender } from '../../../lib/background/sender';
import { openDatabase } from '../../../lib/db/database';
import type { GlossDatabase } from '../../../lib/model/database';
import { createHighlight } from '../../../lib/background/repository';
import type { HighlightRecord } from '../../../lib/model/records';
import type { ArticleDescription, BackgroundProtocol, Handlers } from '../../../lib/messaging';
import { urlKey } from '../../../lib/url/normalize';
import { articleInput, newHighlight, storedHighlight, uniqueDbName } from '../db/fixtures';
import { throughRouter } from './through-router';

const VICTIM = 'https://victim.github.io/diary/2024-05-01.html';
const ATTACKER = 'https://attacker.github.io/lure.html';
const panel = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/sidepanel.html' } as never;
const pageAt = (url: string) => ({ id: 'test-extension-id', url, tab: { id: 3 }, frameId: 0 }) as never;
const { url: _url, urlKey: _key, ...description } = articleInput();
/**
 * An article as a content script sends it. `claimed` is the address a page would put in it
 * (the canonical it names): the background must ignore it and use the sender's own page.
 */
const article = (title: string, claimed: string): ArticleDescription =>
  ({ ...description, title, url: claimed, urlKey: urlKey(claimed) }) as ArticleDescription;
const claims = (location: string, canonical: string | null = null, ogUrl: string | null = canonical) => ({ location, canonical, ogUrl });

let db: GlossDatabase;
let handlers: Handlers<BackgroundProtocol>;
let victimNote: HighlightRecord;

beforeEach(async () => {
  db = openDatabase(uniqueDbName());
  handlers = backgroundHandlers(db);
  victimNote = await createHighlight(
    db,
    articleInput({ url: VICTIM, urlKey: urlKey(VICTIM)!, title: 'Victim diary' }),
    newHighlight('屋场恳谈会', { note: 'private note', tags: ['a', 'c'] }),
  );
});

afterEach(async () => {
  await db.delete();
});

const stored = async () => (await db.highlights.toArray()).map((h) => [h.urlKey, h.note, h.color]);

describe('reading: the background resolves the page from the sender, never from what the page claims', () => {
  it('answers an attacker page whose canonical and og:url name the victim with its own, empty, page', async () => {
    const reply = await handlers['annotations.forPage'](claims(ATTACKER, VICTIM), pageAt(ATTACKER));
    expect(reply).toEqual({ address: { url: ATTACKER, key: 'attacker.github.io/lure.html' }, articles: [], highlights: [] });
  });

  it('ignores a location claim on another origin and uses the frame’s real URL', async () => {
    const reply = await handlers['annotations.forPage'](claims(VICTIM), pageAt(ATTACKER));
    expect(reply.address.key).toBe('attacker.github.io/lure.html');
    expect(reply.highlights).toEqual([]);
  });

  it('takes a same-origin location claim (a pushState the browser has not reported yet)', async () => {
    const reply = await handlers['annotations.forPage'](claims(VICTIM), pageAt('https://victim.github.io/diary/'));
    expect(reply.address.key).toBe('victim.github.io/diary/2024-05-01.html');
    expect(reply.highlights.map((h) => h.note)).toEqual(['private note']);
  });

  it('follows a canonical within the same registrable domain (www page, canonical without www)', async () => {
    const reply = await handlers['annotations.forPage'](
      claims('https://www.example.co.uk/news/1?utm_source=x', 'https://example.co.uk/news/1'),
      pageAt('https://www.example.co.uk/news/1?utm_source=x'),
    );
    expect(reply.address).toEqual({ url: 'https://example.co.uk/news/1', key: 'example.co.uk/news/1' });
  });

  it('refuses to let a web page name a key; an extension page may read any', async () => {
    await expect(handlers['annotations.forPage']({ urlKey: victimNote.urlKey }, pageAt(ATTACKER))).rejects.toThrow(
      /web page cannot choose which page's highlights it reads/,
    );
    const panelView = await handlers['annotations.forPage']({ urlKey: victimNote.urlKey }, panel);
    expect(panelView.highlights.map((h) => h.note)).toEqual(['private note']);
    expect(panelView.address).toEqual({ url: VICTIM, key: victimNote.urlKey });
  });

  it('answers a malformed page query with a plain error', async () => {
    await expect(throughRouter(handlers)('annotations.forPage', 'victim', pageAt(ATTACKER))).rejects.toThrow(
      /Invalid page address/,
    );
  });

  it('resolves a page’s address for its summary the same way', async () => {
    expect(await handlers['address.resolve'](claims(ATTACKER, VICTIM), pageAt(ATTACKER))).toEqual({
      url: ATTACKER,
      key: 'attacker.github.io/lure.html',
    });
  });
});

describe('creating: the article address is recomputed from the sender', () => {
  it('stores an attacker’s highlight under the attacker’s page and leaves the victim’s article alone', async () => {
    const record = await handlers['highlight.create'](
      { article: article('Overwritten?', VICTIM), address: claims(ATTACKER, VICTIM), highlight: newHighlight('屋场恳谈会') },
      pageAt(ATTACKER),
    );
    expect(record.urlKey).toBe('attacker.github.io/lure.html');
    const articles = (await db.articles.toArray()).sort((a, b) => a.title.localeCompare(b.title));
    expect(articles.map((a) => [a.urlKey, a.url, a.title])).toEqual([
      ['attacker.github.io/lure.html', ATTACKER, 'Overwritten?'],
      ['victim.github.io/diary/2024-05-01.html', VICTIM, 'Victim diary'],
    ]);
  });

  it('ignores an address smuggled inside the article description', async () => {
    const record = await handlers['highlight.create'](
      { article: article('x', VICTIM), address: claims(ATTACKER), highlight: newHighlight('屋场恳谈会') },
      pageAt(ATTACKER),
    );
    expect(record.urlKey).toBe('attacker.github.io/lure.html');
    expect((await db.articles.get(record.articleId))?.url).toBe(ATTACKER);
  });
});

describe('changing by id: a web page touches only its own site’s highlights', () => {
  it('refuses update, delete and restore of the victim’s highlight from another github.io site', async () => {
    const from = pageAt(ATTACKER);
    const otherSite = /belongs to a page on another site/;
    await expect(handlers['highlight.update']({ id: victimNote.id, patch: { note: 'pwned' } }, from)).rejects.toThrow(otherSite);
    await expect(handlers['highlight.delete']({ id: victimNote.id }, from)).rejects.toThrow(otherSite);
    await expect(handlers['highlight.restore']({ highlight: { ...victimNote, note: 'pwned' } }, from)).rejects.toThrow(otherSite);
    expect(await stored()).toEqual([[victimNote.urlKey, 'private note', 'yellow']]);
  });

  it('refuses a restore that would overwrite another site’s highlight or join another site’s article', async () => {
    const from = pageAt(ATTACKER);
    const own = await handlers['highlight.create'](
      { article: article('Lure', ATTACKER), address: claims(ATTACKER), highlight: newHighlight('屋场恳谈会') },
      from,
    );
    // Own key, but the victim's id: would replace the victim's record.
    await expect(handlers['highlight.restore']({ highlight: { ...own, id: victimNote.id } }, from)).rejects.toThrow(/another site/);
    // Own key and a fresh id, but the victim's article.
    await expect(handlers['highlight.restore']({ highlight: { ...own, id: 'fresh', articleId: victimNote.articleId } }, from)).rejects.toThrow(
      /its article is not on this page/,
    );
    expect((await db.highlights.get(victimNote.id))?.note).toBe('private note');
    expect(await db.highlights.get('fresh')).toBeUndefined();
  });

  it('lets the victim’s own pages (www and mobile hosts of the same site too) edit, delete and undo', async () => {
    const updated = await handlers['highlight.update']({ id: victimNote.id, patch: { note: 'edited' } }, pageAt('https://victim.github.io/other'));
    expect(updated.note).toBe('edited');
    const deleted = await handlers['highlight.delete']({ id: victimNote.id }, pageAt(VICTIM));
    expect(deleted?.note).toBe('edited');
    await handlers['highlight.restore']({ highlight: deleted! }, pageAt(VICTIM));
    expect(await storedHighlight(db, victimNote.id)).toEqual(deleted);

    const onCoUk = await handlers['highlight.create'](
      { article: article('UK', 'https://www.example.co.uk/a'), address: claims('https://www.example.co.uk/a'), highlight: newHighlight('屋场恳谈会') },
      pageAt('https://www.example.co.uk/a'),
    );
    expect((await handlers['highlight.update']({ id: onCoUk.id, patch: { color: 'blue' } }, pageAt('https://m.example.co.uk/a'))).color).toBe('blue');
    await expect(handlers['highlight.update']({ id: onCoUk.id, patch: { color: 'red' } }, pageAt('https://other.co.uk/a'))).rejects.toThrow(
      /another site/,
    );
  });

  it('keeps localhost apps on different ports apart', async () => {
    const app = 'http://localhost:3000/notes';
    const own = await handlers['highlight.create'](
      { article: article('App', app), address: claims(app), highlight: newHighlight('屋场恳谈会') },
      pageAt(app),
    );
    await expect(handlers['highlight.delete']({ id: own.id }, pageAt('http://localhost:4000/'))).rejects.toThrow(/another site/);
    expect(await handlers['highlight.delete']({ id: own.id }, pageAt('http://localhost:3000/other'))).toMatchObject({ id: own.id });
  });

  it('lets the side panel change any highlight', async () => {
    expect((await handlers['highlight.update']({ id: victimNote.id, patch: { note: 'from the panel' } }, panel)).note).toBe('from the panel');
  });
});

describe('messages a content script never needs are refused for web pages', () => {
  it('refuses library, tag, topic, stats and correction messages with a plain error', async () => {
    const from = pageAt(VICTIM);
    const refusals: [keyof BackgroundProtocol, unknown][] = [
      ['tags.list', null],
      ['tags.rename', { name: 'a', newName: 'b' }],
      ['tags.delete', { name: 'c' }],
      ['stats.get', null],
      ['topics.forArticle', { articleId: victimNote.articleId }],
      ['topics.forHighlight', { highlightId: victimNote.id }],
      ['article.correct', { id: victimNote.articleId, correction: { title: 'pwned' } }],
    ];
    for (const [type, data] of refusals) {
      const call = handlers[type] as (data: unknown, sender: never) => Promise<unknown>;
      await expect(Promise.resolve().then(() => call(data, from)), type).rejects.toThrow(`"${type}" is for Gloss's own pages`);
      await expect(Promise.resolve().then(() => call(data, panel)), type).resolves.toBeDefined();
    }
  });

  it('answers the in-page UI’s strings', async () => {
    expect(await handlers['i18n.catalog']({ locale: 'en' }, pageAt(ATTACKER))).toBeTypeOf('object');
  });

  it('refuses senders that are neither Gloss’s pages nor web pages', () => {
    expect(() => classifySender({} as never)).toThrow(/only its own pages and the web pages it runs on/);
    expect(() => classifySender({ url: 'chrome-extension://another-extension/x.html' } as never)).toThrow(/only its own pages/);
    expect(() => classifySender({ url: 'file:///home/me/page.html' } as never)).toThrow(/only its own pages/);
    expect(classifySender({ url: 'chrome-extension://test-extension-id/popup.html' } as never)).toEqual({ kind: 'extension' });
  });

  it('takes an inline frame for a page of its origin, and refuses a sandboxed one', () => {
    const srcdoc = classifySender({ url: 'about:srcdoc', origin: 'https://news.example.com' } as never);
    expect(srcdoc.kind === 'page' && srcdoc.url.href).toBe('https://news.example.com/');
    const blank = classifySender({ url: 'about:blank', origin: 'http://127.0.0.1:8080' } as never);
    expect(blank.kind === 'page' && blank.url.origin).toBe('http://127.0.0.1:8080');
    expect(() => classifySender({ url: 'about:srcdoc', origin: 'null' } as never)).toThrow(/only its own pages/);
    expect(() => classifySender({ url: 'about:srcdoc' } as never)).toThrow(/only its own pages/);
    // Only about: frames fall back to the origin: a data: document is refused whatever origin is reported.
    expect(() => classifySender({ url: 'data:text/html,x', origin: 'https://news.example.com' } as never)).toThrow(/only its own pages/);
  });
});
