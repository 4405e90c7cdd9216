/**
 * Hostile import files in the real extension: each one is picked in the options
 * page's restore panel. The safe outcome is read from the database, the message
 * from the panel, and a refusal must leave a checksum of every row of every
 * store unchanged.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from './harness';
import { paintedTexts, waitForPainted } from './highlight-helpers';
import { openExtensionPage, openPageWithExtension, readStoreIn, type PageSession } from './panel-helpers';

interface Article { id: string; url: string; urlKey: string; title: string; authors: unknown[]; publishedDate: string | null; text: string }
interface Highlight { id: string; articleId: string; urlKey: string; note: string; selectors: { quote: { exact: string } } }

const STORED_PASSAGE = '屋场恳谈会成功的关键是让群众把心里话说出来';
const NEW_PASSAGE = '感谢屋场恳谈会，解决了我们和周边6个组的土地权属纠纷';
const INJECTED_PASSAGE = '许多上访事件源于群众对政策不理解';
const DEEP = 100_000;

let session: PageSession;
let browser: Launched;
let backup: { articles: Record<string, unknown>[]; highlights: Record<string, unknown>[] } & Record<string, unknown>;

/** SHA-256 of every row of every store of the extension's database, read straight from IndexedDB. */
function checksum(ui: Page): Promise<string> {
  return ui.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('gloss');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const read = (request: IDBRequest) =>
      new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const rows: unknown[] = [];
    for (const name of [...db.objectStoreNames].sort()) {
      const store = db.transaction(name).objectStore(name);
      rows.push(name, await read(store.getAllKeys()), await read(store.getAll()));
    }
    db.close();
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(rows)));
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  });
}

/** Opens the options page, picks `content` as the file to restore, and returns what the panel then shows. */
async function pick(name: string, content: string): Promise<{ ui: Page; preview: string | null; status: string }> {
  const ui = await openExtensionPage(browser, 'options.html');
  await ui.waitForSelector('.backup-panel .restore-file');
  await ui.setInputFiles('.backup-panel .restore-file', { name, mimeType: 'application/json', buffer: Buffer.from(content) });
  await ui.waitForFunction(() => document.querySelector('.restore-preview') || document.querySelector('.backup-panel [role=status]')?.textContent);
  const preview = await ui.$('.restore-preview').then((e) => e?.textContent() ?? null);
  return { ui, preview, status: (await ui.textContent('.backup-panel [role=status]')) ?? '' };
}

async function applyPicked(ui: Page): Promise<void> {
  await ui.click('.restore-apply');
  await ui.waitForFunction(() => /Restored/.test(document.querySelector('.backup-panel [role=status]')?.textContent ?? ''));
}

/** Picks a file that must be refused: the message must match and the database must not change. */
async function expectRefused(name: string, content: string, message: RegExp): Promise<void> {
  const probe = await openExtensionPage(browser, 'popup.html');
  const before = await checksum(probe);
  const { ui, preview, status } = await pick(name, content);
  expect(preview).toBeNull();
  expect(status).toMatch(/^This file can't be restored\. /);
  expect(status).toMatch(message);
  expect(status).toMatch(/Nothing was changed\.$/);
  expect(await ui.$('.restore-apply')).toBeNull();
  expect(await checksum(probe)).toBe(before);
  await Promise.all([ui.close(), probe.close()]);
}

const annotation = (source: string, exact: string, note: string, target: Record<string, unknown> = {}) => ({
  type: 'Annotation',
  body: [{ type: 'TextualBody', value: note, purpose: 'commenting' }],
  target: { source, selector: [{ type: 'TextQuoteSelector', exact }], ...target },
});
const collection = (...items: unknown[]) =>
  JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: { type: 'AnnotationPage', items } });

async function stored(): Promise<{ articles: Article[]; highlights: Highlight[] }> {
  const ui = await openExtensionPage(browser, 'popup.html');
  const result = { articles: await readStoreIn<Article>(ui, 'articles'), highlights: await readStoreIn<Highlight>(ui, 'highlights') };
  await ui.close();
  return result;
}

beforeAll(async () => {
  session = await openPageWithExtension();
  browser = session.browser;
  await session.highlight(STORED_PASSAGE, 'green');
  const ui = await openExtensionPage(browser, 'options.html');
  await ui.waitForSelector('.backup-panel .backup-download');
  const [download] = await Promise.all([ui.waitForEvent('download'), ui.click('.backup-panel .backup-download')]);
  backup = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(backup.articles).toHaveLength(1);
  await ui.close();
});

afterAll(async () => {
  await session?.close();
});

