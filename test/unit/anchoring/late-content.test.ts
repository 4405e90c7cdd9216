// @vitest-environment happy-dom
/**
 * Re-anchoring under DOM churn: a page that changes every 50 ms (a live clock)
 * must not starve re-anchoring, and churn that cannot bring a highlight's text
 * back must not spend the orphans' retries.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_RUNS, watchLateContent } from '@/lib/content/late-content';
import type { LiveHighlight, PageHighlights } from '@/lib/content/page-highlights';

interface FakeEntry {
  status: LiveHighlight['status'];
  painted: boolean;
  quote: string;
}

/** The parts of PageHighlights the watcher uses; reanchor() paints every entry it can find. */
function fakeHighlights(entries: FakeEntry[], findable: () => boolean) {
  const runsAt: number[] = [];
  const listeners: (() => void)[] = [];
  const fake = {
    list: () => entries.map((e) => ({ ...e, record: { selectors: { quote: { exact: e.quote } } } })),
    stillPainted: (e: { painted: boolean }) => e.painted,
    reanchor: () => {
      runsAt.push(Date.now());
      for (const e of entries) {
        const found = e.status !== 'orphan' || findable();
        e.painted = found;
        e.status = found ? 'anchored' : 'orphan';
      }
    },
    persistStatuses: async () => undefined,
    subscribe: (listener: () => void) => {
      listeners.push(listener);
      return () => undefined;
    },
  };
  return { highlights: fake as unknown as PageHighlights, runsAt, notify: () => listeners.forEach((l) => l()) };
}

const clock = () => document.getElementById('clock')!;
/** Lets the mutation observer deliver, then moves fake time on. */
async function tick(ms: number) {
  await Promise.resolve();
  await new Promise<void>((done) => queueMicrotask(done));
  vi.advanceTimersByTime(ms);
}
/** A clock that re-renders its text every 50 ms for `ms`. */
async function churn(ms: number, onTick?: (at: number) => void) {
  for (let at = 0; at < ms; at += 50) {
    clock().textContent = `12:00:${String(Math.floor(at / 1000) % 60).padStart(2, '0')}.${at % 1000}`;
    onTick?.(at);
    await tick(50);
  }
}

let stop: (() => void) | null = null;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  document.body.innerHTML = '<header><span id="clock">12:00:00</span></header><article><p id="story">The river authority opened the new flood gates on Monday.</p></article>';
});
afterEach(() => {
  stop?.();
  stop = null;
  vi.useRealTimers();
});

describe('watchLateContent under constant churn', () => {
  it('re-anchors a highlight that lost its paint at least every 2 s while the page ticks every 50 ms', async () => {
    const entry: FakeEntry = { status: 'anchored', painted: true, quote: 'opened the new flood gates' };
    const { highlights, runsAt, notify } = fakeHighlights([entry], () => true);
    stop = watchLateContent(window, highlights).stop;
    notify();
    const started = Date.now();
    // The article re-renders every 3 s, so the highlight keeps losing its paint.
    await churn(12_000, (at) => {
      if (at % 3000 === 0) {
        entry.painted = false;
        document.getElementById('story')!.textContent = 'The river authority opened the new flood gates on Monday.';
      }
    });
    expect(runsAt.length).toBeGreaterThanOrEqual(4);
    const gaps = [runsAt[0]! - started, ...runsAt.slice(1).map((t, i) => t - runsAt[i]!)];
    // Each loss is repaired within 2 s of the re-render that caused it.
    for (let loss = 0; loss < 12_000; loss += 3000) expect(runsAt.some((t) => t - started > loss && t - started <= loss + 2000)).toBe(true);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(3000);
  });

  it('does nothing while every highlight is still painted, however much the page ticks', async () => {
    const { highlights, runsAt, notify } = fakeHighlights([{ status: 'anchored', painted: true, quote: 'opened the new flood gates' }], () => true);
    stop = watchLateContent(window, highlights).stop;
    notify();
    await churn(10_000);
    expect(runsAt).toEqual([]);
  });

  it('keeps the orphans\u2019 retries for text that could hold them, not for the ticks of a clock', async () => {
    let arrived = false;
    const orphan: FakeEntry = { status: 'orphan', painted: false, quote: 'a paragraph that arrives late, after a long wait' };
    const { highlights, runsAt, notify } = fakeHighlights([orphan], () => arrived);
    stop = watchLateContent(window, highlights).stop;
    notify();
    // Longer than MAX_RUNS passes at the maximum wait would take.
    await churn((MAX_RUNS + 4) * 1500);
    expect(runsAt).toEqual([]);
    arrived = true;
    const late = document.createElement('p');
    late.textContent = 'Here is a paragraph that arrives late, after a long wait, with its text.';
    document.querySelector('article')!.append(late);
    await churn(2000);
    expect(runsAt).toHaveLength(1);
    expect(orphan.painted).toBe(true);
  });
});
