// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/article';
import { sentenceCount } from '@/lib/article/extent';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const SENTENCE = 'The council met on Tuesday, after a long delay, and agreed on the budget, the schedule and the new rules. ';
const OTHER = 'Residents who spoke at the meeting asked for more buses, safer crossings and a new library near the station. ';
const body = (n: number) => `<p>${SENTENCE}${OTHER}</p>`.repeat(n);
const links = `<ul class="more">${Array.from({ length: 12 }, (_, i) => `<li><a href="/n/${i}">Another story with a long title number ${i}</a></li>`).join('')}</ul>`;
const share = `<div class="share">${['Facebook', 'Twitter', 'LinkedIn', 'WhatsApp', 'Telegram', 'Mail', 'Print'].map((name) => `<a href="/s/${name}">Share on ${name}</a>`).join(' ')}</div>`;

describe('body extent', () => {
  it('counts sentences at Latin and CJK full stops, not inside dates', () => {
    expect(sentenceCount('Am 19.10.2019 spielt Dortmund. So sehen Sie es live.')).toBe(2);
    expect(sentenceCount('会议于周二召开。预算获得通过！')).toBe(2);
    expect(sentenceCount('A headline without a stop')).toBe(0);
  });

  it('reads a multi-sentence lead in its own wrapper above the body as the first paragraph', () => {
    const lead = 'The city will rebuild its old bridge next year. Work starts in March and ends before winter, says the council.';
    const doc = parse(`<html><head><title>Bridge plan</title></head><body><article>
      <header class="head"><h1>Bridge plan</h1><p class="intro">${lead}</p>${share}</header>
      <div class="text">${body(4)}</div></article></body></html>`);
    const article = detectPage(doc).articles[0]!;
    expect(article.paragraphs[0]).toBe(lead);
    expect(article.paragraphs).toHaveLength(5);
  });

  it('keeps a one-line standfirst and a credit line out of the body', () => {
    const doc = parse(`<html><head><title>Bridge plan</title></head><body><article>
      <h1>Bridge plan</h1><p class="intro">What the new bridge means for drivers</p><p>By Jane Doe. Staff writer. City desk.</p>
      <div class="text">${body(4)}</div></article></body></html>`);
    const article = detectPage(doc).articles[0]!;
    expect(article.paragraphs).toHaveLength(4);
    expect(article.paragraphs.join(' ')).not.toContain('What the new bridge');
  });

  it('takes a sibling wrapper with the same kind of paragraphs, split off by a share bar', () => {
    // The wrapper around both holds the share bar and the links below, so the first part alone scores best.
    const doc = parse(`<html><head><title>Water</title></head><body><div class="post"><h2>Water</h2><div class="entry">
      <div class="part">${body(3)}</div>${share}<div class="part2"><p>${OTHER}${SENTENCE}</p></div>${links}</div></div></body></html>`);
    const article = detectPage(doc).articles[0]!;
    expect(article.paragraphs).toHaveLength(4);
    expect(article.paragraphs[3]).toBe(`${OTHER}${SENTENCE}`.trim());
  });

  it('reads sections built from the same template as the body, inside the story only', () => {
    // Link lists between the sections outweigh each later section, so the first one alone scores best.
    const section = (text: string) => `<div class="block"><div class="inner"><p>${text}</p><p>${text}</p></div></div>`;
    const doc = parse(`<html><head><title>Three parks</title></head><body><main><article><h1>Three parks</h1>
      ${section(SENTENCE.repeat(3))}${links}${section(OTHER)}${links}${section(`Last ${OTHER}`)}</article>
      <aside class="more">${section('Another page, another story, with a line of its own that is long enough.')}</aside></main></body></html>`);
    const text = detectPage(doc).articles[0]!.paragraphs.join(' ');
    expect(text).toContain('Residents who spoke');
    expect(text).toContain('Last Residents');
    expect(text).not.toContain('Another page');
  });

  it('does not take a layout row that shares the body row class but not its inner template', () => {
    const doc = parse(`<html><head><title>Rows</title></head><body><div class="main"><div class="row"><h1>Rows</h1>${share}</div>
      <div class="row"><div class="article-text">${body(5)}</div></div>
      <div class="row"><div class="notice">This post is a reader blog. It reflects the views of its author only.</div></div></div></body></html>`);
    const text = detectPage(doc).articles[0]!.paragraphs.join(' ');
    expect(text).not.toContain('reader blog');
  });
});
