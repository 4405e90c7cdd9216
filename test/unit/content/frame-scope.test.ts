// @vitest-environment happy-dom
/** Inline frames: their highlights are stored under the embedding page, each frame anchoring only its own stories. */
import { beforeEach, describe, expect, it } from 'vitest';
import { frameScope } from '@/lib/content/frame-scope';
import { PageDetection } from '@/lib/content/detection';
import { PageHighlights, type ContentBackend } from '@/lib/content/page-highlights';
import { frameStoryPrefix, isWholePageStory, storyInScope } from '@/lib/model/records';

describe('story keys of inline frames', () => {
  it('keeps a page’s stories, its frames’ stories and nested frames’ stories apart', () => {
    const frame = frameStoryPrefix(['0']);
    const nested = frameStoryPrefix(['0', '#story']);
    expect([frame, nested]).toEqual(['frame:0:', 'frame:0/#story:']);
    expect(['0', 'k3x9', 'page'].every((key) => storyInScope(key, ''))).toBe(true);
    expect(storyInScope(`${frame}k3x9`, '')).toBe(false);
    expect(storyInScope(`${frame}k3x9`, frame)).toBe(true);
    expect(storyInScope(`${nested}k3x9`, frame)).toBe(false);
    expect(storyInScope(`${frame}k3x9`, nested)).toBe(false);
    expect(storyInScope('k3x9', frame)).toBe(false);
    expect([isWholePageStory('page'), isWholePageStory(`${nested}page`), isWholePageStory('0'), isWholePageStory(`${frame}0`)]).toEqual([true, true, false, false]);
  });
});

/** A window as frameScope sees one: its document, the element framing it and its parent. */
const windowOf = (doc: Document, frameElement: Element | null, parent: unknown) => ({ document: doc, frameElement, parent }) as unknown as Window;

describe('frameScope', () => {
  beforeEach(() => {
    document.body.innerHTML =
      '<iframe srcdoc="<p>first</p>"></iframe><iframe srcdoc="<p>second</p>"></iframe><iframe id="wire/story" srcdoc="<p>w</p>"></iframe>';
  });

  it('gives a document with an address of its own no prefix', () => {
    expect(frameScope(window)).toEqual({ addressDoc: document, storyPrefix: '' });
  });

  it('names an inline frame by its place among the inline frames, or by its id, and takes the embedding document’s address', () => {
    const [first, second, named] = [...document.querySelectorAll('iframe')];
    const inline = (frame: HTMLIFrameElement) => windowOf(frame.contentDocument!, frame, window);
    expect(frameScope(inline(first!))).toEqual({ addressDoc: document, storyPrefix: 'frame:0:' });
    expect(frameScope(inline(second!))).toEqual({ addressDoc: document, storyPrefix: 'frame:1:' });
    expect(frameScope(inline(named!)).storyPrefix).toBe('frame:#wire%2Fstory:');
    // An inline frame inside an inline frame: the path of both, under the page that has an address.
    const outer = inline(first!);
    const innerFrame = first!.contentDocument!.createElement('iframe');
    innerFrame.setAttribute('srcdoc', '<p>inner</p>');
    first!.contentDocument!.body.append(innerFrame);
    const inner = windowOf(innerFrame.contentDocument!, innerFrame, outer);
    expect(frameScope(inner)).toEqual({ addressDoc: document, storyPrefix: 'frame:0/0:' });
  });

  it('keeps an about: document whose parent is out of reach as it is (the background refuses it)', () => {
    const frame = document.querySelector('iframe')!;
    expect(frameScope(windowOf(frame.contentDocument!, null, window))).toEqual({ addressDoc: frame.contentDocument, storyPrefix: '' });
  });
});

const frame0 = (win: Window) => frameScope(win);

describe('PageHighlights in a page with an inline frame', () => {
  const KEY = 'example.org/epaper';
  const article = (id: string, storyKey: string) => ({ id, urlKey: KEY, storyKey, text: '' }) as never;
  const highlight = (id: string, articleId: string, exact: string, prefix = '', suffix = '') => ({
    id, urlKey: KEY, articleId, color: 'yellow', note: '', tags: [], status: 'anchored' as const, currentText: null, createdAt: 1, updatedAt: 1,
    selectors: { quote: { type: 'TextQuoteSelector' as const, exact, prefix, suffix }, position: null, pagePosition: null },
  });
  let asked: [string, any][];
  const backend: ContentBackend = {
    ask: (async (type: string, data: any) => {
      asked.push([type, data]);
      if (type === 'annotations.forPage') {
        return {
          address: { key: KEY, url: location.href },
          articles: [article('top', '0'), article('in-frame', 'frame:0:0'), article('nested', 'frame:0/0:0')],
          highlights: [highlight('h-top', 'top', 'river authority', 'The ', ' will run'), highlight('h-frame', 'in-frame', 'ferry', 'the morning ', ' later'), highlight('h-nested', 'nested', 'wind')],
        };
      }
      if (type === 'highlight.create') return { ...highlight(data.highlight.id, 'in-frame', data.highlight.selectors.quote.exact), selectors: data.highlight.selectors };
      return null;
    }) as ContentBackend['ask'],
  };
  const none = () => new PageDetection(document, () => ({ pageKind: 'none', articles: [] }) as never);

  beforeEach(() => {
    asked = [];
    document.body.innerHTML = '<p>The river authority will run the morning ferry later; the wind farm was approved.</p>';
  });

  it('anchors only its own highlights: the page leaves the frames’, the frame leaves the page’s', async () => {
    const page = new PageHighlights(window, { backend, detection: none() });
    await page.load();
    expect(page.list().map((h) => [h.record.id, h.status])).toEqual([['h-top', 'anchored']]);
    const frame = new PageHighlights(window, { backend, detection: none(), scope: { addressDoc: document, storyPrefix: 'frame:0:' } });
    await frame.load();
    expect(frame.list().map((h) => [h.record.id, h.status])).toEqual([['h-frame', 'anchored']]);
  });

  it('stores a frame’s highlight under the frame’s story key', async () => {
    const frame = new PageHighlights(window, { backend, detection: none(), scope: { addressDoc: document, storyPrefix: 'frame:0:' } });
    await frame.load();
    // The painted highlight split the paragraph's text (happy-dom has no CSS.highlights): find the node holding it.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let text = walker.nextNode()!;
    while (!text.textContent!.includes('later')) text = walker.nextNode()!;
    const range = document.createRange();
    const at = text.textContent!.indexOf('later');
    range.setStart(text, at);
    range.setEnd(text, at + 5);
    expect((await frame.create(range, { color: 'yellow' })).ok).toBe(true);
    const [, request] = asked.find(([type]) => type === 'highlight.create')!;
    expect([request.article.storyKey, request.highlight.selectors.quote.exact]).toEqual(['frame:0:0', 'later']);
  });
});
