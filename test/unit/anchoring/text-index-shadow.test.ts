// @vitest-environment happy-dom
/** The text index in flat-tree order: open shadow roots, nested, with slotted text. */
import { expect, it } from 'vitest';
import { buildTextIndex, offsetOfPoint, rangeOfOffsets } from '@/lib/anchoring/text-index';

function storyInShadowRoots() {
  document.body.innerHTML = '<p>Before.</p><news-story><span>light fallback, not rendered</span></news-story><p>After.</p>';
  const outer = document.querySelector('news-story')!.attachShadow({ mode: 'open' });
  outer.innerHTML = '<h2>Title.</h2><story-body>Slotted.</story-body>';
  const inner = outer.querySelector('story-body')!.attachShadow({ mode: 'open' });
  inner.innerHTML = '<p>Inner one.</p><slot></slot><p>Inner two.</p>';
  return { outer, inner };
}

it('reads open shadow roots in place of their hosts, slotted text where its slot is', () => {
  storyInShadowRoots();
  expect(buildTextIndex(document.body).text).toBe('Before.Title.Inner one.Slotted.Inner two.After.');
});

it('a closed shadow root cannot be read: its host’s own children stand', () => {
  document.body.innerHTML = '<p>Before.</p><x-closed>host text</x-closed>';
  document.querySelector('x-closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>secret</p>';
  expect(buildTextIndex(document.body).text).toBe('Before.host text');
});

it('turns offsets inside a shadow root into a range there, and an element point back into its offset', () => {
  const { inner } = storyInShadowRoots();
  const index = buildTextIndex(document.body);
  const start = index.text.indexOf('Inner two');
  const range = rangeOfOffsets(index, start, start + 'Inner two'.length)!;
  expect(range.toString()).toBe('Inner two');
  expect(range.startContainer.getRootNode()).toBe(inner);
  // An element boundary in the shadow tree (a triple-click ends at one): the next indexed text there.
  expect(offsetOfPoint(index, inner, 2)).toBe(start);
});
