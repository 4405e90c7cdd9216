/**
 * The part of the content script every page pays for. It asks the background whether the page has highlights and
 * loads the rest of Gloss (detection, painting, the in-page UI) only when it has, when the user selects text, or
 * when the popup, side panel or a command asks the tab something. It answers every message of the tab, so the
 * rest of Gloss never registers a listener of its own.
 *
 * It runs without the `browser` polyfill (that alone would be most of its weight): it takes the browser's own
 * runtime, whose sendMessage returns a promise in Chrome's MV3 and in Firefox, and answers with sendResponse.
 */
import type { PageStatus, SessionProtocol } from '@/lib/messaging/protocol';
import { createRouter, envelope, isEnvelope, request, type Envelope } from '@/lib/messaging/transport';
import { watchLocation } from './location-watch';
import { PageAddressWatch } from './page-address';
import type { ContentSession, SessionOptions } from './session';

type Listener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean | undefined;

export interface LoaderRuntime {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(listener: Listener): void; removeListener(listener: Listener): void };
}

export type StartSession = (win: Window, options: SessionOptions) => ContentSession;

export interface Loader {
  /** The full session, loaded now if it was not yet. */
  session(): Promise<ContentSession>;
  stop(): void;
}

type Handled = Envelope & { type: keyof SessionProtocol };

export function startLoader(win: Window, runtime: LoaderRuntime, loadSession: () => Promise<StartSession>): Loader {
  const doc = win.document;
  const addressWatch = new PageAddressWatch();
  let key: string | null = null;
  let pointerDown = false;
  /** When the user last selected text here (null: no selection now), for the popup to find the frame to act in. */
  let selectedAt: number | null = null;
  let stopped = false;
  let loading: Promise<{ session: ContentSession; route: ReturnType<typeof createRouter<SessionProtocol>> }> | null = null;

  const load = () =>
    (loading ??= loadSession().then(
      (start) => {
        const session = start(win, { addressWatch });
        if (stopped) session.stop();
        return { session, route: createRouter(session.handlers) };
      },
      (error: unknown) => {
        loading = null; // a later trigger tries again
        throw error;
      },
    ));

  const lookAtPage = async () => {
    if (loading) return;
    try {
      const claims = addressWatch.claims(doc);
      const status = await request<PageStatus>(() => runtime.sendMessage(envelope('page.status', claims)), 'page.status', true);
      key = status.key;
      if (status.highlights > 0 && !stopped) await load();
    } catch (error) {
      console.debug('Gloss: could not look up this page', error);
    }
  };

  // Only the user's own input loads the rest: a page's dispatchEvent makes events with isTrusted false.
  const onPointer = (event: PointerEvent) => {
    if (event.isTrusted) pointerDown = event.type === 'pointerdown';
  };
  const onSelectionChange = (event: Event) => {
    if (!event.isTrusted) return;
    const selection = win.getSelection();
    // No isCollapsed test: a selection inside a shadow root reads as collapsed at its host (Chromium), text and all.
    if (!selection || !selection.toString().trim()) {
      selectedAt = null;
      return;
    }
    selectedAt = Date.now();
    if (loading) return;
    void load()
      // A selection still being dragged settles on pointerup, which the session now hears itself.
      .then(({ session }) => session.selectionMade(pointerDown))
      .catch((error: unknown) => console.debug('Gloss: could not start', error));
  };

  /** Messages that need no session while none runs; null: load the session and let it answer. */
  const answerWithoutSession = (message: Handled): Promise<unknown> | null => {
    if (message.type === 'content.closePopover') return Promise.resolve(null);
    if (message.type === 'content.highlightsChanged') {
      const changed = (message.data as { urlKey?: unknown } | null)?.urlKey;
      if (changed === null || changed === key) void lookAtPage();
      return Promise.resolve(null);
    }
    return null;
  };

  const onMessage: Listener = (message, sender, sendResponse) => {
    if (!isEnvelope(message)) return undefined;
    if (message.type === 'content.selection') {
      // A selection the page script made (or one that is gone) does not count: only the user's, seen above.
      const live = win.getSelection();
      sendResponse({ ok: true, value: { selectedAt: live?.toString().trim() ? selectedAt : null } });
      return undefined;
    }
    const withoutSession = loading ? null : answerWithoutSession(message as Handled);
    const reply = withoutSession
      ? withoutSession.then((value) => ({ ok: true, value }))
      : load().then(({ route }) => route(message, sender as never));
    reply.then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }));
    return true;
  };

  const options = { capture: true, passive: true } as const;
  doc.addEventListener('pointerdown', onPointer, options);
  doc.addEventListener('pointerup', onPointer, options);
  doc.addEventListener('selectionchange', onSelectionChange, options);
  runtime.onMessage.addListener(onMessage);
  const stopWatching = watchLocation(win, () => {
    if (loading) void loading.then(({ session }) => session.locationChanged());
    else void lookAtPage();
  });
  void lookAtPage();

  return {
    session: () => load().then(({ session }) => session),
    stop() {
      stopped = true;
      stopWatching();
      doc.removeEventListener('pointerdown', onPointer, options);
      doc.removeEventListener('pointerup', onPointer, options);
      doc.removeEventListener('selectionchange', onSelectionChange, options);
      runtime.onMessage.removeListener(onMessage);
      void loading?.then(({ session }) => session.stop()).catch(() => undefined);
    },
  };
}
