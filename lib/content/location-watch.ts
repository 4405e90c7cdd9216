/**
 * Tells when the page's address changes without a reload (SPA navigation).
 * A page can fire navigation-like events as fast as it likes (synthetic ones,
 * or real `pushState` calls in a loop), so every signal only schedules one
 * check: checks run at most every MIN_GAP_MS and report only a real change of
 * `location.href`.
 */
const MIN_GAP_MS = 300;
/** Without the Navigation API (older Firefox) `pushState` fires no event: look now and then. */
const POLL_MS = 1000;

export function watchLocation(win: Window, onChange: () => void): () => void {
  let last = win.location.href;
  let lastCheck = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = () => {
    timer = undefined;
    lastCheck = Date.now();
    const href = win.location.href;
    if (href === last) return;
    last = href;
    try {
      onChange();
    } catch (error) {
      console.debug('Gloss:', error);
    }
  };
  const schedule = (event: Event) => {
    // A page's own dispatchEvent is not a navigation; a real one is isTrusted.
    if (!event.isTrusted || timer !== undefined) return;
    // "navigate" fires before the address changes: look a moment later, and never more often than MIN_GAP_MS.
    timer = setTimeout(check, Math.max(50, MIN_GAP_MS - (Date.now() - lastCheck)));
  };

  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  const targets: [EventTarget, string][] = [
    [win, 'popstate'],
    [win, 'hashchange'],
    ...(navigation ? ([[navigation, 'navigate']] as [EventTarget, string][]) : []),
  ];
  for (const [target, type] of targets) target.addEventListener(type, schedule);
  const poll = navigation ? undefined : setInterval(check, POLL_MS);
  return () => {
    for (const [target, type] of targets) target.removeEventListener(type, schedule);
    clearTimeout(timer);
    clearInterval(poll);
  };
}
