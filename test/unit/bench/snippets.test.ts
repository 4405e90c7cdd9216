// bench:detect's trafilatura-dev scoring (its README): NFC + whitespace-collapsed substring tests.
import { describe, expect, it } from 'vitest';
import { scorePage, scoreSnippets, siteMatches, snippetNormalize, snippetTotals } from '../../../scripts/bench/detect/score.mjs';

describe('snippetNormalize', () => {
  it('applies NFC and folds every whitespace run, no-break spaces included, to one space', () => {
    expect(snippetNormalize('  Caf\u0065\u0301\u00a0\u00a0au\n\tlait ')).toBe('Café au lait');
  });

  it('keeps case and punctuation', () => {
    expect(snippetNormalize('Hello, World!')).toBe('Hello, World!');
  });
});

describe('scoreSnippets', () => {
  const text = 'Der Artikel beginnt hier.\nZweiter  Absatz mit\u00a0Zitat. Teilen auf Twitter';

  it('counts with-snippets found (TP) and missing (FN), without-snippets found (FP) and absent (TN)', () => {
    const score = scoreSnippets(text, ['Artikel beginnt', 'Absatz mit Zitat', 'nicht da'], ['auf Twitter', 'Impressum']);
    expect(score).toMatchObject({ tp: 2, fn: 1, fp: 1, tn: 1, pass: false });
    expect(score.f1).toBeCloseTo(4 / 6);
  });

  it('passes a page when every with-snippet is found and no without-snippet is', () => {
    const score = scoreSnippets(text, ['hier. Zweiter Absatz'], ['Impressum']);
    expect(score).toMatchObject({ tp: 1, fn: 0, fp: 0, tn: 1, pass: true, f1: 1 });
  });

  it('matches a snippet in composed form against decomposed text', () => {
    expect(scoreSnippets('re\u0301sume\u0301 text', ['résumé'], []).tp).toBe(1);
  });

  it('fails an empty extraction even when its without-snippets are absent', () => {
    expect(scoreSnippets('  ', ['x'], ['y'])).toMatchObject({ tp: 0, fn: 1, fp: 0, tn: 1, pass: false, f1: 0 });
    expect(scoreSnippets('', [], ['y']).pass).toBe(false);
  });

  it('is case-sensitive, like the upstream scoring', () => {
    expect(scoreSnippets('Hello World', ['hello world'], []).tp).toBe(0);
  });
});

describe('snippetTotals', () => {
  it('pools counts over pages before computing precision, recall and F1', () => {
    const pages = [
      { tp: 3, fn: 0, fp: 1, tn: 2, pass: false, f1: 0 },
      { tp: 1, fn: 2, fp: 0, tn: 3, pass: false, f1: 0 },
      { tp: 2, fn: 0, fp: 0, tn: 1, pass: true, f1: 1 },
    ];
    const totals = snippetTotals(pages);
    expect(totals).toMatchObject({ tp: 6, fn: 2, fp: 1, tn: 6 });
    expect(totals.precision).toBeCloseTo(6 / 7);
    expect(totals.recall).toBeCloseTo(6 / 8);
    expect(totals.f1).toBeCloseTo((2 * (6 / 7) * (6 / 8)) / (6 / 7 + 6 / 8));
    expect(totals.accuracy).toBeCloseTo(12 / 15);
    expect(totals.passRate).toBeCloseTo(1 / 3);
  });

  it('gives F1 0 when nothing labelled was found and null figures for no pages', () => {
    expect(snippetTotals([{ tp: 0, fn: 2, fp: 1, tn: 0, pass: false, f1: 0 }])).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(snippetTotals([])).toMatchObject({ precision: null, recall: null, f1: null, passRate: null });
  });
});

describe('siteMatches', () => {
  it('ignores case and punctuation and accepts one name inside the other', () => {
    expect(siteMatches('the guardian', 'The Guardian')).toBe(true);
    expect(siteMatches('BBC News', 'BBC')).toBe(true);
    expect(siteMatches('衡阳日报', '衡阳日报')).toBe(true);
    expect(siteMatches('新浪网', '衡阳日报')).toBe(false);
    expect(siteMatches(null, 'BBC')).toBe(false);
    expect(siteMatches('BBC', null)).toBeNull();
  });
});

describe('scorePage', () => {
  const truth = (fields: Partial<Parameters<typeof scorePage>[0][number]>) => ({
    title: null, author: null, date: null, site: null, body: null, snippets: null, ...fields,
  });
  const story = (fields: Partial<Parameters<typeof scorePage>[1][string][number]>) => ({
    title: null, author: null, date: null, site: null, text: '', ...fields,
  });

  it('scores snippet-labelled pages by their snippets and reports the page snippet F1', () => {
    const result = scorePage([truth({ title: 'Titel', snippets: { with: ['eins zwei'], without: ['Menü'] } })], {
      a: [story({ title: 'Titel', text: 'eins zwei drei' })],
      b: [story({ text: 'Menü eins' })],
    });
    expect(result.rows[0]?.a).toMatchObject({ title: true, body: null, snippets: { tp: 1, fp: 0, pass: true } });
    expect(result.f1).toEqual({ a: 1, b: 0 });
  });

  it('pairs several expected stories with stories by title and averages their body F1', () => {
    const result = scorePage(
      [truth({ title: 'First', body: 'alpha beta' }), truth({ title: 'Second', body: 'gamma delta' })],
      { a: [story({ title: 'Second', text: 'gamma delta' }), story({ title: 'First', text: 'alpha beta' })], b: [story({ text: 'alpha beta gamma delta' })] },
    );
    expect(result.rows.map((row) => row.a?.title)).toEqual([true, true]);
    expect(result.f1.a).toBe(1);
    // One story holding both: precision 0.5 for each expected story.
    expect(result.f1.b).toBeCloseTo(2 / 3);
  });
});
