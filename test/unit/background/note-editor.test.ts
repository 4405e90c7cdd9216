/**
 * The note editor's one-time passes, through the background's handlers with the senders
 * Chrome reports: only a tab's content script gets a pass, for its own site's highlight;
 * only a frame in that tab can trade it, once; without one nothing is read or closed.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { backgroundHandlers } from '../../../lib/background/handlers';
import { openDatabase } from '../../../lib/db/database';
import type { GlossDatabase } from '../../../lib/model/database';
import { createHighlight } from '../../../lib/background/repository';
import type { HighlightRecord } from '../../../lib/model/records';
import { checkBackgroundRequest } from '../../../lib/messaging/contract';
import { createRouter, envelope } from '../../../lib/messaging/transport';
import { urlKey } from '../../../lib/url/normalize';
import { articleInput, newHighlight, uniqueDbName } from '../db/fixtures';

const VICTIM = 'https://victim.github.io/diary/2024-05-01.html';
const ext = 'chrome-extension://test-extension-id';
const pageAt = (url: string, tab = 3) => ({ id: 'test-extension-id', url, tab: { id: tab }, frameId: 0 }) as never;
const editorIn = (tab: number | undefined) =>
  ({ id: 'test-extension-id', url: `${ext}/note-editor.html#x`, ...(tab !== undefined && { tab: { id: tab } }), frameId: 7 }) as never;

let db: GlossDatabase;
let route: ReturnType<typeof createRouter>;
let note: HighlightRecord;
let closed: number[];

beforeEach(async () => {
  db = openDatabase(uniqueDbName());
  closed = [];
  route = createRouter(backgroundHandlers(db, { highlightsChanged: () => undefined, closePopover: (tab) => closed.push(tab) }), checkBackgroundRequest);
  note = await createHighlight(db, articleInput({ url: VICTIM, urlKey: urlKey(VICTIM)! }), newHighlight('屋场恳谈会', { note: 'private note' }));
});

afterEach(async () => {
  await db.delete();
});

const open = (sender: never, id = note.id) => route(envelope('noteEditor.open', { id, focus: 'note' }), sender) as Promise<{ ok: boolean; value?: { token: string }; error?: string }>;
const claim = (token: string, sender: never) => route(envelope('noteEditor.claim', { token }), sender) as Promise<{ ok: boolean; value?: { highlight: HighlightRecord }; error?: string }>;

it('gives the pass to its own page, and the highlight once to a frame in that tab', async () => {
  const opened = await open(pageAt(VICTIM));
  expect(opened.ok).toBe(true);
  const token = opened.value!.token;
  // A frame in another tab, or with no tab (a popup), gets nothing.
  expect(await claim(token, editorIn(4))).toMatchObject({ ok: false, error: expect.stringMatching(/not opened by Gloss/) });
  expect(await claim(token, editorIn(undefined))).toMatchObject({ ok: false });
  const first = await claim(token, editorIn(3));
  expect(first.ok).toBe(true);
  expect(first.value!.highlight.note).toBe('private note');
  // Once only: a page that learnt the pass and framed the editor itself gets nothing.
  expect(await claim(token, editorIn(3))).toMatchObject({ ok: false, error: expect.stringMatching(/not opened by Gloss/) });
  // Escape closes the popover of that tab; the pass then ends.
  expect(await route(envelope('noteEditor.close', { token }), editorIn(3))).toEqual({ ok: true, value: null });
  expect(closed).toEqual([3]);
  expect(await route(envelope('noteEditor.close', { token }), editorIn(3))).toMatchObject({ ok: false });
  expect(closed).toEqual([3]);
});

it('refuses a pass to a page of another site, to extension pages, and a made-up pass', async () => {
  expect(await open(pageAt('https://attacker.github.io/lure.html'))).toMatchObject({ ok: false, error: expect.stringMatching(/another site/) });
  expect(await open({ id: 'test-extension-id', url: `${ext}/popup.html` } as never)).toMatchObject({ ok: false });
  expect(await claim(crypto.randomUUID(), editorIn(3))).toMatchObject({ ok: false, error: expect.stringMatching(/not opened by Gloss/) });
  expect(await claim('not a pass', editorIn(3))).toMatchObject({ ok: false, error: expect.stringMatching(/Invalid pass/) });
  // A web page may not claim at all (only Gloss's own pages may).
  const token = (await open(pageAt(VICTIM))).value!.token;
  expect(await claim(token, pageAt(VICTIM))).toMatchObject({ ok: false, error: expect.stringMatching(/Gloss's own pages/) });
  expect((await claim(token, editorIn(3))).ok).toBe(true);
});
