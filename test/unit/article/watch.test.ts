// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { watchPage, type WatchReason } from '@/lib/article/watch';

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));
let stop: (() => void) | null = null;
afterEach(() => stop?.());

describe('watchPage', () => {
  it('runs once at start, then after large DOM changes only (debounced)', async () => {
    const reasons: WatchReason[] = [];
    stop = watchPage(document, (reason) => reasons.push(reason), { debounceMs: 30, minChangedChars: 100, pollMs: 0 });
    await wait(20);
    expect(reasons).toEqual(['initial']);
    const small = document.createElement('span');
    small.textContent = 'tiny';
    document.body.append(small);
    await wait(60);
    expect(reasons).toEqual(['initial']);
    for (let index = 0; index < 3; index++) {
      const big = document.createElement('div');
      big.textContent = 'x'.repeat(200);
      document.body.append(big);
    }
    await wait(100);
    expect(reasons).toEqual(['initial', 'mutation']);
  });
  it('notices history navigation and stops when asked', async () => {
    const reasons: WatchReason[] = [];
    stop = watchPage(document, (reason) => reasons.push(reason), { debounceMs: 20, pollMs: 10 });
    await wait(20);
    history.pushState({}, '', '/next-story');
    await wait(80);
    expect(reasons).toContain('navigation');
    stop();
    const count = reasons.length;
    history.pushState({}, '', '/another-story');
    await wait(60);
    expect(reasons.length).toBe(count);
  });
});
