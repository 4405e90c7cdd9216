// @vitest-environment happy-dom
/**
 * Citations in each shipped CSL style for articles as detection reads them: the news-zh fixtures and three
 * English corpus pages (a newspaper, a broadcaster crediting itself, an undated magazine page). Checked by hand
 * against each style's rules once (docs/export.md) and pinned in test/golden/citations/<style>.txt.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/article';
import { detectedInput } from '@/lib/content/articles';
import type { ArticleRecord } from '@/lib/model/records';
import { CITATION_STYLES, defaultCitationStyle, type CitationStyle } from '@/lib/transfer/export/citation-styles';
import { loadCiter, type Citer } from '@/lib/transfer/export/cite';
import { articleToMarkdown } from '@/lib/transfer/export/markdown';
import { urlKey } from '@/lib/url/normalize';
import { SHARED } from './fixtures';
import { expectGolden } from './golden';

const CSL_DIR = resolve(__dirname, '../../../public/csl');
const load = (file: string) => readFile(join(CSL_DIR, file), 'utf8');
const CLIPPED_AT = Date.UTC(2026, 10, 20, 8, 30);
const ZH = ['01-epaper-layout-front-page', '02-founder-article-lead', '03-portal-article-shigu'];
const EN = {
  nytimes: '702d1da6', // The New York Times, Ana Swanson
  bbc: 'c7e39ac4', // BBC News, credited to BBC News
  quanta: 'bdb56ac8', // Quanta Magazine, no date: a webpage
};

function articlesOf(html: string, url: string, name: string): ArticleRecord[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return detectPage(doc, { url }).articles.map((detected, i) => ({
    ...detectedInput(doc, detected), id: `${name}-${i}`, url, urlKey: urlKey(url)!, tags: [], userEdited: [],
    createdAt: CLIPPED_AT, updatedAt: CLIPPED_AT,
  }));
}

function zhArticles(): ArticleRecord[] {
  return ZH.flatMap((name) => {
    const dir = join(SHARED, 'fixtures/news-zh');
    const { url } = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
    return articlesOf(readFileSync(join(dir, `${name}.html`), 'utf8'), url, name);
  });
}

function enArticles(): Record<keyof typeof EN, ArticleRecord> {
  const dir = join(SHARED, 'corpus/scrapinghub-dev');
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8'));
  const out = {} as Record<keyof typeof EN, ArticleRecord>;
  for (const [key, prefix] of Object.entries(EN) as [keyof typeof EN, string][]) {
    const id = Object.keys(truth).find((k) => k.startsWith(prefix))!;
    const html = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8');
    out[key] = articlesOf(html, truth[id].url, key)[0]!;
  }
  return out;
}

let zh: ArticleRecord[];
let en: Record<keyof typeof EN, ArticleRecord>;
const citers = new Map<CitationStyle, Citer>();

beforeAll(async () => {
  zh = zhArticles();
  en = enArticles();
  for (const style of CITATION_STYLES) citers.set(style, await loadCiter(style, load));
}, 120_000);

describe('detection feeds the citation', () => {
  it('reads the e-paper stories with their paper, page and section, and authors without roles', () => {
    // 4 stories on the front page, the lead story's own page, the portal page.
    expect(zh).toHaveLength(6);
    const lead = zh[4]!;
    expect(lead.authors.map((a) => a.name)).toEqual(['周瑞华', '谭明星', '罗军']);
    expect(lead.authors[0]!.role).toBe('全媒体记者');
    expect([lead.siteName, lead.page, lead.section, lead.publishedDate?.slice(0, 10)]).toEqual(['衡阳日报', '01', '要闻', '2022-09-05']);
    expect(zh[5]!.page ?? null).toBeNull();
  });
});

describe.each(CITATION_STYLES)('%s', (style) => {
  it('matches the golden file', () => {
    const citer = citers.get(style)!;
    const lines = [...zh, en.nytimes, en.bbc, en.quanta].map((article) => citer.cite(article).text);
    expectGolden(`citations/${style}.txt`, `${lines.join('\n')}\n`);
  });
});

describe('what the styles print', () => {
  it('GB/T 7714 numeric: authors, title[N], paper, date(page), no list number', () => {
    expect(citers.get('gbt7714-numeric')!.cite(zh[4]!).text).toMatch(/^周瑞华, 谭明星, 罗军\. 「小屋场」撬动基层治理「大能量」\[N\/OL\]\. 衡阳日报, 2022-09-05\(01\)/);
  });
  it('APA: the paper in italics in Markdown and HTML, the page after it', () => {
    const { markdown, html } = citers.get('apa')!.cite(zh[4]!);
    expect(markdown).toContain('*衡阳日报*, 01.');
    expect(html).toContain('<i>衡阳日报</i>, 01.');
    expect(html).toContain('<a href="http://epaper.hyrb.example/html/2022-09/05/content_1186523.htm">');
  });
  it('a page without date or publication is a webpage: GB/T says [EB/OL], APA says n.d.', () => {
    const undated = { ...en.quanta, publishedDate: null };
    expect(citers.get('gbt7714-numeric')!.cite(undated).text).toContain('[EB/OL]');
    expect(citers.get('apa')!.cite(undated).text).toContain('(n.d.)');
  });
  it('escapes page text: Markdown specials and HTML', () => {
    const hostile = { ...en.nytimes, title: '<img src=x onerror=alert(1)> *bold* [x](javascript:alert(1))' };
    const { markdown, html } = citers.get('apa')!.cite(hostile);
    expect(html).not.toContain('<img');
    expect(markdown).toContain('\\*bold\\*');
    expect(markdown).toContain('\\[x\\]');
  });
  it('cites the article it is given, not one cited before', () => {
    const citer = citers.get('mla')!;
    citer.cite(en.bbc);
    expect(citer.cite({ ...en.bbc, title: 'Another title' }).text).toContain('Another Title');
  });
  it('gives the Markdown export its citation line in the chosen style', () => {
    const citer = citers.get('gbt7714-numeric')!;
    const markdown = articleToMarkdown({ article: zh[4]!, highlights: [] }, { cite: (a) => citer.cite(a).markdown });
    expect(markdown).toContain('\n周瑞华, 谭明星, 罗军. 「小屋场」撬动基层治理「大能量」\\[N/OL\\]. 衡阳日报, 2022-09-05(01)\\[2026-11-20\\]. <http://epaper.hyrb.example/html/2022-09/05/content_1186523.htm>.\n');
  });
  it('starts with GB/T 7714 for a Chinese interface and APA otherwise', () => {
    expect(defaultCitationStyle('zh_CN')).toBe('gbt7714-numeric');
    expect(defaultCitationStyle('zh-CN')).toBe('gbt7714-numeric');
    expect(defaultCitationStyle('en')).toBe('apa');
  });
});
