import { describe, expect, it } from 'vitest';
import { CandidateBag, quotedPhrases } from '../../../lib/topics/candidates';
import { collectCjkCandidates } from '../../../lib/topics/candidates-cjk';
import { detectTopicLanguage, wordSegmenter } from '../../../lib/topics/language';
import { pluralStem } from '../../../lib/text/stem';
import { isStopWord } from '../../../lib/topics/stopwords';

const words = (language: 'zh' | 'ja' | 'ko' | 'en', text: string) =>
  [...wordSegmenter(language).segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);

describe('Intl.Segmenter (this runtime\'s ICU) on CJK', () => {
  it('splits Chinese into dictionary words, and rare words into pieces', () => {
    const zh = words('zh', '促进了信访工作高质量发展');
    expect(zh).toEqual(expect.arrayContaining(['促进', '工作', '发展']));
    // 信访 is not in ICU's dictionary: this is why adjacent segments are joined into n-grams.
    expect(zh).not.toContain('信访');
  });

  it('splits Japanese and Korean into words', () => {
    expect(words('ja', '東京都の知事選挙が行われました')).toEqual(expect.arrayContaining(['東京', '知事', '選挙']));
    expect(words('ko', '서울시 시장 선거가 열렸다')).toEqual(['서울시', '시장', '선거가', '열렸다']);
  });
});

describe('CJK candidates', () => {
  const field = (text: string, weight = 1, heading = false) => ({ text, weight, heading });

  it('joins recurring pieces into one term and counts it in the raw text', () => {
    const bag = new CandidateBag();
    collectCjkCandidates([field('县里召开屋场恳谈会。屋场恳谈会开到村组。信访矛盾在屋场恳谈会上化解，信访量下降。')], 'zh', bag);
    expect(bag.byKey.get('屋场恳谈会')).toMatchObject({ occurrences: 3, entityVotes: 3 });
    expect(bag.byKey.get('信访')).toMatchObject({ occurrences: 2 });
    expect(bag.byKey.has('了')).toBe(false);
    expect([...bag.byKey.keys()].every((key) => [...key].length >= 2)).toBe(true);
  });

  it('keeps a phrase said once only in a heading, as a pair of words', () => {
    const bag = new CandidateBag();
    collectCjkCandidates([field('撬动基层治理', 3, true), field('加强基层建设和源头治理。')], 'zh', bag);
    expect(bag.byKey.get('基层治理')).toMatchObject({ occurrences: 1, parts: 2, inHeading: true });
    expect(bag.byKey.has('撬动基层治理')).toBe(false);
  });

  it('strips Korean particles and treats Japanese kana-only words as function words', () => {
    const bag = new CandidateBag();
    collectCjkCandidates([field('서울시 시장 선거가 열렸다. 선거는 내일이다.')], 'ko', bag);
    expect(bag.byKey.get('선거')?.occurrences).toBe(2);
    expect(isStopWord('ました', 'ja')).toBe(true);
    expect(isStopWord('選挙', 'ja')).toBe(false);
  });

  it('takes quoted terms whole but not quoted speech', () => {
    expect(quotedPhrases('力推「屋场恳谈会+信访」新模式，“感谢屋场恳谈会，解决了纠纷。”《人民日报》', 10)).toEqual(
      expect.arrayContaining(['屋场恳谈会', '信访', '人民日报']),
    );
    expect(quotedPhrases('“感谢屋场恳谈会，解决了纠纷。”', 10)).toEqual([]);
  });
});

describe('language and English normalisation', () => {
  it('detects the language from the declared tag or the script', () => {
    expect(detectTopicLanguage('anything', 'zh-CN')).toBe('zh');
    expect(detectTopicLanguage('衡南县力推屋场恳谈会')).toBe('zh');
    expect(detectTopicLanguage('東京都の知事選挙が行われました')).toBe('ja');
    expect(detectTopicLanguage('서울시 시장 선거가 열렸다')).toBe('ko');
    expect(detectTopicLanguage('The Senate adjourned.')).toBe('en');
  });

  it('folds plurals and possessives lightly, without over-stemming', () => {
    expect(['elections', 'policies', 'taxes', 'houses', "china's", 'children'].map(pluralStem)).toEqual(
      ['election', 'policy', 'tax', 'house', 'china', 'child'],
    );
    expect(['news', 'politics', 'crisis', 'business', 'general', 'university', 'police'].map(pluralStem)).toEqual(
      ['news', 'politics', 'crisis', 'business', 'general', 'university', 'police'],
    );
    expect(pluralStem('policy')).not.toBe(pluralStem('police'));
  });
});

describe('Japanese and Korean articles', () => {
  it('keeps katakana compounds whole and drops Korean predicates', async () => {
    const { suggestTopics } = await import('../../../lib/topics');
    const ja = suggestTopics({
      title: '東京都知事選挙、小池百合子氏が三選',
      text: '東京都知事選挙は7日投開票され、現職の小池百合子氏が三選を果たした。小池百合子氏は記者会見で防災対策を強化すると述べた。新型コロナウイルス対策が争点となった。',
      lang: 'ja',
    }).map((s) => s.name);
    expect(ja).toEqual(expect.arrayContaining(['小池百合子', '東京都知事選挙', 'コロナウイルス']));
    expect(ja).not.toContain('ウイルス');
    const ko = suggestTopics({
      title: '서울시장 선거, 오세훈 후보 당선',
      text: '서울시장 보궐선거에서 오세훈 후보가 당선됐다. 오세훈 후보는 서울시 부동산 정책을 바꾸겠다고 밝혔다. 국민의힘은 서울시장 선거 결과를 환영했다.',
      lang: 'ko',
    }).map((s) => s.name);
    expect(ko).toEqual(expect.arrayContaining(['서울시장', '오세훈', '선거']));
    for (const predicate of ['당선됐다', '바꾸겠다고', '환영했다', '밝혔다']) expect(ko).not.toContain(predicate);
  });
});
