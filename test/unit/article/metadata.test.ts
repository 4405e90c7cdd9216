// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { jsonLdArticles, jsonLdNodes, parseEnpProperty, readMetadata } from '@/lib/article/metadata';

function page(head: string, body = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}

describe('JSON-LD', () => {
  it('finds articles in arrays, @graph and nested entities, and ignores malformed blocks', () => {
    const found = jsonLdArticles(jsonLdNodes([
      '{ this is not json',
      '[{"@type":"BreadcrumbList"},{"@type":"NewsArticle","headline":"A"}]',
      '{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":["ReportageNewsArticle"],"headline":"B"}]}',
      '{"@type":"WebPage","mainEntity":{"@type":"Article","headline":"C"}}',
    ]));
    expect(found.map((item) => item.headline)).toEqual(['A', 'B', 'C']);
  });
  it('reads headline, authors, dates, section and language', () => {
    const doc = page(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"从“最多跑一次”到“一次都不用跑”",
      "alternativeHeadline":"石鼓区加快推进行政审批数字化转型","datePublished":"2022-09-05T07:58:12+08:00","dateModified":"2022-09-05T09:03:40+08:00",
      "author":[{"@type":"Person","name":"唐翔"}],"publisher":{"@type":"Organization","name":"衡阳全搜索网"},"articleSection":"衡阳新闻","inLanguage":"zh-CN"}</script>`);
    const meta = readMetadata(doc);
    expect(meta.titles[0]).toBe('从“最多跑一次”到“一次都不用跑”');
    expect(meta.subtitle).toBe('石鼓区加快推进行政审批数字化转型');
    expect(meta.authors).toEqual(['唐翔']);
    expect(meta.publishedDate).toBe('2022-09-05T07:58:12+08:00');
    expect(meta.modifiedDate).toBe('2022-09-05T09:03:40+08:00');
    expect(meta.section).toBe('衡阳新闻');
    expect(meta.lang).toBe('zh-CN');
    expect(meta.siteName).toBe('衡阳全搜索网');
    expect(meta.isArticle).toBe(true);
  });
});

describe('meta tags', () => {
  it('reads OpenGraph and article:*', () => {
    const meta = readMetadata(page(`<meta property="og:title" content="Title A"><meta property="og:site_name" content="Site">
      <meta property="article:published_time" content="2019-06-12T10:00:00Z"><meta property="article:section" content="World">
      <meta property="og:type" content="article">`));
    expect(meta).toMatchObject({ titles: ['Title A'], siteName: 'Site', publishedDate: '2019-06-12T10:00:00Z', section: 'World', isArticle: true });
  });
  it('reads citation_*, Dublin Core, parsely and sailthru', () => {
    expect(readMetadata(page('<meta name="citation_title" content="Paper"><meta name="citation_author" content="Ada Lovelace"><meta name="citation_publication_date" content="2021/03/04">')))
      .toMatchObject({ titles: ['Paper'], authors: ['Ada Lovelace'], publishedDate: '2021-03-04' });
    expect(readMetadata(page('<meta name="DC.title" content="DC Title"><meta name="DC.creator" content="Grace Hopper"><meta name="DC.date" content="2020-01-02">')))
      .toMatchObject({ titles: ['DC Title'], authors: ['Grace Hopper'], publishedDate: '2020-01-02' });
    expect(readMetadata(page('<meta name="parsely-title" content="P"><meta name="parsely-author" content="Alan Turing"><meta name="parsely-pub-date" content="2018-05-06T07:08:09Z">')))
      .toMatchObject({ titles: ['P'], authors: ['Alan Turing'], publishedDate: '2018-05-06T07:08:09Z' });
    expect(readMetadata(page('<meta name="sailthru.title" content="S"><meta name="sailthru.date" content="2017-01-01 10:00:00">')))
      .toMatchObject({ titles: ['S'], publishedDate: '2017-01-01T10:00:00' });
  });
  it('reads microdata', () => {
    const meta = readMetadata(page('', `<article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Micro</h1>
      <time itemprop="datePublished" datetime="2016-02-03">Feb 3</time><span itemprop="author">Linus Torvalds</span></article>`));
    expect(meta).toMatchObject({ titles: ['Micro'], authors: ['Linus Torvalds'], publishedDate: '2016-02-03', isArticle: true });
  });
});

describe('Founder e-paper tags', () => {
  it('reads founder-* elements and prefers the edition date over the enpproperty typesetting time', () => {
    const doc = page('', `<!--enpproperty <articleid>1186523</articleid><date>2022-09-04 21:47:15.0</date><author>周瑞华 谭明星 罗军</author><title>「小屋场」撬动基层治理「大能量」</title><nodesearchname>要闻</nodesearchname>/enpproperty-->
      <h1><founder-title>「小屋场」撬动基层治理「大能量」</founder-title></h1><founder-author>周瑞华 谭明星 罗军</founder-author><founder-date>2022-09-05</founder-date>`);
    const meta = readMetadata(doc);
    expect(meta.titles[0]).toBe('「小屋场」撬动基层治理「大能量」');
    expect(meta.authors).toEqual(['周瑞华', '谭明星', '罗军']);
    expect(meta.publishedDate).toBe('2022-09-05');
    expect(meta.section).toBe('要闻');
    expect(meta.founder).toBe(true);
  });
  it('parses enpproperty fields', () => {
    expect(parseEnpProperty('enpproperty <date>2022-09-04 21:47:15.0</date><subtitle></subtitle><introtitle>引题</introtitle>/enpproperty'))
      .toEqual({ date: '2022-09-04 21:47:15.0', subtitle: '', introtitle: '引题' });
  });
});
