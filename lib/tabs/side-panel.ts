import { browser } from 'wxt/browser';

interface ChromeSidePanel { open(options: { windowId?: number; tabId?: number }): Promise<void> }
interface FirefoxSidebar { open(): Promise<void> }

/** Opens Gloss's side panel (Chrome) or sidebar (Firefox). Must run in a user gesture. */
export async function openSidePanel(windowId?: number): Promise<void> {
  const api = browser as unknown as { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebar };
  if (api.sidebarAction) return api.sidebarAction.open();
  if (api.sidePanel) {
    const id = windowId ?? (await browser.windows.getCurrent()).id;
    return api.sidePanel.open({ windowId: id });
  }
  throw new Error('This browser has no side panel.');
}
