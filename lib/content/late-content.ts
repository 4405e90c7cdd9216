/**
 * Re-anchors when the page changes after load (lazy article bodies, "read
 * more", SPA re-renders): debounced, bounded, and only for highlights that
 * are not already painted on their text.
 */
import { GLOSS_UI_ATTRIBUTE } from '@/lib/anchoring';
import { FALLBACK_MARK_TAG } from '@/lib/highlight';
import type { PageHighlights } from './page-highlights';

const DEBOUNCE_MS = 400;
const MAX_RUNS = 12;
/** After this long without a successful anchoring, orphans are saved as orphans. */
const SETTLE_MS = 6000;

function isOurs(node: Node | null): boolean {
  const element = node?.nodeType === 1 ? (node as Element) : node?.parentElement;
  return Boolean(element?.closest(`[${GLOSS_UI_ATTRIBUTE}], ${FALLBACK_MARK_TAG}`));
}

export function watchLateContent(win: Window, highlights: PageHighlights): { restart(): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let runs = 0;

  const settleLater = () => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => void highlights.persistStatuses(true), SETTLE_MS);
  };

  const run = () => {
    timer = undefined;
    if (runs >= MAX_RUNS || !highlights.needsAnchoring()) return;
    runs++;
    try {
      highlights.reanchor();
      void highlights.persistStatuses(false);
      settleLater();
    } catch (error) {
      console.debug('Gloss: re-anchoring failed', error);
    }
  };

  const observer = new MutationObserver((records) => {
    if (!highlights.list().length || runs >= MAX_RUNS) return;
    if (records.every((r) => isOurs(r.target))) return;
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  // Observe only while the page has highlights: pages without any pay nothing for DOM churn.
  let observing = false;
  const observeIfNeeded = () => {
    const wanted = highlights.list().length > 0;
    if (wanted && !observing) observer.observe(win.document.documentElement, { childList: true, subtree: true, characterData: true });
    if (!wanted && observing) observer.disconnect();
    observing = wanted;
  };
  const unsubscribe = highlights.subscribe(observeIfNeeded);

  return {
    /** A new page (SPA navigation) or a fresh load: new retry budget. */
    restart() {
      runs = 0;
      if (!highlights.list().length) return;
      void highlights.persistStatuses(false);
      settleLater();
    },
    stop() {
      unsubscribe();
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(settleTimer);
    },
  };
}