describe('hostile import files', () => {
  it("a Web Annotation without dates for the annotated page adds its highlight and leaves the article's fields as stored", async () => {
    const before = await stored();
    const article = before.articles[0]!;
    expect(article.title).toBe('「小屋场」撬动基层治理「大能量」');
    expect(article.authors.length).toBeGreaterThan(0);
    const { ui, preview } = await pick('hypothesis.jsonld', collection(annotation(session.url, NEW_PASSAGE, 'from another tool')));
    expect(preview).toContain('Articles: 0 to add, 0 to update, 1 already there');
    expect(preview).toContain('Highlights: 1 to add, 0 to update, 0 already there');
    expect(preview).toContain('Nothing already stored will change.');
    await applyPicked(ui);
    const after = await stored();
    expect(after.articles).toEqual(before.articles);
    const added = after.highlights.find((h) => h.selectors.quote.exact === NEW_PASSAGE)!;
    expect(added).toMatchObject({ articleId: article.id, urlKey: article.urlKey, note: 'from another tool' });
    // The open tab repaints with the imported highlight on its passage.
    await waitForPainted(session.page, 2);
    expect(Object.values(await paintedTexts(session.page)).flat().sort()).toEqual([NEW_PASSAGE, STORED_PASSAGE].sort());
    await ui.close();
  });

  it.each([
    ['data:', 'data:text/html,<script>document.title="pwned"</script>'],
    ['javascript:', 'javascript:alert(document.domain)'],
  ])('a backup with a %s article address is refused, naming the field', async (_, url) => {
    const article = { ...backup.articles[0], id: 'hostile-article', url, urlKey: 'hostile.example/a', title: 'Open me' };
    const file = JSON.stringify({ ...backup, articles: [article], highlights: [], tags: [] });
    await expectRefused('backup.json', file, /articles\.0\.url: not a web page address \(only http: and https: are accepted\)/);
  });

  it('a Web Annotation of a data: page is left out, and the preview says so', async () => {
    const { ui, preview } = await pick('annotations.jsonld', collection(annotation('data:text/html,<h1>hi</h1>', 'hi', 'x')));
    expect(preview).toContain('1 annotations are left out: their page is not a web address (only http: and https: pages are accepted).');
    expect(preview).toContain('Highlights: 0 to add');
    await applyPicked(ui);
    expect((await stored()).articles.map((a) => a.url).filter((u) => !/^https?:/.test(u))).toEqual([]);
    await ui.close();
  });

  it("gloss:urlKey naming the annotated page does not put another page's note on it", async () => {
    const victim = (await stored()).articles.find((a) => a.url === session.url)!;
    const onVictim = (await stored()).highlights.filter((h) => h.urlKey === victim.urlKey).length;
    const elsewhere = `${session.server.origin}/elsewhere/page.html`;
    const hostile = annotation(elsewhere, INJECTED_PASSAGE, 'planted note', { 'gloss:urlKey': victim.urlKey, 'gloss:article': victim.id });
    const { ui, preview } = await pick('planted.jsonld', collection(hostile));
    expect(preview).toContain('Articles: 1 to add');
    await applyPicked(ui);
    const after = await stored();
    expect(after.highlights.filter((h) => h.urlKey === victim.urlKey)).toHaveLength(onVictim);
    const planted = after.highlights.find((h) => h.note === 'planted note')!;
    expect(planted.urlKey).toBe(new URL(elsewhere).host + '/elsewhere/page.html');
    expect(after.articles.find((a) => a.id === planted.articleId)!.url).toBe(elsewhere);
    // The victim page, reloaded, paints its own highlights and not the planted one.
    await session.page.reload();
    await waitForPainted(session.page, onVictim);
    expect(Object.values(await paintedTexts(session.page)).flat()).not.toContain(INJECTED_PASSAGE);
    await ui.close();
  });

  it.each([
    ['lists', `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`],
    ['a backup with \\u escapes', `{"format":"gloss-backup","note":"\\u0041","articles":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`],
  ])('a file of %s nested 100,000 levels deep is refused as nested too deeply', async (_, text) => {
    await expectRefused('deep.json', text, /The file is nested too deeply to be a backup or an annotation file\./);
  });

  it('a damaged backup is refused in plain words, naming the field', async () => {
    const { note: _note, ...noNote } = backup.highlights[0]!;
    await expectRefused('damaged.json', JSON.stringify({ ...backup, highlights: [noNote] }), /highlights\.0\.note: missing\)/);
    const badTime = { ...backup.highlights[0], createdAt: 'yesterday' };
    await expectRefused('damaged.json', JSON.stringify({ ...backup, highlights: [badTime] }), /highlights\.0\.createdAt: should be a number, not "yesterday"\)/);
  });
});
