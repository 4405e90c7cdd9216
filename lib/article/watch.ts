/**
 * Tells the content script when to (re-)run detection: once when the page is idle, after
 * large DOM changes (debounced), and after SPA navigations (history, Navigation API, URL polling).
 */

export type WatchReason = 'initial' | 'mutation' | 'navigation';

export interface WatchOptions {
  /** Quiet time after the last large change before re-running. */
  debounceMs?: number;
  /** Characters of added/removed text that count as a large change. */
  minChangedChars?: number;
  /** How often to compare location.href (SPAs that bypass history events). 0 disables. */
  pollMs?: number;
}

type IdleWindow = Window & { requestIdleCallback?: (run: () => void, options?: { timeout: number }) => number };

export function watchPage(doc: Document, onChange: (reason: WatchReason) => void, options: WatchOptions = {}): () => void {
  const view = doc.defaultView as IdleWindow | null;
  const debounceMs = options.debounceMs ?? 800;
  const minChangedChars = options.minChangedChars ?? 1500;
  const pollMs = options.pollMs ?? 1000;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let changed = 0;
  let lastUrl = doc.URL;
  const cleanups: (() => void)[] = [];

  const fire = (reason: WatchReason) => {
    if (stopped) return;
    try {
      onChange(reason);
    } catch {
      // A failing listener must not stop the watcher.
    }
  };
  const schedule = (reason: WatchReason, delay: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      changed = 0;
      fire(reason);
    }, delay);
  };
  const checkUrl = () => {
    if (doc.URL === lastUrl) return;
    lastUrl = doc.URL;
    schedule('navigation', Math.min(debounceMs, 300));
  };

  // First run once the page is idle.
  if (view?.requestIdleCallback) {
    view.requestIdleCallback(() => fire('initial'), { timeout: 2000 });
  } else {
    const first = setTimeout(() => fire('initial'), 0);
    cleanups.push(() => clearTimeout(first));
  }

  const MutationObserverClass =
    (view as unknown as { MutationObserver?: typeof MutationObserver } | null)?.MutationObserver ??
    (globalThis as { MutationObserver?: typeof MutationObserver }).MutationObserver;
  if (MutationObserverClass && doc.documentElement) {
    const observer = new MutationObserverClass((records: MutationRecord[]) => {
      for (const record of records) {
        record.addedNodes.forEach((node: Node) => (changed += node.textContent?.length ?? 0));
        record.removedNodes.forEach((node: Node) => (changed += node.textContent?.length ?? 0));
      }
      checkUrl();
      if (changed >= minChangedChars) schedule('mutation', debounceMs);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    cleanups.push(() => observer.disconnect());
  }

  if (view) {
    const onPop = () => checkUrl();
    view.addEventListener('popstate', onPop);
    cleanups.push(() => view.removeEventListener('popstate', onPop));
    const navigation = (view as { navigation?: EventTarget }).navigation;
    if (navigation?.addEventListener) {
      navigation.addEventListener('navigatesuccess', onPop);
      cleanups.push(() => navigation.removeEventListener('navigatesuccess', onPop));
    }
  }
  if (pollMs > 0) {
    const poll = setInterval(checkUrl, pollMs);
    cleanups.push(() => clearInterval(poll));
  }

  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    for (const cleanup of cleanups) cleanup();
  };
}
