import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageSummary } from '@/lib/messaging';
import { targetTabId } from '@/lib/tabs/active-tab';
import { frameSummaries, type FrameSummary } from '@/lib/tabs/frames';

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

/** A frame is listed when it holds highlights or an article; ad and widget frames stay out of the panel. */
const worthListing = (summary: PageSummary) => summary.highlightCount > 0 || summary.pageKind !== 'none';

/** The page the panel is about: the active tab, followed as the user switches tabs or navigates. */
export function useTargetPage(): TargetPage | null {
  const [target, setTarget] = useState<TargetPage | null>(null);
  useEffect(() => {
    let live = true;
    const refresh = async () => {
      const tabId = await targetTabId();
      const frames = tabId == null ? [] : await frameSummaries(tabId);
      // Frames showing one address are one page: a page and its inline frames (the page's own frame comes first).
      const byPage = new Map<string | null, FrameSummary[]>();
      for (const frame of frames) byPage.set(frame.summary.urlKey, [...(byPage.get(frame.summary.urlKey) ?? []), frame]);
      const pageOf = ([first, ...inline]: FrameSummary[]): TargetPage => ({
        tabId, frameId: first!.frameId, inlineFrames: inline.map((frame) => frame.frameId), summary: first!.summary,
        hasContent: [first!, ...inline].some((frame) => worthListing(frame.summary)), framePages: [],
      });
      const top = frames[0]?.frameId === 0 ? frames[0] : undefined;
      const framePages = [...byPage]
        .filter(([key]) => key !== null && key !== top?.summary.urlKey)
        .map(([, list]) => pageOf(list))
        .filter((page) => page.hasContent);
      const page: TargetPage = top
        ? { ...pageOf(top.summary.urlKey === null ? [top] : byPage.get(top.summary.urlKey)!), framePages }
        : { tabId, frameId: 0, inlineFrames: [], summary: null, hasContent: false, framePages };
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
