import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HIGHLIGHT_MENU_ID, registerHighlightCommands } from '../../lib/background/commands';
import { HIGHLIGHT_COMMAND } from '../../lib/background/commands-manifest';

type Listener = (...args: unknown[]) => void;
const flush = () => new Promise((done) => setTimeout(done, 0));

/** fakeBrowser has no commands or contextMenus: capture the listeners the code registers. */
function captureListeners() {
  const listeners: { command?: Listener; menu?: Listener } = {};
  const removed: string[] = [];
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(((l: Listener) => (listeners.command = l)) as never);
  vi.spyOn(fakeBrowser.commands.onCommand, 'removeListener').mockImplementation((() => removed.push('command')) as never);
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(((l: Listener) => (listeners.menu = l)) as never);
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'removeListener').mockImplementation((() => removed.push('menu')) as never);
  return { listeners, removed };
}

describe('highlight commands', () => {
  it('asks the tab to highlight its selection on Alt+Shift+H and from the context menu', async () => {
    const { listeners, removed } = captureListeners();
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: { ok: true } } as never);
    const stop = registerHighlightCommands();
    listeners.command!(HIGHLIGHT_COMMAND, { id: 7 });
    listeners.command!('another-command', { id: 7 });
    listeners.menu!({ menuItemId: HIGHLIGHT_MENU_ID }, { id: 9 });
    listeners.menu!({ menuItemId: 'someone-else' }, { id: 9 });
    await flush();
    expect(sent.mock.calls.map(([tab, message]) => [tab, (message as { type: string }).type])).toEqual([
      [7, 'content.highlightSelection'],
      [9, 'content.highlightSelection'],
    ]);
    stop();
    expect(removed.sort()).toEqual(['command', 'menu']);
  });

  it('adds the "Highlight selection" menu item for selections when installed', async () => {
    captureListeners();
    const created: unknown[] = [];
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('划线所选文字');
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((options: unknown) => created.push(options)) as never);
    const stop = registerHighlightCommands();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await flush();
    expect(created).toMatchObject([{ id: HIGHLIGHT_MENU_ID, title: '划线所选文字', contexts: ['selection'] }]);
    stop();
  });
});
