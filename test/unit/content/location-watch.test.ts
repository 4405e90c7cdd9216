import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLocation } from '../../../lib/content/location-watch';

/** A window whose events the test fires by hand, trusted or not (a DOM test window can only make untrusted ones). */
function fakeWindow(withNavigation: boolean) {
  const listeners = new Map<string, Set<(event: { isTrusted: boolean }) => void>>();
  const target = (prefix: string) => ({
    addEventListener: (type: string, fn: (event: { isTrusted: boolean }) => void) => {
      const key = prefix + type;
      if (!listeners.has(key)) listeners.set(key, new Set());
      listeners.get(key)!.add(fn);
    },
    removeEventListener: (type: string, fn: (event: { isTrusted: boolean }) => void) => void listeners.get(prefix + type)?.delete(fn),
  });
  const win = { location: { href: 'https://news.example/a' }, ...target(''), ...(withNavigation && { navigation: target('nav:') }) };
  const fire = (key: string, isTrusted = true) => {
    for (const fn of listeners.get(key) ?? []) fn({ isTrusted });
  };
  return { win: win as unknown as Window, location: win.location, fire, listening: () => [...listeners.values()].reduce((n, s) => n + s.size, 0) };
}

describe('location watch', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('reports a real change of address once, after the navigate event', () => {
    const { win, location, fire } = fakeWindow(true);
    const onChange = vi.fn();
    watchLocation(win, onChange);
    fire('nav:navigate');
    location.href = 'https://news.example/b'; // the address changes after "navigate" fires
    vi.advanceTimersByTime(400);
    expect(onChange).toHaveBeenCalledTimes(1);
    fire('popstate');
    vi.advanceTimersByTime(400);
    expect(onChange).toHaveBeenCalledTimes(1); // same address: nothing
  });

  it('ignores events a page script makes, however many', () => {
    const { win, location, fire } = fakeWindow(true);
    const onChange = vi.fn();
    watchLocation(win, onChange);
    location.href = 'https://news.example/b';
    for (let i = 0; i < 5000; i++) {
      fire('nav:navigate', false);
      fire('popstate', false);
      fire('hashchange', false);
    }
    vi.advanceTimersByTime(2000);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('checks at most about three times a second under a flood of real navigations', () => {
    const { win, location, fire } = fakeWindow(true);
    const onChange = vi.fn();
    watchLocation(win, onChange);
    for (let ms = 0; ms < 3000; ms++) {
      location.href = `https://news.example/a?n=${ms}`;
      fire('nav:navigate');
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(400);
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(8);
    expect(onChange.mock.calls.length).toBeLessThanOrEqual(11);
  });

  it('polls where there is no Navigation API, and stops cleanly', () => {
    const { win, location, listening } = fakeWindow(false);
    const onChange = vi.fn();
    const stop = watchLocation(win, onChange);
    location.href = 'https://news.example/b'; // pushState fires no event there
    vi.advanceTimersByTime(1000);
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
    expect(listening()).toBe(0);
    location.href = 'https://news.example/c';
    vi.advanceTimersByTime(5000);
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
