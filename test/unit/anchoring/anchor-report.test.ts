// @vitest-environment happy-dom
/** The anchoring report follows what is painted: a range the page re-rendered away is not "anchored". */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HighlightRecord } from '@/lib/model/records';

const QUOTE = 'opened the new flood gates';
const STORY = `The river authority ${QUOTE} on Monday after six years of planning.`;
const record: HighlightRecord = {
  id: 'h1',
  articleId: 'a1',
  urlKey: 'example.com/story',
  selectors: {
    quote: { type: 'TextQuoteSelector', exact: QUOTE, prefix: 'The river authority ', suffix: ' on Monday after six years' },
    position: null,
    pagePosition: null,
  },
  color: 'yellow',
  note: '',
  tags: [],
  status: 'anchored',
  currentText: null,
  createdAt: 0,
  updatedAt: 0,
};

vi.mock('@/lib/messaging', async (original) => ({
  ...(await original<typeof import('@/lib/messaging')>()),
  // The background resolves the page's key and answers with its highlights.
  askBackground: vi.fn(async (type: string) =>
    type === 'annotations.forPage'
      ? { address: { url: 'https://example.com/story', key: 'example.com/story' }, articles: [], highlights: [record] }
      : record,
  ),
}));

// happy-dom has no CSS Custom Highlight API: a minimal registry, as in Chromium (ranges painted, DOM untouched).
class FakeHighlight extends Set<Range> {
  priority = 0;
}
Object.defineProperty(window, 'Highlight', { value: FakeHighlight, configurable: true });
Object.defineProperty(window, 'CSS', { value: { highlights: new Map() }, configurable: true });

afterEach(() => {
  document.body.innerHTML = '';
});

describe('PageHighlights.report', () => {
  it('reports a highlight whose painted range the page re-rendered away as an orphan, until it is anchored again', async () => {
    const { PageHighlights } = await import('@/lib/content/page-highlights');
    document.body.innerHTML = `<main><p id="story">${STORY}</p></main>`;
    const highlights = new PageHighlights(window);
    expect(await highlights.load()).toMatchObject({ anchored: 1, orphans: 0 });

    // The page re-renders the paragraph with equal text: the painted range is gone.
    const story = document.getElementById('story')!;
    story.replaceChildren(document.createTextNode(STORY));
    expect(highlights.report()).toMatchObject({ anchored: 0, orphans: 1 });

    expect(highlights.reanchor()).toMatchObject({ anchored: 1, orphans: 0 });
    highlights.dispose();
  });
});
