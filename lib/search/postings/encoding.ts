/**
 * A chunk's keys as stored: each key minus the one before it (the first minus
 * the chunk's start, so 0), as a base-128 varint. Sorted keys of one term are
 * close together, so most take 4–5 bytes instead of a double's 8; this keeps
 * the index below the size of the rows it indexes.
 */
import type { PostingRow } from '../../model/records';
import type { Keys } from './keys';

const BASE = 128;

export function encodeKeys(keys: Keys, start: number): Uint8Array {
  // At most 8 bytes per key: keys are integers below 2^53.
  const out = new Uint8Array(keys.length * 8);
  let at = 0;
  let previous = start;
  for (let i = 0; i < keys.length; i++) {
    let delta = keys[i]! - previous;
    previous = keys[i]!;
    while (delta >= BASE) {
      out[at++] = (delta % BASE) | BASE;
      delta = Math.floor(delta / BASE);
    }
    out[at++] = delta;
  }
  return out.slice(0, at);
}

export function decodeKeys(bytes: Uint8Array, start: number, count: number): Float64Array {
  const keys = new Float64Array(count);
  let at = 0;
  let previous = start;
  for (let i = 0; i < count; i++) {
    let delta = 0;
    let scale = 1;
    let byte: number;
    do {
      byte = bytes[at++]!;
      delta += (byte & (BASE - 1)) * scale;
      scale *= BASE;
    } while (byte & BASE);
    previous += delta;
    keys[i] = previous;
  }
  return keys;
}

export function makeChunk(term: string, keys: Keys): PostingRow {
  const start = keys[0]!;
  return { term, start, count: keys.length, keys: encodeKeys(keys, start) };
}

export const chunkKeys = (row: PostingRow): Float64Array => decodeKeys(row.keys, row.start, row.count);
