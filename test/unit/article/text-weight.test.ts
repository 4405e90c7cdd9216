// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { markedUpBylines } from '@/lib/article/bylines-dom';
import { measure, measuredPunctuation, textWeight } from '@/lib/article/text';

describe('text weight', () => {
  it('counts a CJK character as three, other visible characters as one, whitespace as nothing', () => {
    expect(textWeight('ab c')).toBe(3);
    expect(textWeight('中文 ab')).toBe(8);
    expect(textWeight('かな한글')).toBe(12);
    expect(textWeight(' \u00a0\u3000\u200b\ufeff\u2003\n\t')).toBe(0);
    expect(textWeight('')).toBe(0);
  });
  it('gives the same weight before and after whitespace is cleaned, and counts sentence punctuation', () => {
    const raw = '\n    First, a line.\u00a0\u00a0 Then 中文，句子。\n\t';
    expect(measure(raw)).toBe(measure('First, a line. Then 中文，句子。'));
    expect(measuredPunctuation).toBe(4);
  });
});

describe('marked-up bylines', () => {
  const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
  it('prefers a byline inside the story over one elsewhere on the page', () => {
    const doc = parse(`<body><div class="author">By Page Editor</div><article><p class="byline">By Jane Doe</p><p>Text.</p></article></body>`);
    expect(markedUpBylines(doc, doc.querySelector('article')).map((credit) => credit.name)).toEqual(['Jane Doe']);
  });
  it('falls back to the page, and never reads navigation', () => {
    const doc = parse(`<body><nav><span class="author">By Menu Person</span></nav><div class="byline">By John Roe</div><article><p>Text.</p></article></body>`);
    expect(markedUpBylines(doc, doc.querySelector('article')).map((credit) => credit.name)).toEqual(['John Roe']);
  });
  it('looks only inside the story when the story is the scope', () => {
    const doc = parse(`<body><div class="byline">By John Roe</div><article><p>Text.</p></article></body>`);
    const story = doc.querySelector('article')!;
    expect(markedUpBylines(story, story)).toEqual([]);
  });
});
