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

  describe('highlights stored without a fragment: block ends that textContent glued', () => {
    it('after an embedded tweet, the tweet\'s last word joins neither the quote nor its prefix', () => {
      // `…May 3, 2019</blockquote><p>The council…`: textContent runs "2019The".
      const directive = textDirective({ exact: 'The council voted', prefix: 'Someone (@some) May 3, 2019', suffix: ' on Tuesday to close the pool.' });
      expect(directive).toBe('The%20council%20voted,-on%20Tuesday%20to');
    });

    it('a quote that ends where the next block starts gets no suffix from it', () => {
      expect(textDirective({ exact: 'close the pool.', prefix: 'voted on Tuesday to ', suffix: 'Related stories' })).toBe(
        'on%20Tuesday%20to-,close%20the%20pool.',
      );
    });

    it('a quote across a glued boundary links by its first and last words', () => {
      expect(textDirective({ exact: 'in 2019Officials said', prefix: 'It opened ', suffix: '' })).toBe('It%20opened-,in%202019,Officials%20said');
    });

    it('keeps words with an inner capital in the quote whole', () => {
      expect(textDirective({ exact: 'on YouTube today', prefix: 'was shown ', suffix: '' })).toBe('was%20shown-,on%20YouTube%20today');
    });

    it('a line break (a <br>, list item or table cell in the source) still ends the context', () => {
      expect(textDirective({ exact: 'beta item', prefix: 'alpha item\n', suffix: '\ngamma' })).toBe('beta%20item');
    });
  });
});
