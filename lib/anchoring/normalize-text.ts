/**
 * Whitespace-collapsed view of a text, with a map back to the original
 * offsets. Publishers re-indent and re-wrap their HTML; the reader sees the
 * same words, so quote search runs on collapsed whitespace before it resorts
 * to fuzzy matching.
 */

const WHITESPACE = /\s/;

export interface CollapsedText {
  text: string;
  /** rawOffset[i] is the offset in the original text of collapsed character i; one extra entry for the end. */
  rawOffset: Int32Array;
}

/** Collapses every run of whitespace (including NBSP and the ideographic space) into one space. */
export function collapseWhitespace(raw: string): CollapsedText {
  const rawOffset = new Int32Array(raw.length + 1);
  let out = '';
  let length = 0;
  let chunkStart = 0;
  let inSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const space = WHITESPACE.test(raw[i]!);
    if (space) {
      if (!inSpace) {
        out += raw.slice(chunkStart, i) + ' ';
        rawOffset[length++] = i;
        inSpace = true;
      }
      chunkStart = i + 1;
    } else {
      if (inSpace) inSpace = false;
      rawOffset[length++] = i;
    }
  }
  out += raw.slice(chunkStart);
  rawOffset[length] = raw.length;
  return { text: out, rawOffset: rawOffset.subarray(0, length + 1) };
}

/** Collapses whitespace in a short string (a quote, a prefix) the same way. */
export function collapseString(value: string): string {
  return value.replace(/\s+/g, ' ');
}

/** The collapsed offset of a raw offset: the first collapsed character at or after it. */
export function collapsedOffsetOf(collapsed: CollapsedText, rawOffset: number): number {
  const map = collapsed.rawOffset;
  let low = 0;
  let high = map.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (map[mid]! < rawOffset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The raw range covered by collapsed [start, end). */
export function rawRangeOf(collapsed: CollapsedText, start: number, end: number): { start: number; end: number } {
  const map = collapsed.rawOffset;
  const last = map.length - 1;
  const rawStart = map[Math.min(start, last)]!;
  // The end is just after the last collapsed character's raw position.
  const rawEnd = end <= 0 ? rawStart : end > last ? map[last]! : map[end - 1]! + 1;
  return { start: rawStart, end: Math.max(rawStart, rawEnd) };
}
