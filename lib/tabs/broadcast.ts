import { browser } from 'wxt/browser';
import { tellTab } from '@/lib/messaging';

/**
 * Tells every tab's content scripts (every frame's) that a page's highlights changed. Without
 * the "tabs" permission the background cannot see tab URLs, so each content
 * script compares the key with its own page and ignores the rest.
 */
export async function broadcastHighlightsChanged(urlKey: string | null, exceptTabId?: number): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id == null || tab.id === exceptTabId ? null : tellTab(tab.id, 'content.highlightsChanged', { urlKey }),
    ),
  );
}

/** After a restore: every tab reloads its page's highlights (a tab whose page has none stays as light as it was). */
export const refreshAllTabs = (): Promise<void> => broadcastHighlightsChanged(null);
