import { describe, expect, it } from 'vitest';
import { encodeTextDirectiveTerm, textDirective, textFragmentUrl } from '@/lib/anchoring/text-fragment';

describe('text fragment links', () => {
  it('percent-encodes the directive syntax characters', () => {
    expect(encodeTextDirectiveTerm('a-b, c & d')).toBe('a%2Db%2C%20c%20%26%20d');
  });

  it('links a short quote with whole-word context', () => {
    const url = textFragmentUrl('https://news.example/a?id=1#top', {
      exact: 'the budget would rise',
      prefix: 'uesday. The mayor said ',
      suffix: ' again next year, and the tre',
    });
    expect(url).toBe('https://news.example/a?id=1#top:~:text=The%20mayor%20said-,the%20budget%20would%20rise,-again%20next%20year');
  });

  it('links a long quote by its first and last words', () => {
    const exact = `Start of it ${'middle words '.repeat(30)}and the end.`;
    expect(textDirective({ exact, prefix: '', suffix: '' })).toBe('Start%20of%20it%20middle,words%20and%20the%20end.');
  });

  it('uses characters, not words, for CJK context', () => {
    const directive = textDirective({ exact: '屋场恳谈会', prefix: '记者从市政府获悉，', suffix: '今年已在全市召开了三百多场' });
    const [prefix, exact, suffix] = directive.split(',').map(decodeURIComponent);
    expect(prefix).toBe('记者从市政府获悉，-');
    expect(exact).toBe('屋场恳谈会');
    expect(suffix).toBe(`-${[...new Intl.Segmenter(undefined, { granularity: 'word' }).segment('今年已在全市召开了三百多场')].filter((s) => s.isWordLike).slice(0, 4).map((s) => s.segment).join('')}`);
  });

  it('grows a quote that starts or ends inside a word to whole words (browsers match on word boundaries)', () => {
    expect(textDirective({ exact: 'udget would ri', prefix: 'The mayor said the b', suffix: 'se again' })).toBe(
      'mayor%20said%20the-,budget%20would%20rise,-again',
    );
  });

  it('replaces an earlier text directive', () => {
    expect(textFragmentUrl('https://x.example/#:~:text=old', { exact: 'new', prefix: '', suffix: '' })).toBe('https://x.example/#:~:text=new');
  });
});
