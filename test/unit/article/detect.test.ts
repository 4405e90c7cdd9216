// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectPage, toDetectJson } from '@/lib/article';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const PARAGRAPH = 'This is a long enough paragraph of body text, with commas, clauses and a full stop at the end of it. ';

describe('detectPage never throws', () => {
  it('returns none for empty and frameset pages', () => {
    expect(detectPage(parse('')).pageKind).toBe('none');
    expect(detectPage(parse('<html><frameset><frame src="a.html"></frameset></html>')).pageKind).toBe('none');
  });
  it('survives hostile markup', () => {
    const deep = '<div>'.repeat(3000) + PARAGRAPH.repeat(5) + '</div>'.repeat(3000);
    const hostile = `<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
      <meta property="og:title" content="<img src=x onerror=alert(1)>"></head><body>${deep}<svg><text>svg</text></svg></body></html>`;
    const result = detectPage(parse(hostile));
    expect(['single-article', 'none']).toContain(result.pageKind);
  });
  it('turns internal failures into none', () => {
    const broken = { body: { tagName: 'BODY' }, URL: 'x' } as unknown as Document;
    expect(detectPage(broken)).toEqual({ pageKind: 'none', confidence: 0, articles: [], nonArticles: [] });
  });
  it('says none for a list of links', () => {
    const links = Array.from({ length: 40 }, (_, index) => `<li><a href="/a/${index}">Headline number ${index} of the index page</a></li>`).join('');
    expect(detectPage(parse(`<html><body><h1>Index</h1><ul>${links}</ul></body></html>`)).pageKind).toBe('none');
  });
});

describe('single article without layout', () => {
  const html = `<html lang="en"><head><title>Big news | Example Times</title>
    <meta property="og:title" content="Big news"><meta property="article:published_time" content="2022-09-05T08:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><p class="kicker">Politics</p><h1>Big news</h1><h2>What happened and why it matters</h2><p class="byline">By Jane Doe, Staff Writer</p>
    <div class="body"><p>WASHINGTON (AP) — ${PARAGRAPH}</p><p>${PARAGRAPH}Part 1.</p><blockquote><p>${PARAGRAPH}Part 2.</p></blockquote>
    <figure><img src="a.jpg"><figcaption>A photo of the thing.</figcaption></figure><p>${PARAGRAPH}Part 3.</p></div></article>
    <footer>Copyright 2022 Example Times. All rights reserved.</footer></body></html>`;
  it('finds title, kicker, subtitle, byline, dateline, body, captions', () => {
    const result = detectPage(parse(html));
    expect(result.pageKind).toBe('single-article');
    const [article] = result.articles;
    expect(article).toMatchObject({
      title: 'Big news', kicker: 'Politics', subtitle: 'What happened and why it matters',
      authors: [{ name: 'Jane Doe', role: 'Staff Writer' }], dateline: 'WASHINGTON (AP) —', datelineInline: true,
      publishedDate: '2022-09-05T08:00:00Z', lang: 'en', captions: ['A photo of the thing.'], storyKey: '0',
    });
    expect(article!.paragraphs).toHaveLength(4);
    expect(article!.paragraphs[0]).toBe(PARAGRAPH.trim());
    expect(article!.paragraphs[1]).toBe(`${PARAGRAPH}Part 1.`);
    expect(article!.paragraphKinds).toEqual(['paragraph', 'paragraph', 'quote', 'paragraph']);
    expect(article!.root.tagName).toBe('ARTICLE');
    expect(result.nonArticles.map((item) => item.kind)).toContain('nav');
  });
  it('produces the CLI JSON shape', () => {
    const json = toDetectJson(detectPage(parse(html)), 'page.html', 1.234);
    expect(Object.keys(json)).toEqual(['input', 'pageKind', 'confidence', 'articles', 'ms']);
    expect(Object.keys(json.articles[0]!)).toEqual([
      'kicker', 'title', 'subtitle', 'authors', 'editors', 'dateline', 'publishedDate', 'modifiedDate', 'siteName', 'section', 'page', 'lang', 'paragraphs', 'captions',
    ]);
    expect(json.ms).toBe(1.23);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('collapsed and hidden content', () => {
  it('does not repeat a body printed twice', () => {
    const body = [1, 2, 3].map((n) => `<p>${PARAGRAPH}Part ${n}.</p>`).join('');
    const html = `<html><body><article><h1>Story</h1>${body}<div style="display:none">${body}</div></article></body></html>`;
    expect(detectPage(parse(html)).articles[0]!.paragraphs).toHaveLength(3);
  });
  it('keeps a collapsed "read more" body and drops a hidden menu', () => {
    const html = `<html><body><div style="display:none"><a href="/a">Menu item one</a> <a href="/b">Menu item two</a></div>
      <article><h1>Story</h1><p>${PARAGRAPH}Part 4.</p><div class="more" style="display:none"><p>${PARAGRAPH}Part 5.</p><p>${PARAGRAPH}Part 6.</p><p>${PARAGRAPH}Part 7.</p></div></article></body></html>`;
    const [article] = detectPage(parse(html)).articles;
    expect(article!.paragraphs).toHaveLength(4);
    expect(article!.paragraphs.join(' ')).not.toContain('Menu item');
  });
});

describe('several stories on one page', () => {
  const story = (id: number, title: string, body: string) =>
    `<div class="story" id="s${id}"><div class="title">${title}</div><div class="text"><p>${body}</p><p>${body}</p></div></div>`;
  const zh = '　　本报讯（记者 张三）近日，市里召开会议，研究部署下一阶段的重点工作，要求各部门切实抓好落实，确保各项任务按期完成。';
  it('splits stories, and keeps notices out', () => {
    const html = `<html><body><div id="list">${story(1, '第一条新闻标题', zh)}${story(2, '第二条新闻标题', zh)}
      ${story(3, '安全生产巡查公告', zh)}</div></body></html>`;
    const result = detectPage(parse(html));
    expect(result.pageKind).toBe('multi-article');
    expect(result.articles.map((article) => article.title)).toEqual(['第一条新闻标题', '第二条新闻标题']);
    expect(result.articles[0]!.root.id).toBe('s1');
    expect(result.articles[0]!.dateline).toBe('本报讯（记者 张三）');
    expect(result.articles[0]!.authors).toEqual([{ name: '张三', role: '记者' }]);
    expect(result.articles[0]!.storyKey).not.toBe(result.articles[1]!.storyKey);
    expect(result.nonArticles.find((item) => item.kind === 'notice')?.textStart).toMatch(/^安全生产巡查公告/);
  });
  it('reads sections without bylines or datelines as one article', () => {
    const plain = '近日，市里召开会议，研究部署下一阶段的重点工作，要求各部门切实抓好落实，确保各项任务按期完成。';
    const html = `<html><body><div id="list">${story(1, '第一个问题是什么', plain)}${story(2, '第二个问题是什么', plain)}</div></body></html>`;
    const result = detectPage(parse(html));
    expect(result.pageKind).toBe('single-article');
    expect(result.articles[0]!.paragraphs.filter((text) => text === plain)).toHaveLength(4);
  });
});
