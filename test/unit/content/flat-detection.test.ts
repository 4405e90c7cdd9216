// @vitest-environment happy-dom
/** Detection of a story rendered inside nested open shadow roots, mapped back to the live elements there. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { detectPage, toDetectJson } from '@/lib/article';
import { detectComposed } from '@/lib/content/flat-detection';

const FIXTURE = join(__dirname, '../../fixtures/frames');

/** shadow.html as the browser renders it: its components' shadow roots attached as its script does. */
function shadowPage(): { inner: ShadowRoot } {
  const html = readFileSync(join(FIXTURE, 'shadow.html'), 'utf8').replace(/<script>[\s\S]*<\/script>/, '');
  const parsed = new DOMParser().parseFromString(html, 'text/html').documentElement;
  document.documentElement.innerHTML = parsed.innerHTML;
  document.documentElement.lang = parsed.lang;
  const outer = document.querySelector('news-story')!.attachShadow({ mode: 'open' });
  outer.innerHTML =
    '<article><h2>Harbour pool reopens after repairs</h2><p class="byline">By Ana Lima</p>' +
    '<story-body>The council will keep the pool open until nine on weekdays.</story-body></article>';
  const inner = outer.querySelector('story-body')!.attachShadow({ mode: 'open' });
  inner.innerHTML =
    '<p>The harbour pool reopened on Saturday after a winter of repairs to its tiles and pumps.</p>' +
    '<p>Swimmers queued from seven in the morning, and the first lanes filled within minutes.</p><p><slot></slot></p>';
  document.querySelector('ticket-note')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>Tickets cost two euros for children and four for adults.</p>';
  return { inner };
}

it('reads the story inside the shadow roots as the expected article, its elements the live ones', () => {
  const { inner } = shadowPage();
  expect(detectPage(document).pageKind).toBe('none'); // the document's own tree has no article
  const structure = detectComposed(document);
  const { pageKind, articles } = toDetectJson(structure, '', 0);
  expect({ pageKind, articles }).toEqual(JSON.parse(readFileSync(join(FIXTURE, 'shadow.expected.json'), 'utf8')).page);
  const article = structure.articles[0]!;
  expect(article.root.isConnected).toBe(true);
  expect(article.paragraphElements.some((el) => el.getRootNode() === inner)).toBe(true);
});

it('leaves a page without shadow roots to detection as it was', () => {
  document.body.innerHTML = '<nav><a href="/">Home</a></nav><p>Short.</p>';
  expect(detectComposed(document)).toEqual(detectPage(document));
});
