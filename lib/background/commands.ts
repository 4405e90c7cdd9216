/**
 * Background side of "Highlight selection": the context-menu item and the
 * keyboard command (Alt+Shift+H). Both ask the tab's content script to
 * highlight its current selection.
 */
import { browser } from 'wxt/browser';
import { askTab, frameWithSelection } from '@/lib/messaging';
import type { TabFrames } from './tab-frames';

import { HIGHLIGHT_COMMAND } from './commands-manifest';

export const HIGHLIGHT_MENU_ID = 'gloss-highlight-selection';

/** Highlights the selection in `frameId`, or (unknown: the keyboard command) in the frame where the user selected last. */
async function highlightInTab(frames: TabFrames, tabId: number | undefined, frameId?: number): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  const frame = frameId ?? (await frameWithSelection(id, await frames.of(id)));
  // A tab without our content script (a browser page, the web store) has nothing to highlight.
  await askTab(id, 'content.highlightSelection', {}, frame).catch(() => undefined);
}

/** Registers the menu item and the command; returns a function that removes the listeners. */
export function registerHighlightCommands(frames: TabFrames): () => void {
  const menus = (browser as unknown as { contextMenus?: typeof browser.contextMenus }).contextMenus;
  const createMenu = () => {
    if (!menus) return;
    void menus.removeAll().then(() =>
      menus.create({ id: HIGHLIGHT_MENU_ID, title: browser.i18n.getMessage('highlightSelection') || 'Highlight selection', contexts: ['selection'] }),
    );
  };
  // The menu says which frame the user right-clicked in.
  const onMenuClick = (info: { menuItemId: string | number; frameId?: number }, tab?: { id?: number }) => {
    if (info.menuItemId === HIGHLIGHT_MENU_ID) void highlightInTab(frames, tab?.id, info.frameId);
  };
  const onCommand = (command: string, tab?: { id?: number }) => {
    if (command === HIGHLIGHT_COMMAND) void highlightInTab(frames, tab?.id);
  };
  browser.runtime.onInstalled.addListener(createMenu);
  menus?.onClicked.addListener(onMenuClick);
  browser.commands?.onCommand.addListener(onCommand);
  return () => {
    browser.runtime.onInstalled.removeListener(createMenu);
    menus?.onClicked.removeListener(onMenuClick);
    browser.commands?.onCommand.removeListener(onCommand);
  };
}
