/**
 * The content script's state for one page: its address and its answers to the
 * extension's questions. All storage goes through the background.
 */
import { askBackground, type ContentProtocol, type Handlers, type HighlightSelectionResult } from '@/lib/messaging';
import { pageAddressOf, resolveAddress } from '@/lib/url/normalize';
import { pageArticle } from './page-article';

const DEFAULT_COLOR = 'yellow';

function selectedText(win: Window): string {
  const selection = win.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  const anchor = selection.anchorNode;
  const element = anchor instanceof Element ? anchor : anchor?.parentElement;
  // Text typed into form fields is the user's own, not the article's.
  if (element?.closest('input, textarea, [contenteditable=""], [contenteditable="true"]')) return '';
  return selection.toString().trim();
}

export function contentHandlers(win: Window): Handlers<ContentProtocol> {
  const doc = win.document;
  let highlightCount = 0;
  const refreshCount = async () => {
    const key = resolveAddress(pageAddressOf(doc))?.key;
    if (!key) return;
    const { highlights } = await askBackground('annotations.forPage', { urlKey: key });
    highlightCount = highlights.length;
  };
  void refreshCount().catch(() => undefined);

  return {
    'content.summary': () => {
      const address = resolveAddress(pageAddressOf(doc));
      return {
        url: address?.url ?? doc.URL,
        urlKey: address?.key ?? null,
        title: doc.title,
        lang: doc.documentElement.lang || null,
        highlightCount,
      };
    },
    'content.highlightSelection': async ({ color } = {}): Promise<HighlightSelectionResult> => {
      const exact = selectedText(win);
      if (!exact) return { ok: false, reason: 'no-selection' };
      const article = pageArticle(doc);
      if (!article) return { ok: false, reason: 'not-annotatable' };
      const highlight = await askBackground('highlight.create', {
        article,
        highlight: {
          selectors: { quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, position: null, pagePosition: null },
          color: color ?? DEFAULT_COLOR,
          note: '',
          tags: [],
        },
      });
      highlightCount += 1;
      return { ok: true, highlight };
    },
  };
}
