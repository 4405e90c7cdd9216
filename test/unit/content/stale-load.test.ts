// @vitest-environment happy-dom
/**
 * A load whose reply was asked for before this page's own delete finished must not bring the
 * deleted highlight back (seen as a flaky e2e: delete, then a debounced reload repainted it).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const replies: Record<string, ((data: unknown) => Promise<unknown>)> = {};
vi.mock('@/lib/messaging', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/messaging')>()),
  askBackground: (type: string, data: unknown) => replies[type]!(data),
}));

const { PageHighlights } = await import('@/lib/content/page-highlights');

const record = {
  id: 'h1', urlKey: 'https://example.org/story', articleId: 'a1', storyKey: '0', color: 'yellow', note: '', tags: [],
  selectors: { quote: { exact: 'flood gates', prefix: 'the new ', suffix: ' on Monday' }, position: { start: 30, end: 41 }, pagePosition: null },
  createdAt: 1, updatedAt: 1,
};
const forPage = (highlights: unknown[]) => ({ address: { key: record.urlKey }, articles: [], highlights });

beforeEach(() => {
  document.body.innerHTML = '<article><p>The river authority opened the new flood gates on Monday.</p></article>';
});

describe('loading while this page writes', () => {
  it('asks again when a delete finished while the load was waiting, so the deleted highlight stays gone', async () => {
    const highlights = new PageHighlights(window);
    replies['annotations.forPage'] = async () => forPage([record]);
    await highlights.load();
    expect(highlights.list().map((entry) => entry.record.id)).toEqual(['h1']);

    // The next load's first reply is a snapshot from before the delete; the store answers later loads without it.
    let answerStale: () => void = () => undefined;
    let asked = 0;
    replies['annotations.forPage'] = () => (asked++ === 0 ? new Promise((done) => { answerStale = () => done(forPage([record])); }) : Promise.resolve(forPage([])));
    replies['highlight.delete'] = async () => record;
    const loading = highlights.load();
    await highlights.remove('h1');
    answerStale();
    await loading;
    expect(asked).toBe(2);
    expect(highlights.list()).toEqual([]);
  });

  it('asks once when nothing was written meanwhile', async () => {
    const highlights = new PageHighlights(window);
    let asked = 0;
    replies['annotations.forPage'] = async () => (asked++, forPage([record]));
    await highlights.load();
    expect(asked).toBe(1);
    expect(highlights.list()).toHaveLength(1);
  });
});
