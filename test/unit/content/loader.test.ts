// @vitest-environment happy-dom
/**
 * The content script's loader: one lookup on a page without highlights and nothing more; the session loads for a
 * page with highlights, for the user's own selection, and for a question from the popup or side panel.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startLoader, type LoaderRuntime, type StartSession } from '@/lib/content/loader';
import type { ContentSession } from '@/lib/content/session';
import { envelope } from '@/lib/messaging/transport';

type Listener = Parameters<LoaderRuntime['onMessage']['addListener']>[0];

function fakeRuntime(highlights: number, key = 'example.org/story') {
  const sent: string[] = [];
  let listener: Listener | null = null;
  const runtime: LoaderRuntime = {
    sendMessage: async (message) => {
      const { type } = message as { type: string };
      sent.push(type);
      return { ok: true, value: { key, highlights } };
    },
    onMessage: { addListener: (l) => void (listener = l), removeListener: () => void (listener = null) },
  };
  /** Delivers a message to the tab as the browser would, and resolves with what the loader answered. */
  const deliver = (type: string, data: unknown) =>
    new Promise((answer) => {
      expect(listener!(envelope(type, data), {}, answer)).toBe(true);
    });
  return { runtime, sent, deliver };
}

function fakeSession() {
  const calls: string[] = [];
  const session: ContentSession = {
    handlers: {
      'content.summary': () => (calls.push('summary'), { url: location.href } as never),
      'content.highlightSelection': () => ({ ok: false, reason: 'no-selection' }),
      'content.scrollTo': () => ({ ok: false }),
      'content.anchorStatus': () => ({ anchored: 0, fuzzy: 0, orphans: 0, highlights: [] }),
      'content.reattach': () => ({ ok: false }),
      'content.closePopover': () => (calls.push('closePopover'), null),
      'content.highlightsChanged': () => (calls.push('changed'), null),
    },
    selectionMade: (pointerDown) => void calls.push(`selection:${pointerDown}`),
    locationChanged: () => void calls.push('location'),
    stop: () => void calls.push('stop'),
  };
  const start = vi.fn<StartSession>(() => session);
  return { calls, load: vi.fn(async () => start), start };
}

const settle = () => new Promise((done) => setTimeout(done, 10));

function selectionChange(trusted: boolean) {
  const event = new Event('selectionchange');
  Object.defineProperty(event, 'isTrusted', { value: trusted });
  document.dispatchEvent(event);
}

beforeEach(() => {
  document.body.innerHTML = '<article><p>The river authority opened the new flood gates on Monday.</p></article>';
  getSelection()!.removeAllRanges();
});

describe('a page without highlights', () => {
  it('costs one lookup and never loads the session', async () => {
    const { runtime, sent } = fakeRuntime(0);
    const { load } = fakeSession();
    const loader = startLoader(window, runtime, load);
    await settle();
    expect(sent).toEqual(['page.status']);
    expect(load).not.toHaveBeenCalled();
    loader.stop();
  });

  it('loads the session for the user’s selection and hands it over, but not for a page’s synthetic event', async () => {
    const { runtime } = fakeRuntime(0);
    const { load, calls } = fakeSession();
    const loader = startLoader(window, runtime, load);
    await settle();
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('p')!);
    getSelection()!.addRange(range);
    selectionChange(false);
    await settle();
    expect(load).not.toHaveBeenCalled();
    selectionChange(true);
    selectionChange(true);
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(calls).toEqual(['selection:false']);
    loader.stop();
  });

  it('ignores an empty or collapsed selection', async () => {
    const { runtime } = fakeRuntime(0);
    const { load } = fakeSession();
    const loader = startLoader(window, runtime, load);
    selectionChange(true);
    await settle();
    expect(load).not.toHaveBeenCalled();
    loader.stop();
  });

  it('answers a broadcast for another page without loading, and looks again for its own page or for every page', async () => {
    const { runtime, sent, deliver } = fakeRuntime(0);
    const { load } = fakeSession();
    const loader = startLoader(window, runtime, load);
    await settle();
    expect(await deliver('content.highlightsChanged', { urlKey: 'other.org/page' })).toEqual({ ok: true, value: null });
    expect(await deliver('content.closePopover', null)).toEqual({ ok: true, value: null });
    await settle();
    expect(sent).toEqual(['page.status']);
    await deliver('content.highlightsChanged', { urlKey: 'example.org/story' });
    await deliver('content.highlightsChanged', { urlKey: null });
    await settle();
    expect(sent).toEqual(['page.status', 'page.status', 'page.status']);
    expect(load).not.toHaveBeenCalled();
    loader.stop();
  });

  it('loads the session for the popup’s question and routes it there', async () => {
    const { runtime, deliver } = fakeRuntime(0);
    const { load, calls } = fakeSession();
    const loader = startLoader(window, runtime, load);
    expect(await deliver('content.summary', null)).toEqual({ ok: true, value: { url: location.href } });
    expect(await deliver('content.closePopover', null)).toEqual({ ok: true, value: null });
    expect(calls).toEqual(['summary', 'closePopover']);
    expect(load).toHaveBeenCalledTimes(1);
    loader.stop();
    await settle();
    expect(calls).toContain('stop');
  });
});

describe('a page with highlights', () => {
  it('loads the session once, at start, with the loader’s address watch', async () => {
    const { runtime } = fakeRuntime(2);
    const { load, start } = fakeSession();
    const loader = startLoader(window, runtime, load);
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(start.mock.calls[0]![1].addressWatch).toBeDefined();
    loader.stop();
  });

  it('tries again on the next trigger when the session failed to load', async () => {
    const { runtime, deliver } = fakeRuntime(0);
    const { start } = fakeSession();
    const load = vi.fn<() => Promise<StartSession>>().mockRejectedValueOnce(new Error('extension reloaded')).mockResolvedValue(start);
    const loader = startLoader(window, runtime, load);
    expect(await deliver('content.summary', null)).toEqual({ ok: false, error: 'extension reloaded' });
    expect(await deliver('content.summary', null)).toMatchObject({ ok: true });
    expect(load).toHaveBeenCalledTimes(2);
    loader.stop();
  });
});
