/**
 * The content script's state for one page: its highlights (anchored, painted,
 * watched), the in-page UI, and its answers to the extension's messages.
 * All storage goes through the background.
 */
import type { Handlers, HighlightSelectionResult, SessionProtocol } from '@/lib/messaging';
import { colorOf } from '@/lib/highlight';
import { DEFAULT_SETTINGS, isSiteDisabled, loadSettings, onSettingsChanged, type Settings } from '@/lib/settings';
import { detectedStories } from './articles';
import { closedFrames } from './closed-frames';
import { PageDetection, type Detect } from './detection';
import { listenToPage, type PageListening } from './interaction';
import { watchLateContent } from './late-content';
import type { PageAddressWatch } from './page-address';
import { PageHighlights, type ContentBackend } from './page-highlights';
import { highlightableSelection, unreadableSelection } from './selection';
import { UiController } from './ui-state';

/** Mounts the shadow-root UI; supplied by the entrypoint so lib stays free of components. */
export type MountUi = (doc: Document, ui: UiController) => { isOwnUi(event: Event): boolean; unmount(): void };

export interface ContentSession {
  handlers: Handlers<SessionProtocol>;
  /** The user selected text before the session started (the loader saw it): show the toolbar for it. */
  selectionMade(pointerDown: boolean): void;
  /** The page's URL changed without a reload (SPA navigation). */
  locationChanged(): void;
  stop(): void;
}

export interface SessionOptions {
  backend?: ContentBackend;
  /** Structure detection (a counting stand-in in benchmarks). */
  detect?: Detect;
  addressWatch?: PageAddressWatch;
}

const CHANGE_DEBOUNCE_MS = 250;

export function startContentSession(win: Window, mount: MountUi, options: SessionOptions = {}): ContentSession {
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  const doc = win.document;
  const detection = new PageDetection(doc, options.detect);
  const highlights = new PageHighlights(win, { backend: options.backend, detection, addressWatch: options.addressWatch });
  const ui = new UiController(highlights, win);
  let mounted: ReturnType<MountUi> | null = null;
  const mountUi = () => {
    mounted ??= mount(doc, ui);
  };
  const isOwnUi = (event: Event) => mounted?.isOwnUi(event) ?? false;
  const late = watchLateContent(win, highlights);
  let listening: PageListening | null = null;
  let disabled = false;
  // The bucket bar appears with the first highlight; pages without any get no UI at all.
  const unsubscribe = highlights.subscribe(() => {
    if (highlights.list().length) mountUi();
  });

  const load = () =>
    disabled
      ? Promise.resolve()
      : highlights
          .load()
          .then(() => late.restart())
          .catch((error: unknown) => console.debug('Gloss: could not load highlights', error));
  // Sites the user switched Gloss off for get no toolbar and no painting. Listening starts at once
  // (settings arrive a moment later) so a selection made meanwhile is not missed.
  let loaded = false;
  const applySettings = (settings: Settings) => {
    ui.applySettings(settings);
    disabled = isSiteDisabled(settings, highlights.scope.addressDoc.location.hostname);
    if (disabled) {
      listening?.stop();
      listening = null;
      ui.hideToolbar();
      ui.closePopover();
      highlights.reset();
      loaded = false;
      return;
    }
    listening ??= listenToPage(win, ui, mountUi, isOwnUi);
    if (!loaded) {
      loaded = true;
      void load();
    }
  };
  listening = listenToPage(win, ui, mountUi, isOwnUi);
  void loadSettings()
    .catch(() => DEFAULT_SETTINGS)
    .then(applySettings);
  const stopSettings = onSettingsChanged(applySettings);

  return {
    handlers: {
      'content.summary': async () => {
        const address = await highlights.address().catch(() => null);
        return {
          url: address?.url ?? doc.URL,
          urlKey: address?.key ?? null,
          title: doc.title,
          lang: doc.documentElement.lang || null,
          highlightCount: highlights.list().length,
          ...detectedStories(detection.current(), highlights.scope.storyPrefix),
          closedFrames: closedFrames(doc),
        };
      },
      'content.highlightSelection': async ({ color } = {}): Promise<HighlightSelectionResult> => {
        // The live selection first: the toolbar's range can be an earlier selection's while the debounced
        // selection check has not caught up (a request right after a new selection, or after a slow save).
        const range = highlightableSelection(win) ?? ui.state.toolbar?.range ?? null;
        if (!range) return { ok: false, reason: unreadableSelection(win) ? 'unreadable' : 'no-selection' };
        if (disabled) return { ok: false, reason: 'not-annotatable' };
        ui.hideToolbar();
        mountUi(); // for the "Saved" or the error it says
        const result = await ui.save(range, color ? colorOf(color).id : ui.defaultColor);
        if (result.ok) win.getSelection()?.removeAllRanges();
        return result;
      },
      'content.scrollTo': async ({ highlightId }) => {
        if (highlights.scrollTo(highlightId)) return { ok: true };
        // Just restored (undo) or made elsewhere, and not loaded here yet: load once and try again.
        await highlights.load().catch(() => undefined);
        return { ok: highlights.scrollTo(highlightId) };
      },
      'content.anchorStatus': () => highlights.report(),
      'content.reattach': async ({ highlightId }) => {
        const range = highlightableSelection(win) ?? ui.state.toolbar?.range ?? null;
        if (!range) return { ok: false };
        ui.hideToolbar();
        const ok = await highlights.reattach(highlightId, range);
        if (ok) win.getSelection()?.removeAllRanges();
        return { ok };
      },
      'content.closePopover': () => {
        ui.closePopover();
        return null;
      },
      'content.highlightsChanged': ({ urlKey }) => {
        // Our own saves come back here too (one per saved status): coalesce them into one reload,
        // which only anchors what is not painted yet.
        if (urlKey === null || urlKey === highlights.pageKey()) {
          clearTimeout(reloadTimer);
          reloadTimer = setTimeout(() => void highlights.load().catch(() => undefined), CHANGE_DEBOUNCE_MS);
        }
        return null;
      },
    },
    selectionMade: (pointerDown) => listening?.selectionMade(pointerDown),
    locationChanged() {
      ui.hideToolbar();
      ui.closePopover();
      // The watch reports once location.href changed; load again a little later, when apps
      // have usually updated their title and canonical link for the new route.
      setTimeout(() => void load(), 0);
      setTimeout(() => void load(), 500);
    },
    stop() {
      clearTimeout(reloadTimer);
      unsubscribe();
      stopSettings();
      listening?.stop();
      late.stop();
      mounted?.unmount();
      highlights.dispose();
    },
  };
}
