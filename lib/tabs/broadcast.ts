import { browser } from 'wxt/browser';
import { askTab } from '@/lib/messaging';

/**
 * Tells every tab's content script that a page's highlights changed. Without
 * the "tabs" permission the background cannot see tab URLs, so each content
 * script compares the key with its own page and ignores the rest.
 */
export async function broadcastHighlightsChanged(urlKey: string): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) => (tab.id == null ? null : askTab(tab.id, 'content.highlightsChanged', { urlKey }).catch(() => null))),
  );
}

/** After a restore: every tab reloads its page's highlights (each is asked for its own page key). */
export async function refreshAllTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id == null) return;
      const summary = await askTab(tab.id, 'content.summary', null).catch(() => null);
      if (summary?.urlKey) await askTab(tab.id, 'content.highlightsChanged', { urlKey: summary.urlKey }).catch(() => null);
    }),
  );
}
