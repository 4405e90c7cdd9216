// The tune/check split every bench script shares: SHA-256 of the id, first hex digit 0-7 → tune.
import { describe, expect, it } from 'vitest';
import { halfOf } from '../../../scripts/bench/detect/split.mjs';

describe('halfOf', () => {
  it('puts an id whose SHA-256 starts with 0-7 in tune and 8-f in check', () => {
    // sha256('b') = 3e23…, sha256('bbc-1') = 53b5…, sha256('a') = ca97…, sha256('abc') = ba78…
    expect(halfOf('b')).toBe('tune');
    expect(halfOf('bbc-1')).toBe('tune');
    expect(halfOf('a')).toBe('check');
    expect(halfOf('abc')).toBe('check');
  });

  it('hashes the UTF-8 bytes of the id', () => {
    // sha256('中文') = 7272…; sha256('0a24692a9ea846c1819bd6a5f92a8874') = f52c…
    expect(halfOf('中文')).toBe('tune');
    expect(halfOf('0a24692a9ea846c1819bd6a5f92a8874')).toBe('check');
  });

  it('splits many ids roughly in half', () => {
    const ids = Array.from({ length: 2000 }, (_, index) => `page-${index}`);
    const tune = ids.filter((id) => halfOf(id) === 'tune').length;
    expect(tune).toBeGreaterThan(900);
    expect(tune).toBeLessThan(1100);
  });
});
