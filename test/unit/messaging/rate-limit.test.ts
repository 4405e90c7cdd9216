import { describe, expect, it } from 'vitest';
import { limitPerTab, RATE_LIMITED_MESSAGE, TAB_RATE_LIMIT, TokenBuckets } from '../../../lib/messaging/rate-limit';
import { checkBackgroundRequest } from '../../../lib/messaging/contract';
import { checkedHandlers, createRouter, envelope } from '../../../lib/messaging/transport';

const ORIGIN = 'chrome-extension://abc/';

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('per-tab rate limit', () => {
  it('allows a burst, then refills at the sustained rate', () => {
    const time = clock();
    const buckets = new TokenBuckets({ burst: 5, perSecond: 10 }, time.now);
    expect(Array.from({ length: 6 }, () => buckets.take('a'))).toEqual([true, true, true, true, true, false]);
    expect(buckets.take('b')).toBe(true); // another tab has its own bucket
    time.advance(100); // one token back
    expect(buckets.take('a')).toBe(true);
    expect(buckets.take('a')).toBe(false);
    time.advance(10_000); // never more than the burst
    expect(Array.from({ length: 6 }, () => buckets.take('a')).filter(Boolean)).toHaveLength(5);
  });

  it('refuses a flooding tab with a plain error before the handler runs, and never limits extension pages', async () => {
    const time = clock();
    let calls = 0;
    const handlers = limitPerTab({ 'stats.get': () => ++calls } as never, ORIGIN, new TokenBuckets({ burst: 3, perSecond: 1 }, time.now));
    const route = createRouter(handlers);
    const tab = { tab: { id: 7 } as never, url: 'https://news.example/story' };
    const page = { tab: { id: 8 } as never, url: `${ORIGIN}sidepanel.html` };
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(await route(envelope('stats.get', null), tab));
    expect(replies.map((r) => r?.ok)).toEqual([true, true, true, false, false]);
    expect(replies[4]).toEqual({ ok: false, error: RATE_LIMITED_MESSAGE });
    expect(calls).toBe(3);
    for (let i = 0; i < 50; i++) expect((await route(envelope('stats.get', null), page))?.ok).toBe(true);
    expect(calls).toBe(53);
  });

  it('lets 1,000 status saves in a row through at the default limit', async () => {
    const time = clock();
    const route = createRouter(limitPerTab({ 'highlight.update': () => null } as never, ORIGIN, new TokenBuckets(TAB_RATE_LIMIT, time.now)));
    const tab = { tab: { id: 1 } as never, url: 'https://news.example/story' };
    for (let i = 0; i < 1000; i++) {
      time.advance(0.5); // faster than any real round trip
      expect((await route(envelope('highlight.update', {}), tab))?.ok).toBe(true);
    }
  });

  it('counts invalid requests too: the limit comes before the schema check (as answerInBackground composes them)', async () => {
    const time = clock();
    let checks = 0;
    const check = (type: string, data: unknown) => (checks++, checkBackgroundRequest(type, data));
    const route = createRouter(limitPerTab(checkedHandlers({ 'highlight.delete': () => null } as never, check), ORIGIN, new TokenBuckets({ burst: 3, perSecond: 1 }, time.now)));
    const tab = { tab: { id: 9 } as never, url: 'https://news.example/story' };
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(await route(envelope('highlight.delete', { id: { deeply: ['not', 'an', 'id'] } }), tab));
    expect(replies.map((r) => (r?.ok === false ? (r.error === RATE_LIMITED_MESSAGE ? 'limited' : 'invalid') : 'ok'))).toEqual(['invalid', 'invalid', 'invalid', 'limited', 'limited']);
    expect(checks).toBe(3);
  });
});
