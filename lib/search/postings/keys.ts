/** Sorted key lists (ascending, no duplicates): the postings' set algebra. */

export type Keys = Float64Array;

export const EMPTY_KEYS: Keys = new Float64Array(0);

export function sortedKeys(values: Iterable<number>): Keys {
  const keys = Float64Array.from(new Set(values));
  keys.sort();
  return keys;
}

/** Concatenates lists whose ranges do not overlap and come in order (a term's chunks). */
export function concatKeys(lists: readonly Keys[]): Keys {
  if (lists.length === 1) return lists[0]!;
  const out = new Float64Array(lists.reduce((n, list) => n + list.length, 0));
  let at = 0;
  for (const list of lists) {
    out.set(list, at);
    at += list.length;
  }
  return out;
}

export function unionKeys(lists: readonly Keys[]): Keys {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length === 0) return EMPTY_KEYS;
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  const all = concatKeys(nonEmpty).slice().sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[n - 1]) all[n++] = all[i]!;
  return all.subarray(0, n);
}

/** Keys of `a` that are in `b`: a galloping walk, cheap when one list is much shorter. */
export function intersectKeys(a: Keys, b: Keys): Keys {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const out = new Float64Array(small.length);
  let n = 0;
  let lo = 0;
  for (let i = 0; i < small.length && lo < large.length; i++) {
    const key = small[i]!;
    lo = lowerBound(large, key, lo);
    if (large[lo] === key) out[n++] = key;
  }
  return out.subarray(0, n);
}

export function subtractKeys(a: Keys, b: Keys): Keys {
  const out = new Float64Array(a.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const key = a[i]!;
    while (j < b.length && b[j]! < key) j++;
    if (b[j] !== key) out[n++] = key;
  }
  return out.subarray(0, n);
}

/** First index at or after `from` whose key is ≥ `key`. */
export function lowerBound(keys: Keys, key: number, from = 0): number {
  let lo = from;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The keys in [from, to). */
export function keysBetween(keys: Keys, from: number, to: number): Keys {
  return keys.subarray(lowerBound(keys, from), lowerBound(keys, to));
}
