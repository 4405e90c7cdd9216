import { describe, expect, it } from 'vitest';
import { foldText, splitPieces } from '../../../lib/text/fold';
import { searchStem } from '../../../lib/text/stem';
import { parseQuery, termsOf } from '../../../lib/search/terms';

describe('folding', () => {
  it('folds width, case and Latin diacritics but keeps kana voicing marks', () => {
    expect(foldText('ＣＡＦÉ Crème')).toBe('cafe creme');
    expect(foldText('ｶﾞｲﾄﾞ')).toBe('ガイド');
    expect(foldText('がぎぐ')).toBe('がぎぐ');
    expect(foldText('Straße')).toBe('strasse');
  });

  it('cuts text into CJK runs and words, whatever the punctuation', () => {
    expect(splitPieces(foldText('「小屋场」撬动 China’s economy，东京タワー2024年'))).toEqual([
      { kind: 'cjk', text: '小屋场' },
      { kind: 'cjk', text: '撬动' },
      { kind: 'word', text: 'china' },
      { kind: 'word', text: 'economy' },
      { kind: 'cjk', text: '东京タワー' },
      { kind: 'word', text: '2024' },
      { kind: 'cjk', text: '年' },
    ]);
  });
});

describe('stemming', () => {
  it('makes inflected forms meet', () => {
    expect(searchStem('policies')).toBe(searchStem('policy'));
    expect(searchStem('running')).toBe(searchStem('runs'));
    expect(searchStem('governed')).toBe(searchStem('governing'));
    expect(searchStem('boxes')).toBe(searchStem('box'));
    expect(searchStem('analysis')).toBe('analysis');
    expect(searchStem('general')).not.toBe(searchStem('generous'));
  });
});

describe('index terms and queries', () => {
  it('indexes CJK runs as bigrams plus the last character', () => {
    expect(termsOf(['基层治理'])).toEqual(['基层', '层治', '治理', '理'].sort());
  });

  it('indexes words and their stems', () => {
    expect(termsOf(['Policies matter'])).toEqual(['matter', 'policies', 'policy'].sort());
  });

  it('parses a mixed query, with the last word as a prefix while typing', () => {
    expect(parseQuery('基层治理 climate polic')).toEqual([
      { kind: 'exact', terms: ['基层', '层治', '治理'], substring: '基层治理' },
      { kind: 'word', stem: 'climat', prefix: null },
      { kind: 'word', stem: 'polic', prefix: 'polic' },
    ]);
    expect(parseQuery('policy ')).toEqual([{ kind: 'word', stem: 'policy', prefix: null }]);
    expect(parseQuery('治')).toEqual([{ kind: 'prefix', prefix: '治' }]);
    expect(parseQuery('治理')).toEqual([{ kind: 'exact', terms: ['治理'], substring: null }]);
    expect(parseQuery(' ，。 ')).toEqual([]);
  });
});
