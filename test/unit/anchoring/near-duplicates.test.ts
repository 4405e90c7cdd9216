/**
 * Near-duplicate passages (log entries, list items, table rows, sentence
 * templates): a deleted passage must become an orphan, never land on a
 * neighbour of the same shape; an edited one must still be found in its place.
 */
import { describe, expect, it } from 'vitest';
import { describeOffsets } from '@/lib/anchoring/describe';
import { matchQuote, type QuoteTarget } from '@/lib/anchoring/quote-match';
import type { TextIndex } from '@/lib/anchoring/text-index';

/** Selectors for `exact` (its first occurrence) in `text`, as describe() stores them. */
function saved(text: string, exact: string): QuoteTarget {
  const at = text.indexOf(exact);
  if (at === -1) throw new Error(`no ${exact}`);
  const index = { text, nodes: [], starts: [], root: null } as unknown as TextIndex;
  const description = describeOffsets(index, at, at + exact.length)!;
  return { ...description.quote, start: description.position.start };
}

const LOG = [
  'Police log, Saturday.',
  'At 09:30 a car was stopped on Mill Lane and no one was arrested.',
  'At 10:15 a car was stopped on Mill Street and one man was arrested.',
  'At 11:40 a car was stopped on Mill Road and no one was arrested.',
  'At 12:05 a van was stopped on Mill Street and two women were arrested.',
  'The station is open again on Monday.',
];
const RECIPE = [
  'Method',
  'Cook the onions slowly in butter until they are soft and golden.',
  'Cook the carrots slowly in butter until they are soft and sweet.',
  'Cook the leeks slowly in butter until they are soft and silky.',
  'Serve the vegetables warm with bread.',
];
const TABLE = [
  'Results by ward',
  'Northfield | Labour | 1,204 votes | turnout 31%',
  'Southmead | Labour | 1,187 votes | turnout 29%',
  'Eastville | Green | 1,093 votes | turnout 33%',
  'Westbury | Labour | 1,261 votes | turnout 30%',
];
const TEMPLATE = [
  'The results were announced on Friday.',
  'In the first round the home team scored three goals and the visitors scored one.',
  'In the second round the home team scored two goals and the visitors scored none.',
  'In the third round the home team scored one goal and the visitors scored two.',
  'The final is next week.',
];

const join = (lines: string[]) => lines.join('\n');
const without = (lines: string[], i: number) => join(lines.filter((_, j) => j !== i));
const replaced = (lines: string[], i: number, line: string) => join(lines.map((l, j) => (j === i ? line : l)));

describe('a deleted passage among neighbours of the same shape', () => {
  const cases: [string, string[], number, string][] = [
    ['a police log entry (whole)', LOG, 2, LOG[2]!],
    ['a police log entry (part)', LOG, 2, 'a car was stopped on Mill Street and one man was arrested'],
    ['a list item (whole)', RECIPE, 2, RECIPE[2]!],
    ['a list item (part)', RECIPE, 2, 'the carrots slowly in butter until they are soft'],
    ['a table row', TABLE, 2, TABLE[2]!],
    ['a repeated sentence template', TEMPLATE, 2, TEMPLATE[2]!],
    ['a repeated sentence template (part)', TEMPLATE, 2, 'the home team scored two goals and the visitors'],
  ];
  for (const [name, lines, entry, quote] of cases) {
    it(`is an orphan: ${name}`, () => {
      const target = saved(join(lines), quote);
      expect(matchQuote(without(lines, entry), target)).toBeNull();
    });
  }

  it('is an orphan when only one neighbour of the same shape is left', () => {
    const short = [LOG[0]!, LOG[2]!, LOG[3]!, LOG[5]!];
    const target = saved(join(short), 'a car was stopped on Mill Street and one man was arrested');
    expect(matchQuote(without(short, 1), target)).toBeNull();
    const whole = saved(join(short), LOG[2]!);
    expect(matchQuote(without(short, 1), whole)).toBeNull();
  });

  it('is an orphan when one neighbour without numbers or names is left, before or after it', () => {
    const before = ['Method', RECIPE[1]!, RECIPE[2]!, 'Serve the vegetables warm with fresh bread and a green salad.'];
    expect(matchQuote(without(before, 2), saved(join(before), RECIPE[2]!))).toBeNull();
    const after = ['Method', RECIPE[2]!, RECIPE[3]!, 'Serve the vegetables warm with fresh bread and a green salad.'];
    expect(matchQuote(without(after, 1), saved(join(after), RECIPE[2]!))).toBeNull();
  });

  it('is an orphan without a stored position as well', () => {
    const target = { ...saved(join(LOG), LOG[2]!), start: null };
    expect(matchQuote(without(LOG, 2), target)).toBeNull();
  });
});

describe('an edited passage among neighbours of the same shape', () => {
  const cases: [string, string[], number, string, string][] = [
    ['a typo fixed in a log entry', [...LOG.slice(0, 2), 'At 10:15 a car was stoped on Mill Street and one man was arested.', ...LOG.slice(3)], 2, 'At 10:15 a car was stopped on Mill Street and one man was arrested.', 'At 10:15 a car was stoped on Mill Street and one man was arested.'],
    ['a word changed in a log entry', LOG, 2, 'At 10:15 a car was stopped on Mill Street and one driver was arrested.', LOG[2]!],
    ['a figure corrected in a log entry', LOG, 2, 'At 10:15 a car was stopped on Mill Street and two men were arrested.', 'a car was stopped on Mill Street and one man was arrested'],
    ['a list item reworded', RECIPE, 2, 'Cook the carrots gently in butter until they are soft and sweet.', RECIPE[2]!],
    ['a table row corrected', TABLE, 2, 'Southmead | Labour | 1,178 votes | turnout 29%', TABLE[2]!],
    ['a sentence template edited', TEMPLATE, 2, 'In the second round the home side scored two goals and the visitors scored none.', TEMPLATE[2]!],
  ];
  for (const [name, lines, entry, edited, quote] of cases) {
    it(`anchors fuzzily in its own place: ${name}`, () => {
      const target = saved(join(lines), quote);
      const text = replaced(lines, entry, edited);
      const match = matchQuote(text, target);
      expect(match).not.toBeNull();
      expect(match!.kind).toBe('fuzzy');
      const own = text.indexOf(edited);
      expect(match!.start).toBeGreaterThanOrEqual(own);
      expect(match!.end).toBeLessThanOrEqual(own + edited.length);
      expect(match!.end - match!.start).toBeGreaterThan(0.7 * quote.length);
    });
  }
});

describe('a quote stored without context (another tool\'s annotation)', () => {
  const page = 'The council met on Tuesday. The harbour budget was approved after a long night of debate. Everyone went home.';
  it('anchors where its long text occurs exactly once', () => {
    const match = matchQuote(page, { exact: 'The harbour budget was approved', prefix: '', suffix: '' });
    expect(match).toMatchObject({ start: page.indexOf('The harbour budget'), kind: 'exact' });
  });
  it('stays an orphan where that text occurs twice and nothing tells which', () => {
    const twice = `${page} The harbour budget was approved, again.`;
    expect(matchQuote(twice, { exact: 'The harbour budget was approved', prefix: '', suffix: '' })).toBeNull();
  });
});
