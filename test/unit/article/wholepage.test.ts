// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/article';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const SENTENCE = 'The council met on Tuesday, after a long delay, and agreed on the budget, the schedule and the new rules. ';
const OTHER = 'Residents who spoke at the meeting asked for more buses, safer crossings and a new library near the station. ';

describe('whole-page misses', () => {
  it('does not split one page into stories when their only credit is the page author from metadata', () => {
    const sections = ['Costs', 'Timing', 'Rules'].map((name) => `<section class="part"><h2>${name}</h2><p>${SENTENCE}${OTHER}</p></section>`).join('');
    const doc = parse(`<html><head><title>Budget guide</title><meta name="author" content="City Press Office"></head><body>
      <div class="guide">${sections}</div></body></html>`);
    const result = detectPage(doc);
    expect(result.pageKind).toBe('single-article');
    expect(result.articles).toHaveLength(1);
    expect(result.articles[0]!.paragraphs.join(' ')).toContain('Residents who spoke');
  });

  it('keeps stories apart when each prints its own byline', () => {
    const stories = ['Jane Doe', 'John Roe'].map((name, i) => `<article class="story"><h2>Story ${i}</h2><p>By ${name}</p><p>${SENTENCE}${OTHER}</p></article>`).join('');
    const doc = parse(`<html><head><title>Today</title><meta name="author" content="City Press Office"></head><body><div class="list">${stories}</div></body></html>`);
    const result = detectPage(doc);
    expect(result.pageKind).toBe('multi-article');
    expect(result.articles).toHaveLength(2);
  });

  it('reads the body inside a large wrapper whose class names a sidebar when it holds the h1', () => {
    // Long sentences with few commas (German-like), and inline scripts that make the wrapper a small share of the page text.
    const plain = 'Die Hauptserie der Einheit ist eine Pyramide ueber insgesamt tausend Meter mit einer schnellen ersten Haelfte jeder Teilstrecke. ';
    const script = `<script>var config = "${'x'.repeat(20000)}";</script>`;
    const doc = parse(`<html><head><title>Lagen-Pyramide</title></head><body>${script}
      <div class="container layout-right-sidebar"><article><h1>Lagen-Pyramide</h1>${`<p>${plain}${plain}</p>`.repeat(12)}</article>
      <div class="widgets"><a href="/a">Weather</a> <a href="/b">Traffic</a></div></div></body></html>`);
    const result = detectPage(doc);
    expect(result.pageKind).toBe('single-article');
    expect(result.articles[0]!.title).toBe('Lagen-Pyramide');
    expect(result.articles[0]!.paragraphs).toHaveLength(12);
  });

  it('treats a modal dialog (a subscription or malware notice) as chrome', () => {
    const offer = `<p>You have reached the limit of free articles, and to keep reading, subscribe to the digital plan today.</p>
      <p>Unlimited access to exclusive reports, analysis and the best stories, for one month, at a special price.</p>
      <p>Cancel at any time, from your account page, with no fee, and keep reading until the end of the month.</p>`;
    const doc = parse(`<html><head><title>Budget agreed</title><meta property="og:type" content="article"></head><body>
      <div class="story"><h1>Budget agreed</h1>${`<p>${SENTENCE}</p><p>${OTHER}</p>`.repeat(2)}</div>
      <div class="body-modal">${offer}${offer}</div></body></html>`);
    const result = detectPage(doc);
    expect(result.pageKind).toBe('single-article');
    expect(result.articles[0]!.paragraphs).toEqual([SENTENCE, OTHER, SENTENCE, OTHER].map((text) => text.trim()));
  });

  it('treats an aria-modal box as chrome', () => {
    const notice = `<p>We use cookies, so that the site works, to measure visits, and to show offers that fit you; accept or refuse.</p>
      <p>Our partners, who help us, also store data on your device, to measure ads and to improve their products.</p>
      <p>You can change your choice, at any time, in the settings, at the bottom of every page of this site.</p>`;
    const doc = parse(`<html><head><title>Budget agreed</title><meta property="og:type" content="article"></head><body>
      <div class="story"><h1>Budget agreed</h1>${`<p>${SENTENCE}</p><p>${OTHER}</p>`.repeat(2)}</div>
      <div aria-modal="true">${notice}${notice}</div></body></html>`);
    const result = detectPage(doc);
    expect(result.articles[0]!.paragraphs).toHaveLength(4);
    expect(result.articles[0]!.paragraphs.join(' ')).not.toContain('cookies');
  });

  it('does not take a heading below the body as its title', () => {
    const doc = parse(`<html><head><title>Cycling in the city</title></head><body>
      <div class="page"><h1>Cycling in the old town</h1><div class="section"><div class="text">${`<p>${SENTENCE}</p>`.repeat(5)}</div></div>
      <div class="section"><h2>Cycling in the city</h2><p>More tours</p></div></div></body></html>`);
    const result = detectPage(doc);
    expect(result.pageKind).toBe('single-article');
    expect(result.articles[0]!.paragraphs).toHaveLength(5);
  });

  it('asks the second opinion when the reading holds a small share of the page prose', () => {
    // The list holds the best single block; the paragraphs around it, split by link-heavy boxes, hold most of the prose.
    const box = `<table>${Array.from({ length: 20 }, (_, i) => `<tr><td><a href="/n/${i}">Navigation entry number ${i}</a></td></tr>`).join('')}</table>`;
    const paragraphs = (n: number) => Array.from({ length: n }, () => `<p>${OTHER}</p>`).join('');
    const doc = parse(`<html><head><title>Water spell</title></head><body>
      <div class="content" id="content"><h1>Water spell</h1>${paragraphs(3)}${box}${paragraphs(3)}${box}
      <ul>${`<li>${SENTENCE}${SENTENCE}${SENTENCE}</li>`.repeat(2)}</ul>${box}${paragraphs(4)}</div></body></html>`);
    const result = detectPage(doc);
    expect(result.pageKind).toBe('single-article');
    expect(result.articles[0]!.paragraphs.filter((p) => p.startsWith('Residents')).length).toBeGreaterThanOrEqual(6);
  });
});
