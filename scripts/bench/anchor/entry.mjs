// Browser side of bench:anchor, bundled by Vite into .cache/: Gloss's anchoring and
// painting, plus a Hypothesis-style matcher (our re-implementation of its approach:
// position check, then approx-string-match over the whole text with len/2 errors, no quality floor).
import search from 'approx-string-match';
import { Anchorer, buildTextIndex, describeOffsets, rangeOfOffsets } from '@/lib/anchoring/index.ts';
import { createPainter, installPageStyles } from '@/lib/highlight/index.ts';

const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'];

function similarity(expected, actual) {
  if (!expected) return 1;
  const matches = search(actual, expected, expected.length);
  return matches.length ? 1 - Math.min(...matches.map((m) => m.errors)) / expected.length : 0;
}

function hypothesisStyleMatch(text, { quote, position }) {
  if (position && text.slice(position.start, position.end) === quote.exact) return { start: position.start, end: position.end, kind: 'exact' };
  const maxErrors = Math.min(256, Math.floor(quote.exact.length / 2));
  const matches = search(text, quote.exact, maxErrors);
  if (!matches.length) return null;
  const hint = position?.start ?? text.length / 2;
  let best = null;
  for (const m of matches) {
    const score =
      50 * (1 - m.errors / quote.exact.length) +
      20 * similarity(quote.prefix, text.slice(Math.max(0, m.start - quote.prefix.length), m.start)) +
      20 * similarity(quote.suffix, text.slice(m.end, m.end + quote.suffix.length)) +
      2 * (1 - Math.abs(m.start - hint) / text.length);
    if (!best || score > best.score) best = { ...m, score };
  }
  return { start: best.start, end: best.end, kind: text.slice(best.start, best.end) === quote.exact ? 'exact' : 'fuzzy' };
}

function anchorWith(method, root, list) {
  if (method === 'hypothesis-style') {
    const index = buildTextIndex(root);
    return list.map((selectors) => {
      const match = hypothesisStyleMatch(index.text, selectors);
      const range = match && rangeOfOffsets(index, match.start, match.end);
      return range ? { status: match.kind === 'exact' ? 'anchored' : 'anchored-fuzzy', range, start: match.start, end: match.end } : { status: 'orphan', range: null };
    });
  }
  const anchorer = new Anchorer(root, method === 'exact-only' ? { fuzzy: false } : {});
  return list.map((selectors) => anchorer.anchor(selectors));
}

let painter = null;
let stylesInstalled = false;
const root = () => document.querySelector('article');

globalThis.glossBench = {
  articleText: () => buildTextIndex(root()).text,
  describeSpans: (spans) => {
    const index = buildTextIndex(root());
    return spans.map(({ start, end }) => describeOffsets(index, start, end));
  },
  /** Anchors and paints; returns timings and each result's status and offsets. */
  run: async (method, list) => {
    painter?.clear();
    painter = createPainter(window);
    if (!stylesInstalled) {
      installPageStyles(document);
      stylesInstalled = true;
    }
    const started = performance.now();
    const results = anchorWith(method, root(), list);
    results.forEach((result, i) => result.range && painter.paint(`h${i}`, result.range, COLORS[i % COLORS.length]));
    const anchoredAndPainted = performance.now() - started;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const throughFrame = performance.now() - started;
    return {
      ms: anchoredAndPainted,
      msThroughFrame: throughFrame,
      results: results.map((r) => ({ status: r.status, start: r.start ?? null, end: r.end ?? null })),
    };
  },
};
