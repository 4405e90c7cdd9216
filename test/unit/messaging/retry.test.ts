import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers } from '../../../lib/background/handlers';
import { openDatabase } from '../../../lib/db/database';
import type { GlossDatabase } from '../../../lib/model/database';
import { askBackground, DeliveryError, RefusedError } from '../../../lib/messaging';
import { checkBackgroundRequest } from '../../../lib/messaging/contract';
import { RETRY_SAFE } from '../../../lib/messaging/retry-safe';
import { createRouter, RETRY_DELAYS_MS } from '../../../lib/messaging/transport';
import { articleInput, newHighlight, uniqueDbName } from '../db/fixtures';

/** What Chrome says when an MV3 worker stopped before it answered, or was not up yet. */
const PORT_CLOSED = 'The message port closed before a response was received.';
const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

/** The side panel: an extension page, which may send every message. */
const PANEL = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/sidepanel.html' };
const { url, urlKey: _key, ...article } = articleInput();
const createRequest = (highlight: ReturnType<typeof newHighlight>) => ({ article, address: { location: url }, highlight });

let db: GlossDatabase;
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await db?.delete();
});

/** A sendMessage to the real background handlers; `lose(n)` decides, per call, to drop the answer after acting. */
function backgroundWithLostAnswers(lose: (call: number) => 'answer' | 'lose-after-acting' | 'not-running') {
  db = openDatabase(uniqueDbName());
  const route = createRouter(backgroundHandlers(db), checkBackgroundRequest);
  let calls = 0;
  const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    const fate = lose(calls++);
    if (fate === 'not-running') throw new Error(NO_RECEIVER);
    const reply = await route(message, PANEL as never);
    if (fate === 'lose-after-acting') throw new Error(PORT_CLOSED);
    return reply;
  }) as never);
  return send;
}

describe('askBackground when the worker stops', () => {
  it('sends a create again after its answer was lost, and gets the one stored record back', async () => {
    const send = backgroundWithLostAnswers((call) => (call === 0 ? 'lose-after-acting' : 'answer'));
    const highlight = newHighlight('屋场恳谈会');
    const record = await askBackground('highlight.create', createRequest(highlight));
    expect(send).toHaveBeenCalledTimes(2);
    expect(record).toMatchObject({ id: highlight.id, selectors: { quote: { exact: '屋场恳谈会' } } });
    expect(await db.highlights.count()).toBe(1);
    expect((await db.highlights.toArray())[0]!.id).toBe(highlight.id);
  });

  it('waits for a worker that is starting again (no receiver yet)', async () => {
    const send = backgroundWithLostAnswers((call) => (call < 2 ? 'not-running' : 'answer'));
    expect(await askBackground('stats.get', null)).toEqual({ articles: 0, highlights: 0, tags: 0 });
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('never repeats a request that is not safe to repeat', async () => {
    expect(Object.hasOwn(RETRY_SAFE, 'tags.rename')).toBe(false);
    const send = backgroundWithLostAnswers(() => 'lose-after-acting');
    const failure = askBackground('tags.rename', { name: 'a', newName: 'b' });
    await expect(failure).rejects.toBeInstanceOf(DeliveryError);
    await expect(failure).rejects.toMatchObject({ kind: 'lost' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gives up after a short, bounded series of attempts', async () => {
    vi.useFakeTimers();
    const send = backgroundWithLostAnswers(() => 'not-running');
    const failure = askBackground('stats.get', null);
    const settled = failure.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS.reduce((a, b) => a + b, 0));
    expect(await settled).toBeInstanceOf(DeliveryError);
    expect(send).toHaveBeenCalledTimes(RETRY_DELAYS_MS.length + 1);
    expect(RETRY_DELAYS_MS.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5000);
  });

  it('does not repeat a request the background refused, nor one from a page whose Gloss was reloaded', async () => {
    const send = backgroundWithLostAnswers(() => 'answer');
    await expect(askBackground('highlight.delete', { id: '' })).rejects.toBeInstanceOf(RefusedError);
    expect(send).toHaveBeenCalledTimes(1);
    send.mockImplementation((async () => {
      throw new Error('Extension context invalidated.');
    }) as never);
    await expect(askBackground('stats.get', null)).rejects.toMatchObject({ kind: 'reloaded' });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('refuses a create whose id is not a UUID', async () => {
    backgroundWithLostAnswers(() => 'answer');
    const highlight = newHighlight('屋场恳谈会', { id: 'short' });
    await expect(askBackground('highlight.create', createRequest(highlight))).rejects.toThrow(
      /Invalid highlight: id: A highlight id must be a UUID/,
    );
    expect(await db.highlights.count()).toBe(0);
  });
});
