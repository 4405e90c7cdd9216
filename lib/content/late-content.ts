/**
 * Re-anchors when the page changes after load (lazy article bodies, "read
 * more", SPA re-renders): debounced with a maximum wait, so constant churn (a
 * ticking clock, a ticker) cannot starve it; bounded, and only for highlights
 * that are not painted on their text.
 */
import { isGlossMutation, isGlossNode as isOurs } from './detection';
import type { PageHighlights } from './page-highlights';

export const DEBOUNCE_MS = 400;
/** Under constant churn a pass still runs this long after the first change it waits for. */
export const MAX_WAIT_MS = 1500;
/** Retries for orphans (content that may still arrive); highlights that lost their paint are always retried. */
export const MAX_RUNS = 12;
/** After this long without a successful anchoring, orphans are saved as orphans. */
const SETTLE_MS = 6000;

/** Length of the largest piece of text a batch of mutations brought in (late content arrives in pieces). */
function largestArrival(records: MutationRecord[]): number {
  let largest = 0;
  for (const record of records) {
    if (isOurs(record.target)) continue;
    if (record.type === 'characterData') largest = Math.max(largest, (record.target as CharacterData).data.length);
    else for (const node of record.addedNodes) largest = Math.max(largest, node.textContent?.length ?? 0);
  }
  return largest;
}

export function watchLateContent(win: Window, highlights: PageHighlights): { restart(): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let maxTimer: ReturnType<typeof setTimeout> | undefined;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let runs = 0;
  let arrived = 0;

  const settleLater = () => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => void highlights.persistStatuses(true).then(() => highlights.reportVisit()), SETTLE_MS);
  };

  const run = () => {
    clearTimeout(timer);
    clearTimeout(maxTimer);
    timer = maxTimer = undefined;
    const largest = arrived;
    arrived = 0;
    const entries = highlights.list();
    const lost = entries.some((e) => e.status !== 'orphan' && !highlights.stillPainted(e));
    // An orphan can only come back if a piece of text at least as long as its quote arrived: a clock's
    // tick cannot, so churn that cannot matter does not spend the retries.
    const orphanQuotes = entries.filter((e) => e.status === 'orphan').map((e) => e.record.selectors.quote.exact.length);
    const retryOrphans = runs < MAX_RUNS && orphanQuotes.length > 0 && largest >= Math.min(...orphanQuotes);
    if (!lost && !retryOrphans) return;
    if (!lost) runs++;
    try {
      highlights.reanchor();
      void highlights.persistStatuses(false);
      settleLater();
    } catch (error) {
      console.debug('Gloss: re-anchoring failed', error);
    }
  };

  const observer = new MutationObserver((records) => {
    if (!highlights.list().length) return;
    if (records.every(isGlossMutation)) return;
    arrived = Math.max(arrived, largestArrival(records));
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
    maxTimer ??= setTimeout(run, MAX_WAIT_MS);
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
      clearTimeout(maxTimer);
      clearTimeout(settleTimer);
    },
  };
}
