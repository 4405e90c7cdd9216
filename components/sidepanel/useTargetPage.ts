import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageSummary } from '@/lib/messaging';
import { targetTabId } from '@/lib/tabs/active-tab';
import { frameSummaries } from '@/lib/tabs/frames';

export interface TargetPage {
  tabId: number | null;
  /** The frame of the tab this page is in: 0 for the tab's page itself. */
  frameId: number;
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
      const summary = frames.find((frame) => frame.frameId === 0)?.summary ?? null;
      const seen = new Set([summary?.urlKey]);
      const framePages: TargetPage[] = [];
      for (const frame of frames) {
        if (seen.has(frame.summary.urlKey) || !frame.summary.urlKey || !worthListing(frame.summary)) continue;
        seen.add(frame.summary.urlKey);
        framePages.push({ tabId, frameId: frame.frameId, summary: frame.summary, framePages: [] });
      }
      if (live) setTarget({ tabId, frameId: 0, summary, framePages });
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
