// @vitest-environment happy-dom
/**
 * Detection on the frame fixtures (test/fixtures/frames/): each document as the browser runs Gloss in it, the page
 * and each inline (srcdoc) frame it enters, against `<name>.expected.json`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { detectPage, toDetectJson } from '@/lib/article';

const DIR = join(__dirname, '../../fixtures/frames');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
/** The page with its frames as empty elements: happy-dom would try (and fail, loudly) to load them; a frame's content is not the page's text. */
const parsePage = (html: string) => parse(html.replace(/<(\/?)iframe\b/g, '<$1gloss-frame'));

/** What detection finds, without the timing and the score (tuned over time; the structure is the truth here). */
function detected(doc: Document) {
  const { pageKind, articles } = toDetectJson(detectPage(doc), '', 0);
  return { pageKind, articles };
}

for (const name of ['epaper', 'story', 'remote', 'inline', 'closed']) {
  it(`detects ${name}.html and its inline frames as expected`, () => {
    const page = parsePage(readFileSync(join(DIR, `${name}.html`), 'utf8').replaceAll('{{REMOTE_ORIGIN}}', 'https://wire.example'));
    // Sandboxed inline frames are left out: Gloss does not enter them.
    const inline = [...page.querySelectorAll('gloss-frame[srcdoc]:not([sandbox])')].map((frame) => [`#${frame.id}`, detected(parse(frame.getAttribute('srcdoc')!))]);
    const found = { page: detected(page), ...(inline.length ? { frames: Object.fromEntries(inline) } : {}) };
    expect(found).toEqual(JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')));
  });
}
