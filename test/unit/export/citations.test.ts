import { describe, expect, it } from 'vitest';
import { toBibtex } from '@/lib/transfer/export/bibtex';
import { splitName } from '@/lib/transfer/export/citation';
import { toCslItems, toCslJson } from '@/lib/transfer/export/csl';
import { csvCell, toCsv } from '@/lib/transfer/export/csv';
import { toRis } from '@/lib/transfer/export/ris';
import { allBundles, guardianStory, leadStory } from './fixtures';
import { expectGolden } from './golden';

const articles = () => allBundles().map((b) => b.article);

describe('names', () => {
  it.each([
    ['Eleanor Ainge Roy', { family: 'Roy', given: 'Eleanor Ainge' }],
    ['Roy, Eleanor Ainge', { family: 'Roy', given: 'Eleanor Ainge' }],
    ['Ludwig van Beethoven', { family: 'van Beethoven', given: 'Ludwig' }],
    ['Martin Luther King Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['周瑞华', { literal: '周瑞华' }],
    ['村上 春樹', { literal: '村上 春樹' }],
    ['Reuters', { literal: 'Reuters' }],
  ])('splits %j', (name, expected) => {
    expect(splitName(name)).toEqual(expected);
  });
});

describe('CSL-JSON', () => {
  it('matches the golden file', () => {
    expectGolden('citations/articles.csl.json', toCslJson(articles()));
  });

  it('uses the news-article type, keeps CJK names whole and dates as parts', () => {
    const [zh, , en] = toCslItems(articles());
    expect(zh!.type).toBe('article-newspaper');
    expect(zh!.author).toEqual([{ literal: '周瑞华' }, { literal: '谭明星' }, { literal: '罗军' }]);
    expect(zh!.issued).toEqual({ 'date-parts': [[2022, 9, 5]] });
    expect(en!.author).toEqual([{ family: 'Roy', given: 'Eleanor Ainge' }]);
    expect(en!.id).toBe('Roy2019');
  });

  it('keeps ids unique when two articles share a key', () => {
    const a = guardianStory().article;
    const ids = toCslItems([a, { ...a, id: 'other' }, { ...a, id: 'third' }]).map((i) => i.id);
    expect(ids).toEqual(['Roy2019', 'Roy2019a', 'Roy2019b']);
  });
});

describe('BibTeX', () => {
  it('matches the golden file', () => {
    expectGolden('citations/articles.bib', toBibtex(articles()));
  });

  it('braces CJK authors as one name, splits Western ones and keeps Chinese text', () => {
    const bib = toBibtex(articles());
    expect(bib).toContain('author = {{周瑞华} and {谭明星} and {罗军}},');
    expect(bib).toContain('author = {Roy, Eleanor Ainge},');
    expect(bib).toContain('title = {{「小屋场」撬动基层治理「大能量」}},');
    expect(bib).toContain('journal = {衡阳日报},');
    expect(bib).toContain('month = sep,');
    expect(bib.match(/^@article\{/gm)).toHaveLength(3);
  });

  it('keeps a URL verbatim except for characters that would break the field', () => {
    const a = { ...guardianStory().article, url: 'https://x.example/a_b?q=100%25#frag {x}' };
    expect(toBibtex([a])).toContain('url = {https://x.example/a_b?q=100%25#frag%20%7Bx%7D},');
  });

  it('escapes LaTeX specials so the file compiles', () => {
    const a = { ...guardianStory().article, title: '100% of $5 & #1 {x} a_b ^ ~ \\' };
    expect(toBibtex([a])).toContain('title = {{100\\% of \\$5 \\& \\#1 \\{x\\} a\\_b \\textasciicircum{} \\textasciitilde{} \\textbackslash{}}},');
  });
});

describe('RIS', () => {
  it('matches the golden file', () => {
    expectGolden('citations/articles.ris', toRis(articles()));
  });

  it('writes one NEWS record per article with one line per tag', () => {
    const ris = toRis([leadStory().article]);
    expect(ris.startsWith('TY  - NEWS\r\n')).toBe(true);
    expect(ris).toContain('AU  - 周瑞华\r\nAU  - 谭明星\r\nAU  - 罗军\r\n');
    expect(ris).toContain('DA  - 2022/09/05/\r\n');
    expect(ris.trimEnd().endsWith('ER  -')).toBe(true);
  });
});

describe('CSV', () => {
  it('matches the golden file', () => {
    expectGolden('csv/highlights.csv', toCsv(allBundles()));
  });

  it('starts with a BOM and quotes per RFC 4180', () => {
    const csv = toCsv([leadStory()]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(5);
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx'])('guards the formula-like cell %j', (cell) => {
    expect(csvCell(cell).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('guards formula-like notes in a real export', () => {
    expect(toCsv([guardianStory()])).toContain(`"'=HYPERLINK(""http://x"") + @cmd"`);
  });
});

describe('a page without a publication or a date', () => {
  const webpage = () => ({ ...guardianStory().article, siteName: 'Some Blog', publishedDate: null, section: null });

  it('is a CSL webpage, a biblatex @online with its organization and an RIS ELEC record', () => {
    expect(toCslItems([webpage()])[0]!.type).toBe('webpage');
    const bib = toBibtex([webpage()]);
    expect(bib).toMatch(/^@online\{Roy,/);
    expect(bib).toContain('organization = {Some Blog},');
    expect(toRis([webpage()])).toMatch(/^TY {2}- ELEC\r\n/);
  });

  it('a dated story of a named publication stays a newspaper article, with its page when printed', () => {
    const lead = leadStory().article;
    expect(toCslItems([lead])[0]).toMatchObject({ type: 'article-newspaper', page: '01', section: '要闻', 'container-title': '衡阳日报' });
    expect(toRis([lead])).toContain('SP  - 01\r\n');
    expect(toBibtex([lead])).toContain('pages = {01},');
  });
});
