// @vitest-environment happy-dom
/** The page's highlights through an injected backend: one status message per pass, re-attach in place, detection once. */
import { beforeEach, describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/article';
import { PageDetection } from '@/lib/content/detection';
import { PageHighlights, type ContentBackend } from '@/lib/content/page-highlights';

const KEY = 'example.org/story';
const record = (id: string, exact: string, start: number, prefix = '', suffix = '') => ({
  id, urlKey: KEY, articleId: 'a1', color: 'yellow', note: 'kept', tags: ['t'], status: 'anchored' as const, currentText: null,
  selectors: { quote: { type: 'TextQuoteSelector' as const, exact, prefix, suffix }, position: { type: 'TextPositionSelector' as const, start, end: start + exact.length }, pagePosition: null },
  createdAt: 1, updatedAt: 1,
});

let asked: [string, unknown][];
let replies: Record<string, (data: any) => unknown>;
const backend: ContentBackend = { ask: (async (type: string, data: unknown) => (asked.push([type, data]), replies[type]!(data))) as ContentBackend['ask'] };

beforeEach(() => {
  asked = [];
  document.body.innerHTML = '<article><p>The river authority opened the new flood gates on Monday.</p><p>Farmers downstream moved their cattle.</p></article>';
});

describe('PageHighlights with an injected backend', () => {
  it('saves a pass’s changed statuses in one message, and nothing when none changed', async () => {
    const gone = record('h1', 'a sentence that is not on the page', 0);
    const alsoGone = record('h2', 'another one that is not there', 0);
    const here = record('h3', 'flood gates', 35, 'opened the new ', ' on Monday.');
    replies = { 'annotations.forPage': () => ({ address: { key: KEY, url: location.href }, articles: [], highlights: [gone, alsoGone, here] }), 'highlight.statuses': () => null };
    const highlights = new PageHighlights(window, { backend });
    await highlights.load();
    await highlights.persistStatuses(true);
    await highlights.persistStatuses(true);
    const sent = asked.filter(([type]) => type === 'highlight.statuses');
    expect(sent).toEqual([['highlight.statuses', { statuses: [{ id: 'h1', status: 'orphan', currentText: null }, { id: 'h2', status: 'orphan', currentText: null }] }]]);
  });

  it('re-attaches an orphan with one request that keeps its id, and paints it', async () => {
    const orphan = record('h1', 'a sentence that is not on the page', 0);
    replies = {
      'annotations.forPage': () => ({ address: { key: KEY, url: location.href }, articles: [], highlights: [orphan] }),
      'highlight.reattach': (data: { id: string; selectors: typeof orphan.selectors }) => ({ ...orphan, selectors: data.selectors, status: 'anchored' }),
    };
    const highlights = new PageHighlights(window, { backend });
    await highlights.load();
    const text = document.querySelector('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 4);
    range.setEnd(text, 20);
    expect(await highlights.reattach('h1', range)).toBe(true);
    expect(asked.map(([type]) => type)).toEqual(['annotations.forPage', 'highlight.reattach']);
    const [, request] = asked[1] as [string, { id: string; selectors: { quote: { exact: string } } }];
    expect(request.id).toBe('h1');
    expect(request.selectors.quote.exact).toBe('river authority');
    expect(highlights.list().map((h) => [h.record.id, h.status, h.record.note])).toEqual([['h1', 'anchored', 'kept']]);
  });

  it('detects the page once for a load and the highlights made after it', async () => {
    let runs = 0;
    const detection = new PageDetection(document, (doc) => (runs++, detectPage(doc)));
    replies = {
      'annotations.forPage': () => ({ address: { key: KEY, url: location.href }, articles: [], highlights: [record('h1', 'gone from the page', 0)] }),
      'highlight.create': (data: { highlight: ReturnType<typeof record> }) => ({ ...record(data.highlight.id, data.highlight.selectors.quote.exact, 0), selectors: data.highlight.selectors }),
    };
    const highlights = new PageHighlights(window, { backend, detection });
    await highlights.load();
    // Two paragraphs: where CSS.highlights is missing (happy-dom) the fallback painter wraps text in marks of its own.
    for (const paragraph of document.querySelectorAll('p')) {
      const range = document.createRange();
      range.setStart(paragraph.firstChild!, 4);
      range.setEnd(paragraph.firstChild!, 15);
      expect((await highlights.create(range, { color: 'yellow' })).ok).toBe(true);
    }
    expect(runs).toBe(1);
    detection.stop();
  });

  it('reports the stored articles\' texts once per page, and not the text outside every story', async () => {
    const stored = (storyKey: string) => ({ id: `a-${storyKey}`, urlKey: KEY, storyKey, text: 'as clipped' }) as never;
    replies = {
      'annotations.forPage': () => ({ address: { key: KEY, url: location.href }, articles: [stored('0'), stored('page'), stored('gone')], highlights: [record('h1', 'flood gates', 35)] }),
      'article.seen': () => ({ added: true }),
    };
    const highlights = new PageHighlights(window, { backend, detection: new PageDetection(document, () => ({ pageKind: 'none', articles: [] }) as never) });
    await highlights.load();
    await highlights.reportVisit();
    await highlights.reportVisit();
    const sent = asked.filter(([type]) => type === 'article.seen') as [string, { storyKey: string; text: string; address: { location: string } }][];
    // Detection found no story, so the whole page is article '0'; 'page' is never compared, 'gone' is not on the page.
    expect(sent.map(([, data]) => data.storyKey)).toEqual(['0']);
    expect(sent[0]![1].text).toContain('The river authority opened the new flood gates on Monday.');
    expect(sent[0]![1].address.location).toBe(location.href);
  });
});
