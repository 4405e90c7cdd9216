import { describe, expect, it } from 'vitest';
import { describeOffsets } from '@/lib/anchoring/describe';
import { matchQuote } from '@/lib/anchoring/quote-match';
import type { TextIndex } from '@/lib/anchoring/text-index';

/** Selectors for the n-th occurrence of `exact` in `text`, as describe() would store them. */
function saved(text: string, exact: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(exact, at + 1);
  if (at === -1) throw new Error(`no ${exact}`);
  const index = { text, nodes: [], starts: [], root: null } as unknown as TextIndex;
  const description = describeOffsets(index, at, at + exact.length)!;
  return { ...description.quote, start: description.position.start };
}

const ARTICLE =
  'The council met on Tuesday. The mayor said the budget would rise. ' +
  'Residents asked about the river. The mayor said the budget would rise again next year, ' +
  'and the treasurer disagreed strongly with that forecast in a long statement.';

describe('matchQuote', () => {
  it('confirms the stored position when the text is unchanged', () => {
    const target = saved(ARTICLE, 'Residents asked about the river.');
    expect(matchQuote(ARTICLE, target)).toEqual({ start: target.start, end: target.start + 32, score: 1, kind: 'exact' });
  });

  it('tells repeated phrases apart by their context after the text shifted', () => {
    const target = saved(ARTICLE, 'The mayor said the budget would rise', 1);
    const edited = 'Breaking: ' + ARTICLE;
    const match = matchQuote(edited, target)!;
    expect(match.kind).toBe('exact');
    expect(match.start).toBe(edited.lastIndexOf('The mayor said the budget would rise'));
  });

  it('picks the right repeat by context even without a position', () => {
    const target = { ...saved(ARTICLE, 'The mayor said', 0), start: null };
    expect(matchQuote(ARTICLE, target)!.start).toBe(ARTICLE.indexOf('The mayor said'));
    const second = { ...saved(ARTICLE, 'The mayor said', 1), start: null };
    expect(matchQuote(ARTICLE, second)!.start).toBe(ARTICLE.lastIndexOf('The mayor said'));
  });

  it('anchors exactly when only whitespace changed', () => {
    const target = saved(ARTICLE, 'Residents asked about the river.');
    const reflowed = ARTICLE.replace('Residents asked', 'Residents\n      asked').replace('about the', 'about \u00a0the');
    const match = matchQuote(reflowed, target)!;
    expect(match.kind).toBe('exact');
    expect(reflowed.slice(match.start, match.end)).toBe('Residents\n      asked about \u00a0the river.');
  });

  it('anchors fuzzily when a word changed, and reports the new text', () => {
    const target = saved(ARTICLE, 'the treasurer disagreed strongly with that forecast');
    const edited = ARTICLE.replace('disagreed strongly', 'disagreed sharply');
    const match = matchQuote(edited, target)!;
    expect(match.kind).toBe('fuzzy');
    expect(edited.slice(match.start, match.end)).toBe('the treasurer disagreed sharply with that forecast');
    expect(match.score).toBeGreaterThan(0.7);
    expect(match.score).toBeLessThan(1);
  });

  it('refuses a quote whose passage was rewritten beyond recognition', () => {
    const target = saved(ARTICLE, 'the treasurer disagreed strongly with that forecast');
    const edited = ARTICLE.replace('and the treasurer disagreed strongly with that forecast', 'while officials declined every comment on the projections');
    expect(matchQuote(edited, target)).toBeNull();
  });

  it('refuses a short quote whose context is gone instead of guessing another occurrence', () => {
    const text = 'Alpha beta said gamma delta. Other words here, then it was said again elsewhere.';
    const target = saved(text, 'said', 0);
    const edited = text.replace('Alpha beta said gamma delta. ', 'Completely new opening sentence. ');
    expect(matchQuote(edited, target)).toBeNull();
    // Exact-only search without context checks would have taken the other "said".
    expect(edited.includes('said')).toBe(true);
  });

  it('finds quotes at the very start and the very end of the text', () => {
    const first = saved(ARTICLE, 'The council met on Tuesday.');
    expect(first.prefix).toBe('');
    const last = saved(ARTICLE, 'in a long statement.');
    expect(last.suffix).toBe('');
    const edited = ARTICLE.replace('Residents asked', 'Many residents asked');
    expect(matchQuote(edited, first)).toMatchObject({ start: 0, kind: 'exact' });
    expect(matchQuote(edited, last)).toMatchObject({ end: edited.length, kind: 'exact' });
  });

  it('handles CJK text and emoji without splitting characters', () => {
    const text = '记者从市政府获悉，屋场恳谈会今年已在全市召开了三百多场😀，群众反映的问题大多得到解决。';
    const target = saved(text, '屋场恳谈会今年已在全市召开了三百多场😀');
    const edited = text.replace('三百多场', '四百多场').replace('记者', '本报记者');
    const match = matchQuote(edited, target)!;
    expect(match.kind).toBe('fuzzy');
    expect(edited.slice(match.start, match.end)).toBe('屋场恳谈会今年已在全市召开了四百多场😀');
    const emoji = saved(text, '😀');
    expect(emoji.prefix.endsWith('场')).toBe(true);
    expect(matchQuote(text, emoji)).toMatchObject({ kind: 'exact', start: text.indexOf('😀') });
  });

  it('does no fuzzy matching in exact-only mode', () => {
    const target = saved(ARTICLE, 'the treasurer disagreed strongly with that forecast');
    const edited = ARTICLE.replace('disagreed strongly', 'disagreed sharply');
    expect(matchQuote(edited, target, { fuzzy: false })).toBeNull();
  });

  it('finds a passage moved far away by inserted paragraphs', () => {
    const target = saved(ARTICLE, 'Residents asked about the river.');
    const filler = 'An unrelated paragraph about something else entirely. '.repeat(200);
    const edited = ARTICLE.replace('Residents asked about the river.', `${filler}Residents asked about the rivers.`);
    const match = matchQuote(edited, target)!;
    expect(match.kind).toBe('fuzzy');
    expect(edited.slice(match.start, match.end)).toMatch(/^Residents asked about the river/);
  });
});
