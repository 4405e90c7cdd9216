import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerHighlightCommands } from '@/lib/background/commands';
import { backgroundHandlers } from '@/lib/background/handlers';
import { openDatabase } from '@/lib/db/database';
import { askTab } from '@/lib/messaging';
import { answerInBackground } from '@/lib/messaging/background';
import { broadcastHighlightsChanged } from '@/lib/tabs/broadcast';

export default defineBackground(() => {
  answerInBackground(
    backgroundHandlers(openDatabase(), {
      highlightsChanged: (urlKey, exceptTabId) => void broadcastHighlightsChanged(urlKey, exceptTabId),
      closePopover: (tabId) => void askTab(tabId, 'content.closePopover', null).catch(() => undefined),
    }),
  );
  registerHighlightCommands();
  // Chrome: the toolbar button opens the popup; the side panel opens from it.
  // Firefox has no browser.sidePanel (its sidebar_action needs nothing here).
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel;
  void sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
});
