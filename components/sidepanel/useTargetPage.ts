import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageSummary } from '@/lib/messaging';
import { summaryOfTab, targetTabId } from '@/lib/tabs/active-tab';

export interface TargetPage {
  tabId: number | null;
  /** null when no content script answers there (browser pages, PDFs, a tab opened before Gloss was installed). */
  summary: PageSummary | null;
}

/** The page the panel is about: the active tab, followed as the user switches tabs or navigates. */
export function useTargetPage(): TargetPage | null {
  const [target, setTarget] = useState<TargetPage | null>(null);
  useEffect(() => {
    let live = true;
    const refresh = async () => {
      const tabId = await targetTabId();
      const summary = await summaryOfTab(tabId);
      if (live) setTarget({ tabId, summary });
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
