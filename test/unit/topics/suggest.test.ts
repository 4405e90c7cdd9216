import { describe, expect, it } from 'vitest';
import { buildLibraryStats, suggestTopics, suggestTopicsForHighlight } from '../../../lib/topics';
import { englishBodies, englishTitle, newsZhArticles } from './fixtures';

const names = (suggestions: { name: string }[]) => suggestions.map((s) => s.name);

describe('Chinese article: the 衡南县 lead story (02-founder-article-lead)', () => {
  const [lead] = newsZhArticles('02-founder-article-lead');
  const article = { title: lead!.title, kicker: lead!.kicker, subtitle: lead!.subtitle, paragraphs: lead!.paragraphs, lang: 'zh-CN' };

  it('suggests the terms a reader would tag, not the filler', () => {
    const suggested = names(suggestTopics(article));
    expect(suggested.length).toBeGreaterThanOrEqual(5);
    expect(suggested.length).toBeLessThanOrEqual(10);
    for (const term of ['屋场恳谈会', '信访', '衡南县', '基层治理']) expect(suggested).toContain(term);
    for (const filler of ['近年来', '近年', '群众', '工作', '今年']) expect(suggested).not.toContain(filler);
    // One reading of the title, not both: 基层治理 rather than 撬动基层.
    expect(suggested).not.toContain('撬动基层');
    // The name of the county and the meeting format lead the list.
    expect(suggested.slice(0, 3)).toEqual(expect.arrayContaining(['屋场恳谈会', '衡南县']));
  });

  it('puts existing tags that fit first, in their own spelling, and skips ones already on the item', () => {
    const suggested = suggestTopics(article, { existingTags: ['Politics/衡南县', '体育', '基层治理'], exclude: ['信访'] });
    expect(suggested.slice(0, 2).map((s) => [s.name, s.source])).toEqual([
      ['Politics/衡南县', 'existing-tag'],
      ['基层治理', 'existing-tag'],
    ]);
    expect(names(suggested)).not.toContain('体育');
    expect(names(suggested)).not.toContain('信访');
    expect(names(suggested)).not.toContain('衡南县');
  });

  it('scores against the library: a term in every stored article drops', () => {
    const alone = names(suggestTopics(article));
    const others = newsZhArticles('01-epaper-layout-front-page');
    // A library where every article talks about 信访 makes it ordinary.
    const library = buildLibraryStats([...others, ...others].map((a) => ({ ...a, paragraphs: [...a.paragraphs, '信访'] })));
    expect(library.documentCount).toBe(others.length * 2);
    const withLibrary = names(suggestTopics(article, { library }));
    expect(withLibrary.indexOf('信访')).toBeGreaterThan(alone.indexOf('信访'));
  });

  it('suggests from a highlight\'s quote and context, not from elsewhere in the article', () => {
    const paragraph = lead!.paragraphs[4]!;
    const highlight = { exact: paragraph.slice(0, 40), prefix: lead!.paragraphs[3]!.slice(-30), suffix: paragraph.slice(40, 70) };
    const suggested = names(suggestTopicsForHighlight(highlight, { article }));
    expect(suggested).toContain('屋场恳谈会');
    expect(suggested).toContain('衡南县');
    expect(suggested.length).toBeLessThanOrEqual(6);
    // 小屋场 is only in the title and an earlier paragraph.
    expect(suggested).not.toContain('小屋场');
  });

  it('finds the other stories\' subjects too', () => {
    const [, shigu, zhuhui] = newsZhArticles('01-epaper-layout-front-page');
    expect(names(suggestTopics(shigu!))).toEqual(expect.arrayContaining(['石鼓区', '跨省通办']));
    expect(names(suggestTopics(zhuhui!))).toEqual(expect.arrayContaining(['赖馨正', '珠晖区', '金秋助学']));
  });
});

describe('English article (scrapinghub-dev: NYT on the trade war)', () => {
  const id = '702d1da63b8e' as const;
  const bodies = englishBodies();
  const fullId = Object.keys(bodies).find((key) => key.startsWith(id))!;
  const article = { title: englishTitle(fullId), text: bodies[fullId]!.articleBody, lang: 'en' };

  it('favours names and recurring terms, folds plurals, and drops stop words', () => {
    const suggestions = suggestTopics(article);
    const suggested = names(suggestions);
    expect(suggested.length).toBeGreaterThanOrEqual(5);
    expect(suggested).toEqual(expect.arrayContaining(['China', 'Trump']));
    expect(suggestions.find((s) => s.name === 'China')!.source).toBe('name');
    expect(suggested.some((name) => /^tariffs?$/.test(name))).toBe(true);
    for (const word of ['said', 'the', 'year', 'people', 'would']) expect(suggested.map((n) => n.toLowerCase())).not.toContain(word);
  });

  it('keeps multiword names whole', () => {
    const text = 'The European Central Bank raised rates. Analysts at the European Central Bank said the Bank of England would follow. '
      + 'The Bank of England declined to comment. Rates rose in New York and rates fell in Tokyo, where the rate is lowest.';
    const suggested = names(suggestTopics({ text, lang: 'en' }));
    expect(suggested).toEqual(expect.arrayContaining(['European Central Bank', 'Bank of England', 'rates']));
    expect(suggested).not.toContain('rate');
    expect(suggested).not.toContain('Central');
    expect(suggested).not.toContain('The European Central Bank');
  });
});

describe('hostile input', () => {
  it('returns nothing for empty or punctuation-only text, and copes with huge pages', () => {
    expect(suggestTopics({})).toEqual([]);
    expect(suggestTopics({ title: '「」“”《》', text: '。。。!!! ,,, \u0000\u0007 ——' })).toEqual([]);
    const [lead] = newsZhArticles('02-founder-article-lead');
    // Two megabytes: the body beyond the first 12,000 characters is not read.
    const huge = lead!.paragraphs.join('') + '<script>alert(1)</script>'.repeat(80_000);
    const start = performance.now();
    const suggested = names(suggestTopics({ title: lead!.title, text: huge }));
    expect(performance.now() - start).toBeLessThan(2000);
    expect(suggested).toContain('屋场恳谈会');
  });
});
