import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageSummary } from '@/lib/messaging';
import { targetTabId } from '@/lib/tabs/active-tab';
import { frameSummaries, pagesOfFrames } from '@/lib/tabs/frames';

export interface TargetPage {
  tabId: number | null;
  /** The frame of the tab this page is in: 0 for the tab's page itself. */
  frameId: number;
  /** The page's inline frames (srcdoc): their stories are stored under this page's address. */
  inlineFrames: number[];
  /** True if the page or one of its inline frames has highlights or an article. */
  hasContent: boolean;
  /** null when no content script answers there (browser pages, PDFs, a tab opened before Gloss was installed). */
  summary: PageSummary | null;
  /** Pages in the tab's frames (an e-paper's story frame) with an address of their own and something to show. */
  framePages: TargetPage[];
}

/** The page the panel is about: the active tab, followed as the user switches tabs or navigates. */
export function useTargetPage(): TargetPage | null {
  const [target, setTarget] = useState<TargetPage | null>(null);
  useEffect(() => {
    let live = true;
    const refresh = async () => {
      const tabId = await targetTabId();
      const { top, framePages } = pagesOfFrames(tabId == null ? [] : await frameSummaries(tabId));
      const frames = framePages.map((page) => ({ tabId, ...page, framePages: [] }));
      const page: TargetPage = top
        ? { tabId, ...top, framePages: frames }
        : { tabId, frameId: 0, inlineFrames: [], summary: null, hasContent: false, framePages: frames };
      if (live) setTarget(page);
    };
    void refresh();
    const onActivated = () => void refresh();
    const onUpdated = (_id: number, info: { status?: string }) => {
      if (info.status === 'complete') void refresh();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return target;
}
