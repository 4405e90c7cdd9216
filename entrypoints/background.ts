import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerHighlightCommands } from '@/lib/background/commands';
import { backgroundHandlers } from '@/lib/background/handlers';
import { TabFrames } from '@/lib/background/tab-frames';
import { openDatabase } from '@/lib/db/database';
import { tellTab } from '@/lib/messaging';
import { answerInBackground } from '@/lib/messaging/background';
import { broadcastHighlightsChanged } from '@/lib/tabs/broadcast';

export default defineBackground(() => {
  const frames = new TabFrames();
  browser.tabs.onRemoved.addListener((tabId) => void frames.forget(tabId));
  answerInBackground(
    backgroundHandlers(openDatabase(), {
      highlightsChanged: (urlKey, exceptTabId) => void broadcastHighlightsChanged(urlKey, exceptTabId),
      closePopover: (tabId) => void tellTab(tabId, 'content.closePopover', null),
    }, frames),
  );
  registerHighlightCommands(frames);
  // Chrome: the toolbar button opens the popup; the side panel opens from it.
  // Firefox has no browser.sidePanel (its sidebar_action needs nothing here).
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel;
  void sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
});
