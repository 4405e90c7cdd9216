// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/article';
import { scanWithExemptions } from '@/lib/article/blocks';
import { secondOpinion } from '@/lib/article/fallback';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const SENTENCE = 'The council met on Tuesday, after a long delay, and agreed on the budget, the schedule and the new rules. ';

describe('secondOpinion (Readability-style scoring)', () => {
  it('prefers comma-rich paragraphs over a longer run of link text', () => {
    const links = Array.from({ length: 12 }, (_, i) => `<p><a href="/s/${i}">A related story with a long headline, number ${i}, about something else entirely</a></p>`).join('');
    const doc = parse(`<html><body><div id="links">${links}</div><div id="story">${`<p>${SENTENCE}</p>`.repeat(4)}</div></body></html>`);
    expect(secondOpinion(scanWithExemptions(doc.body))?.id).toBe('story');
  });
  it('finds nothing on a page without paragraphs', () => {
    const doc = parse('<html><body><div><span>Home</span> <span>About</span></div></body></html>');
    expect(secondOpinion(scanWithExemptions(doc.body))).toBeNull();
  });
});

describe('confidence and the second opinion', () => {
  it('is high on a plain article page', () => {
    const doc = parse(`<html><head><title>Budget agreed</title><meta property="og:type" content="article"></head><body>
      <article><h1>Budget agreed</h1>${`<p>${SENTENCE}</p>`.repeat(8)}</article></body></html>`);
    const result = detectPage(doc);
    expect(result.pageKind).toBe('single-article');
    expect(result.confidence).toBeGreaterThanOrEqual(0.75);
  });
  it('takes the table body over a short moderation notice', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `<tr><td>${i + 1}</td><td>Driver Number${i}, Team ${i % 7}, points ${5000 - i * 40}, wins ${i % 4}</td></tr>`).join('');
    const doc = parse(`<html><head><title>Standings</title></head><body>
      <div class="page"><h1>Standings</h1><p>The standings after the last race</p><table>${rows}</table></div>
      <div class="note"><p>Attention: comments with unreadable text, or that lack respect for other readers, will not be approved by the moderator.</p></div>
      </body></html>`);
    const result = detectPage(doc);
    expect(result.pageKind).toBe('single-article');
    expect(result.articles[0]!.paragraphs.join(' ')).toContain('Driver Number12');
  });
});

describe("pages without an article still say 'none'", () => {
  it('a search results page', () => {
    const results = Array.from({ length: 10 }, (_, i) => `<li><h3><a href="/r/${i}">Result ${i}: council budget</a></h3>
      <p><a href="/r/${i}">example.com/r/${i}</a> The council, on Tuesday, agreed on ${i} things…</p></li>`).join('');
    const result = detectPage(parse(`<html><body><form><input name="q"><button>Search</button></form><ol>${results}</ol></body></html>`));
    expect(result.pageKind).toBe('none');
    expect(result.confidence).toBeGreaterThan(0.5);
  });
  it('a login page', () => {
    const result = detectPage(parse(`<html><body><h1>Sign in</h1><form><label>Email <input></label><label>Password <input type="password"></label>
      <p>Forgot your password? Enter your email, and we will send you a link.</p><button>Sign in</button></form></body></html>`));
    expect(result.pageKind).toBe('none');
  });
  it('a home page of links', () => {
    const teasers = Array.from({ length: 30 }, (_, i) => `<div class="teaser"><a href="/a/${i}"><h2>Headline ${i}, with a comma, about the budget and the council</h2></a></div>`).join('');
    const result = detectPage(parse(`<html><body><div id="main">${teasers}</div></body></html>`));
    expect(result.pageKind).toBe('none');
  });
});
