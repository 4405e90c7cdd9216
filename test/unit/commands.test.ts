import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HIGHLIGHT_MENU_ID, registerHighlightCommands } from '../../lib/background/commands';
import { HIGHLIGHT_COMMAND } from '../../lib/background/commands-manifest';
import { TabFrames } from '../../lib/background/tab-frames';

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
  afterEach(() => vi.restoreAllMocks());

  it('asks the tab to highlight its selection on Alt+Shift+H and from the context menu', async () => {
    const { listeners, removed } = captureListeners();
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: { ok: true } } as never);
    const stop = registerHighlightCommands(new TabFrames(null));
    listeners.command!(HIGHLIGHT_COMMAND, { id: 7 });
    listeners.command!('another-command', { id: 7 });
    listeners.menu!({ menuItemId: HIGHLIGHT_MENU_ID }, { id: 9 });
    listeners.menu!({ menuItemId: 'someone-else' }, { id: 9 });
    await flush();
    expect(sent.mock.calls.map(([tab, message, options]) => [tab, (message as { type: string }).type, options])).toEqual([
      [7, 'content.highlightSelection', { frameId: 0 }],
      [9, 'content.highlightSelection', { frameId: 0 }],
    ]);
    stop();
    expect(removed.sort()).toEqual(['command', 'menu']);
  });

  it('acts in the frame the menu was opened in, or for the command in the frame where the user selected last', async () => {
    const { listeners } = captureListeners();
    const frames = new TabFrames(null);
    await frames.seen(7, 3);
    await frames.seen(7, 4);
    const selectedAt: Record<number, number | null> = { 0: 50, 3: 200, 4: null };
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tab: number, message: { type: string }, options: { frameId: number }) =>
      message.type === 'content.selection' ? { ok: true, value: { selectedAt: selectedAt[options.frameId] } } : { ok: true, value: { ok: true } }) as never);
    const stop = registerHighlightCommands(frames);
    listeners.command!(HIGHLIGHT_COMMAND, { id: 7 });
    await flush();
    listeners.menu!({ menuItemId: HIGHLIGHT_MENU_ID, frameId: 4 }, { id: 7 });
    await flush();
    const highlights = sent.mock.calls.filter(([, message]) => (message as { type: string }).type === 'content.highlightSelection');
    expect(highlights.map(([tab, , options]) => [tab, options])).toEqual([[7, { frameId: 3 }], [7, { frameId: 4 }]]);
    stop();
  });

  it('adds the "Highlight selection" menu item for selections when installed', async () => {
    captureListeners();
    const created: unknown[] = [];
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('划线所选文字');
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((options: unknown) => created.push(options)) as never);
    const stop = registerHighlightCommands(new TabFrames(null));
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await flush();
    expect(created).toMatchObject([{ id: HIGHLIGHT_MENU_ID, title: '划线所选文字', contexts: ['selection'] }]);
    stop();
  });
});
