/**
 * A word diff between two texts, for reading: words by Intl.Segmenter (Chinese, Japanese and Korean by dictionary
 * words, not by spaces), compared with the `diff` package's array diff. Spaces and punctuation are tokens too, so
 * joining the parts gives back either text.
 */
import { diffArrays } from 'diff';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

export function wordsOf(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffArrays(wordsOf(before), wordsOf(after))) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const text = change.value.join('');
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  }
  return parts;
}

/** Unchanged text longer than this is cut to its ends around the changes, so a long article shows what changed. */
const CONTEXT = 80;

/** The diff with long unchanged stretches shortened to `…` between their first and last CONTEXT characters. */
export function compactDiff(parts: readonly DiffPart[], context = CONTEXT): DiffPart[] {
  return parts.map((part, i) => {
    if (part.kind !== 'same' || part.text.length <= 2 * context) return part;
    const head = i === 0 ? '' : part.text.slice(0, context);
    const tail = i === parts.length - 1 ? '' : part.text.slice(-context);
    return { kind: 'same', text: `${head}…${tail}` };
  });
}

/** True when the two texts differ at all. */
export const changed = (parts: readonly DiffPart[]): boolean => parts.some((part) => part.kind !== 'same');
