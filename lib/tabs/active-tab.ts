import { browser } from 'wxt/browser';
import { askTab, type PageSummary } from '@/lib/messaging';

/**
 * The tab the user is looking at. A `?tab=<id>` parameter overrides it, which
 * is how the side panel follows a tab in Firefox's sidebar and how tests open
 * the extension's pages as ordinary tabs.
 */
export async function targetTabId(search: string = globalThis.location?.search ?? ''): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** What the content script of a tab reports, or null where no content script runs (browser pages, PDFs). */
export async function summaryOfTab(tabId: number | null): Promise<PageSummary | null> {
  if (tabId == null) return null;
  try {
    return await askTab(tabId, 'content.summary', null);
  } catch {
    return null;
  }
}
