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
