// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/article';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const ZH = '近年来，这一社会群体的生活保障和再就业问题成为了政府和社会关注的焦点，本文从社会学的视角出发进行讨论。';

/** A page whose printed title is not found (the <title> is the site's), so every header line sits in the body. */
function untitledPage(lines: string[], tail = ''): Document {
  const body = [...lines.map((line) => `${line}<br>`), ...Array.from({ length: 6 }, (_, index) => `${ZH}第${index}段。<br>`)].join('\n');
  return parse(`<html><head><title>欢迎访问本站</title></head><body><div><a href="/">首页</a></div>
    <table><tr><td><font size="3">${body}${tail}</font></td></tr></table></body></html>`);
}

describe('header lines left in the body', () => {
  it('reads a name line between the repeated title and the first paragraph, and drops it from the text', () => {
    const [article] = detectPage(untitledPage(['社会资本与再就业', '赵延东、风笑天'])).articles;
    expect(article?.authors).toEqual([{ name: '赵延东', role: null }, { name: '风笑天', role: null }]);
    expect(article?.paragraphs).not.toContain('赵延东、风笑天');
    const [single] = detectPage(untitledPage(['我是怎样卷入这件事的', '茉莉'])).articles;
    expect(single?.authors).toEqual([{ name: '茉莉', role: null }]);
  });
  it('does not take a section word for a name', () => {
    const [article] = detectPage(untitledPage(['社会资本与再就业', '引言'])).articles;
    expect(article?.authors).toEqual([]);
  });
  it('reads info and byline lines: source, date, reporters with their roles', () => {
    const [article] = detectPage(untitledPage(['www.example.gov.cn', '2005年08月16日 来源：新华网', '新华网黑龙江频道 记者 伊琳 李清芬'])).articles;
    expect(article?.authors).toEqual([{ name: '伊琳', role: '记者' }, { name: '李清芬', role: '记者' }]);
    expect(article?.source).toBe('新华网');
    expect(article?.publishedDate).toBe('2005-08-16');
    expect(article?.paragraphs[0]).toBe('www.example.gov.cn');
    expect(article?.paragraphs[1]?.startsWith('近年来')).toBe(true);
  });
  it('reads the date of a labelled info line kept out of the text', () => {
    const [article] = detectPage(untitledPage(['作者： 来源： 发布日期： 9/17/2004 5:54:13 AM'])).articles;
    expect(article?.publishedDate).toBe('2004-09-17T05:54:13');
    expect(article?.authors).toEqual([]);
  });
  it('reads a credit closing the last paragraph and keeps the text as printed', () => {
    const [article] = detectPage(untitledPage([], `${ZH}(信报记者 蔡雪婧)`)).articles;
    expect(article?.authors).toEqual([{ name: '蔡雪婧', role: '记者' }]);
    expect(article?.paragraphs.at(-1)?.endsWith('(信报记者 蔡雪婧)')).toBe(true);
    const [none] = detectPage(untitledPage([], `${ZH}(完)`)).articles;
    expect(none?.authors).toEqual([]);
  });
});
